using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Endpoints;

/// <summary>
/// <c>/.well-known/security.txt</c> (RFC 9116) from <c>Shishin:SecurityContact</c> and <c>Shishin:SecurityTxtExpires</c>.
/// Without a contact it answers 404 rather than name nobody. A date already past does not stop the server: it is
/// logged at start, and the file is still served, because a stale date with a real contact helps a reporter more than
/// nothing (RFC 9116 section 2.5.5 tells readers to treat it as stale).
/// </summary>
public static class SecurityTxtEndpoint
{
    public const string Path = "/.well-known/security.txt";

    public static void MapSecurityTxt(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var site = app.Services.GetRequiredService<IOptions<SiteOptions>>().Value;
        if (site.SecurityContactUri is not null && site.SecurityTxtExpires is { } expires &&
            expires <= app.Services.GetRequiredService<TimeProvider>().GetUtcNow())
        {
            app.Logger.LogWarning(
                "Shishin:SecurityTxtExpires ({Expires:O}) has passed: {Path} is served as stale. Set a new date less than a year ahead.",
                expires, Path);
        }

        app.MapGet(Path, (IOptions<SiteOptions> options, IOptions<PublicUrlOptions> publicUrl) =>
                Text(options.Value, publicUrl.Value) is { } text
                    ? Results.Text(text, "text/plain; charset=utf-8", Encoding.UTF8)
                    : Results.NotFound())
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    /// <summary>The file's fields, or null when no contact is configured.</summary>
    public static string? Text(SiteOptions site, PublicUrlOptions publicUrl)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(publicUrl);
        if (site.SecurityContactUri is not { } contact || site.SecurityTxtExpires is not { } expires)
        {
            return null;
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Contact: {contact.AbsoluteUri}\n");
        text.Append(CultureInfo.InvariantCulture, $"Expires: {expires.ToUniversalTime():yyyy-MM-dd'T'HH:mm:ss'Z'}\n");
        text.Append("Preferred-Languages: ja, en\n");
        text.Append(CultureInfo.InvariantCulture, $"Canonical: {publicUrl.Link(Path).AbsoluteUri}\n");
        return text.ToString();
    }
}
