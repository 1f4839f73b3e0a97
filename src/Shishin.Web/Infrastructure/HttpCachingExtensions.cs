using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.ResponseCompression;

namespace Shishin.Web.Infrastructure;

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
