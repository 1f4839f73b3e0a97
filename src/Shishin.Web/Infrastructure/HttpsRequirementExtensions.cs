using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Shishin.Web.Infrastructure;

public static partial class HttpsRequirementExtensions
{
    /// <summary>Installs the check and, once the server listens, logs a warning when HTTPS is required but not served.</summary>
    public static WebApplication UseHttpsRequirement(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<HttpsRequirementMiddleware>();
        var security = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        var publicUrl = app.Services.GetRequiredService<IOptions<PublicUrlOptions>>().Value;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (!security.RequireHttps)
            {
                return;
            }

            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            if (!addresses.Any(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            {
                LogNoHttpsEndpoint(app.Logger, addresses.Count == 0 ? "(none)" : string.Join(", ", addresses));
            }

            if (publicUrl.BaseUri.Scheme != Uri.UriSchemeHttps)
            {
                LogPublicUrlNotHttps(app.Logger, publicUrl.BaseUri);
            }
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Security:RequireHttps is true but this server listens only on {Addresses}, without HTTPS. Every request that does not come " +
        "through a trusted TLS-terminating proxy (X-Forwarded-Proto: https from a known proxy) gets a 400 page, except /health. " +
        "Configure an HTTPS endpoint or the proxy; Security:RequireHttps=false is for local development only.")]
    private static partial void LogNoHttpsEndpoint(ILogger logger, string addresses);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Security:RequireHttps is true but Shishin:PublicUrl ({PublicUrl}) is not an https address; links sent to people will use plain HTTP.")]
    private static partial void LogPublicUrlNotHttps(ILogger logger, Uri publicUrl);
}
