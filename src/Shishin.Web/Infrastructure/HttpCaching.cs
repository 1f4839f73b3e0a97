using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.ResponseCompression;

namespace Shishin.Web.Infrastructure;

/// <summary>The <c>HttpCaching</c> section: the server's cache of public responses (ADR 0013).</summary>
public sealed class HttpCachingOptions
{
    public const string SectionName = "HttpCaching";

    /// <summary>False turns the server-side output cache off; ETags, 304 and compression stay.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a cached response is kept at most.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How often a node re-reads which catalogue versions are published. Publishing on this node takes effect at once;
    /// on other nodes after at most this long. Zero reads it on every request.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan CatalogCheckInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Endpoint metadata: the response is the same for everyone who may see it, so it gets a strong ETag, answers
/// If-None-Match with 304 and may be kept by the output cache. Pages are never compressed (BREACH: they carry an
/// antiforgery token), and their forms' tokens are filled in for each visitor after the cache (see
/// <see cref="PageTokenMiddleware"/>).
/// </summary>
public interface ICacheableResponse
{
    bool IsPage { get; }
}

public static class HttpCachingExtensions
{
    /// <summary>Call after the antiforgery services are registered: the page token placeholder decorates them.</summary>
    public static IServiceCollection AddShishinHttpCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HttpCachingOptions>().Bind(configuration.GetSection(HttpCachingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOutputCache();
        services.AddResponseCompression(o =>
        {
            // Only endpoints marked ICacheableResponse (public data, no secrets) reach this middleware, so HTTPS is fine.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ["application/json", "application/schema+json", "text/csv"];
        });
        // The output cache keeps the compressed bytes, so a better ratio costs once per entry, not per request.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        PageTokenMiddleware.DecorateAntiforgery(services);
        Pages.Catalog.CatalogCachePolicy.AddToPages(services);
        return services;
    }

    /// <summary>At the end of the pipeline, after authentication (the cache serves anonymous visitors only).</summary>
    public static WebApplication UseShishinHttpCaching(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<PageTokenMiddleware>();
        app.UseOutputCache();
        app.UseMiddleware<EntityTagMiddleware>();
        app.UseWhen(c => c.GetEndpoint()?.Metadata.GetMetadata<ICacheableResponse>() is { IsPage: false }, b => b.UseResponseCompression());
        return app;
    }

    internal static string? AntiforgeryCookie(HttpContext context) =>
        context.Request.Cookies[context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AntiforgeryOptions>>().Value.Cookie.Name!];
}
