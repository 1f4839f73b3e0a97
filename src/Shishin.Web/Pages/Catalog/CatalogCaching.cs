using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Shishin.Core.Catalog;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Catalog;

/// <summary>
/// The output cache policy of the public catalogue (ADR 0013): anonymous GETs only, keyed by URL, by a stamp of the
/// published versions (so publishing or retiring a version changes every key, on every node), by language for pages
/// and by content encoding for the API; entries are tagged and evicted as soon as the stamp changes.
/// </summary>
public sealed class CatalogCachePolicy : IOutputCachePolicy, ICacheableResponse
{
    public const string Tag = "catalog";

    public static readonly CatalogCachePolicy Api = new(page: false);
    public static readonly CatalogCachePolicy Page = new(page: true);

    private CatalogCachePolicy(bool page) => IsPage = page;

    public bool IsPage { get; }

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<HttpCachingOptions>>().Value;
        var cacheable = options.Enabled
            && HttpMethods.IsGet(http.Request.Method)
            && StringValues.IsNullOrEmpty(http.Request.Headers.Authorization)
            && http.User.Identity?.IsAuthenticated != true
            // A page read with a notice waiting (TempData) shows and clears it: render it for this visitor.
            && !(IsPage && http.Request.Cookies.ContainsKey(TempDataCookie(http)));
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (!cacheable)
        {
            return;
        }

        context.ResponseExpirationTimeSpan = options.Duration;
        context.Tags.Add(Tag);
        context.CacheVaryByRules.QueryKeys = "*";
        var stamp = await http.RequestServices.GetRequiredService<CatalogService>().PublishedStampAsync(options.CatalogCheckInterval, cancellationToken);
        context.CacheVaryByRules.VaryByValues["catalog"] = stamp;
        if (http.RequestServices.GetRequiredService<StampSeen>().Changed(stamp))
        {
            await http.RequestServices.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(Tag, cancellationToken);
        }

        if (IsPage)
        {
            context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        }
        else
        {
            // The encoding the compression middleware will choose for this request, exactly.
            var compression = http.RequestServices.GetRequiredService<IResponseCompressionProvider>();
            context.CacheVaryByRules.VaryByValues["encoding"] =
                (compression.CheckRequestAcceptsCompression(http) ? compression.GetCompressionProvider(http)?.EncodingName : null) ?? "identity";
        }
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var response = http.Response;
        if (IsPage)
        {
            // The layout reads TempData, so every page deletes the TempData cookie, even for a visitor who has none (a
            // visitor who has one is not served from the cache): dropping that deletion is what makes pages cacheable.
            var deletion = TempDataCookie(http) + "=;";
            response.Headers.SetCookie = new StringValues([.. response.Headers.SetCookie.Where(c => c is not null && !c.StartsWith(deletion, StringComparison.Ordinal))]);
        }

        // Only a 200 that is the same for everyone: no cookie set, nothing marked private (the draft) or no-store.
        if (response.StatusCode != StatusCodes.Status200OK
            || !StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || EntityTags.IsNoStore(response))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    private static string TempDataCookie(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie.Name ?? CookieTempDataProvider.CookieName;

    /// <summary>Every page of the public catalogue (the Catalog folder) uses the page policy.</summary>
    internal static void AddToPages(IServiceCollection services)
    {
        services.AddSingleton<StampSeen>();
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
            o.Conventions.AddFolderApplicationModelConvention("/Catalog", model => model.EndpointMetadata.Add(Page)));
    }

    /// <summary>The stamp last seen by this app, to evict the entries of older stamps once (they are never looked up again).</summary>
    private sealed class StampSeen
    {
        private string? seen;

        public bool Changed(string stamp) => Interlocked.Exchange(ref seen, stamp) is { } previous && previous != stamp;
    }
}

/// <summary>The Cache-Control of the catalogue API's answers.</summary>
public static class CatalogCacheControl
{
    /// <summary>Content that never changes: a published or retired version named by its number.</summary>
    public const string Immutable = "public, max-age=86400";

    /// <summary>The current version (or a list of versions) changes when one is published: keep, but ask again each time.</summary>
    public const string Revalidate = "public, no-cache";

    /// <summary>The draft, and what only administrators see.</summary>
    public const string Personal = "private, no-store";

    public static void Set(HttpContext context, string value)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers[HeaderNames.CacheControl] = value;
    }

    /// <summary>A version's content: the draft is personal, a named version immutable, "current" must be revalidated.</summary>
    public static void Set(HttpContext context, CatalogSnapshot snapshot, bool named)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Set(context, snapshot.Info.Status == CatalogVersionStatus.Draft ? Personal : named ? Immutable : Revalidate);
    }
}
