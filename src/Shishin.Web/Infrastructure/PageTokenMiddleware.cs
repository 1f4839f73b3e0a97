using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Net.Http.Headers;

namespace Shishin.Web.Infrastructure;

/// <summary>
/// Anonymous visitors' catalogue pages come from the output cache, but every page carries an antiforgery token (the
/// language switch) that belongs to one visitor's cookie. So while a page is rendered for the cache its forms get a
/// placeholder instead of a token, and here, outside the cache, each visitor's own token replaces it. The ETag is the
/// page's hash together with the visitor's antiforgery cookie, and the page is <c>private, no-cache</c>: a browser keeps
/// its own copy and asks again, and no shared cache hands one visitor's token to another. Signed-in users are not
/// served from the cache at all (their pages carry their name) and keep the antiforgery defaults (no-store).
/// </summary>
public sealed class PageTokenMiddleware(RequestDelegate next, IAntiforgery antiforgery)
{
    // Random per process: catalogue content can never contain it by accident, and the cache is per process.
    private static readonly string Placeholder = "shishin-token-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private static readonly byte[] PlaceholderBytes = Encoding.UTF8.GetBytes(Placeholder);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<ICacheableResponse>() is not { IsPage: true }
            || context.User.Identity?.IsAuthenticated == true)
        {
            await next(context);
            return;
        }

        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        context.Features.Set(PlaceholderFeature.Instance);
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set<PlaceholderFeature>(null);
            response.Body = original;
        }

        var body = new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
        var hasToken = body.Span.IndexOf(PlaceholderBytes) >= 0;
        // Real tokens from here on (the feature is gone); the cookie is set when the visitor has none yet.
        var tokens = hasToken ? antiforgery.GetAndStoreTokens(context) : null;
        if (response.StatusCode == StatusCodes.Status200OK)
        {
            var cookie = tokens?.CookieToken ?? HttpCachingExtensions.AntiforgeryCookie(context) ?? "";
            var tag = EntityTags.Of(body.Span, Encoding.UTF8.GetBytes(cookie));
            response.Headers.ETag = tag;
            response.Headers.CacheControl = "private, no-cache";
            response.Headers.Remove(HeaderNames.Pragma);
            if (EntityTags.NoneMatch(context.Request, tag))
            {
                EntityTags.NotModified(response);
                return;
            }
        }

        if (tokens is null)
        {
            response.ContentLength = body.Length;
            await original.WriteAsync(body, context.RequestAborted);
            return;
        }

        // Spliced into the bytes as they are: the page is not decoded and encoded again.
        var token = Encoding.UTF8.GetBytes(tokens.RequestToken!);
        var parts = new List<ReadOnlyMemory<byte>>();
        var rest = body;
        for (var at = rest.Span.IndexOf(PlaceholderBytes); at >= 0; at = rest.Span.IndexOf(PlaceholderBytes))
        {
            parts.Add(rest[..at]);
            parts.Add(token);
            rest = rest[(at + PlaceholderBytes.Length)..];
        }

        parts.Add(rest);
        response.ContentLength = parts.Sum(p => (long)p.Length);
        foreach (var part in parts)
        {
            await original.WriteAsync(part, context.RequestAborted);
        }
    }

    /// <summary>Wraps the registered <see cref="IAntiforgery"/> so that pages rendered for the cache get the placeholder.</summary>
    internal static void DecorateAntiforgery(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IAntiforgery))
            ?? throw new InvalidOperationException("Register antiforgery (AddRazorPages or AddAntiforgery) before AddShishinHttpCaching.");
        services.Replace(ServiceDescriptor.Singleton<IAntiforgery>(sp => new PlaceholderAntiforgery(
            registered.ImplementationInstance as IAntiforgery
            ?? (IAntiforgery?)registered.ImplementationFactory?.Invoke(sp)
            ?? (IAntiforgery)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!))));
    }

    private sealed class PlaceholderFeature
    {
        public static readonly PlaceholderFeature Instance = new();
    }

    private sealed class PlaceholderAntiforgery(IAntiforgery inner) : IAntiforgery
    {
        public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) =>
            httpContext.Features.Get<PlaceholderFeature>() is null ? inner.GetAndStoreTokens(httpContext) : Tokens(httpContext);

        public AntiforgeryTokenSet GetTokens(HttpContext httpContext) =>
            httpContext.Features.Get<PlaceholderFeature>() is null ? inner.GetTokens(httpContext) : Tokens(httpContext);

        public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

        public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

        public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

        private static AntiforgeryTokenSet Tokens(HttpContext httpContext)
        {
            var options = httpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AntiforgeryOptions>>().Value;
            return new AntiforgeryTokenSet(Placeholder, null, options.FormFieldName, options.HeaderName);
        }
    }
}
