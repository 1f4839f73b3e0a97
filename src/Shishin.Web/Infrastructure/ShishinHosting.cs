using Shishin.Core.Data;

namespace Shishin.Web.Infrastructure;

/// <summary>
/// How the host finds its files and its address wherever it is started from: <c>dotnet run</c> in the project folder,
/// the published <c>Shishin.Web.dll</c> from any working directory, or the test factory.
/// </summary>
public static class ShishinHosting
{
    /// <summary>Where Shishin listens when nothing says otherwise.</summary>
    public const string DefaultUrls = "http://localhost:5080";

    /// <summary>The builder's options: the command line, and a content root that does not depend on the working directory.</summary>
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = ContentRoot(args, Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
    };

    /// <summary>
    /// The content root (where <c>appsettings*.json</c> and <c>wwwroot</c> are), or null for ASP.NET Core's own choice.
    /// ASP.NET Core takes the working directory, which is right for <c>dotnet run</c> (the project folder) and for a
    /// published build started in its own folder, but from anywhere else finds no settings and no static files. The
    /// folder of the program itself holds both after a publish.
    /// </summary>
    internal static string? ContentRoot(string[] args, string workingDirectory, string programDirectory)
    {
        var explicitly = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build()[WebHostDefaults.ContentRootKey];
        if (!string.IsNullOrEmpty(explicitly) || File.Exists(Path.Combine(workingDirectory, "appsettings.json")))
            return null;
        return programDirectory;
    }

    /// <summary>
    /// Listens on <see cref="DefaultUrls"/> unless the configuration names addresses in any of ASP.NET Core's ways
    /// (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>Urls</c>, <c>ASPNETCORE_HTTP_PORTS</c>, <c>Kestrel:Endpoints</c>).
    /// The default is not in <c>appsettings.json</c> because a value there would win over <c>ASPNETCORE_URLS</c>.
    /// In Development, <c>Shishin:PublicUrl</c> follows the address when it is not set, so that moving the port on a
    /// laptop does not leave every redirect pointing at the old one.
    /// </summary>
    public static WebApplicationBuilder ConfigureAddresses(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var defaultUrls = DefaultUrlsFor(builder.Configuration);
        if (defaultUrls is not null)
            builder.WebHost.UseUrls(defaultUrls);
        var publicUrl = builder.Configuration[PublicUrlKey];
        if (builder.Environment.IsDevelopment() && string.IsNullOrWhiteSpace(publicUrl) &&
            DevelopmentPublicUrl(defaultUrls ?? builder.Configuration[WebHostDefaults.ServerUrlsKey]) is { } derived)
            builder.Configuration[PublicUrlKey] = derived;
        return builder;
    }

    private const string PublicUrlKey = PublicUrlOptions.SectionName + ":" + nameof(PublicUrlOptions.PublicUrl);

    /// <summary>
    /// The first address of <paramref name="urls"/> as a browser on the same machine reaches it (a wildcard host is
    /// localhost), or null when there is none to take (no urls, port 0).
    /// </summary>
    internal static string? DevelopmentPublicUrl(string? urls)
    {
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null)
            return null;
        var match = System.Text.RegularExpressions.Regex.Match(first, @"^(?<scheme>https?)://(?<host>\[[^\]]*\]|[^:/]+)(:(?<port>\d+))?/?$",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        if (!match.Success || match.Groups["port"].Value == "0")
            return null;
        var host = match.Groups["host"].Value;
        if (host is "*" or "+" or "0.0.0.0" or "[::]")
            host = "localhost";
        var port = match.Groups["port"].Success ? ":" + match.Groups["port"].Value : "";
        return $"{match.Groups["scheme"].Value.ToLowerInvariant()}://{host}{port}/";
    }

    /// <summary><see cref="DefaultUrls"/>, or null when <paramref name="configuration"/> already says where to listen.</summary>
    internal static string? DefaultUrlsFor(IConfiguration configuration)
    {
        string[] keys = [WebHostDefaults.ServerUrlsKey, WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey];
        if (keys.Any(k => !string.IsNullOrWhiteSpace(configuration[k])) || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
            return null;
        return DefaultUrls;
    }

    /// <summary>Says in the log which database this node uses, so that nobody wonders which file or server it opened.</summary>
    public static WebApplication LogDatabase(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var location = app.Services.GetRequiredService<DatabaseLocation>();
        app.Logger.LogInformation("Database: {Database}", location.Description);
        return app;
    }
}
