using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Net.Http.Headers;

namespace Shishin.Web.Infrastructure;

/// <summary>
/// Strong ETags and 304 for <see cref="ICacheableResponse"/> endpoints other than pages. It sits inside the output
/// cache and outside compression, so the tag is the hash of the bytes sent (each encoding has its own tag, as RFC 9110
/// wants of a strong validator) and is computed once per cached entry; the output cache answers If-None-Match itself
/// when it serves an entry.
/// </summary>
public sealed class EntityTagMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || context.GetEndpoint()?.Metadata.GetMetadata<ICacheableResponse>() is not { IsPage: false })
        {
            await next(context);
            return;
        }

        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        var body = new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (response.StatusCode == StatusCodes.Status200OK && !EntityTags.IsNoStore(response))
        {
            var tag = EntityTags.Of(body.Span, []);
            response.Headers.ETag = tag;
            EntityTags.AddVary(response, HeaderNames.AcceptEncoding);
            if (EntityTags.NoneMatch(context.Request, tag))
            {
                EntityTags.NotModified(response);
                return;
            }
        }

        response.ContentLength = body.Length;
        await original.WriteAsync(body, context.RequestAborted);
    }
}

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

internal static class EntityTags
{
    /// <summary>A strong tag: the first 16 bytes of SHA-256 over the body and whatever else the representation depends on.</summary>
    public static string Of(ReadOnlySpan<byte> body, ReadOnlySpan<byte> more)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(body);
        hash.AppendData(more);
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return "\"" + Convert.ToBase64String(digest[..16]).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "\"";
    }

    public static bool IsNoStore(HttpResponse response) =>
        CacheControlHeaderValue.TryParse(response.Headers.CacheControl.ToString(), out var value) && (value.NoStore || value.Private);

    /// <summary>If-None-Match compares weakly (RFC 9110 13.1.2); "*" matches any current representation.</summary>
    public static bool NoneMatch(HttpRequest request, string tag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0 || !EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(tag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }

    public static void NotModified(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status304NotModified;
        response.ContentLength = null;
        response.Headers.Remove(HeaderNames.ContentType);
        response.Headers.Remove(HeaderNames.ContentEncoding);
        response.Headers.Remove(HeaderNames.ContentDisposition);
    }

    public static void AddVary(HttpResponse response, string header)
    {
        var vary = response.Headers.Vary.ToString();
        if (!vary.Contains(header, StringComparison.OrdinalIgnoreCase))
        {
            response.Headers.Vary = string.IsNullOrEmpty(vary) ? header : vary + ", " + header;
        }
    }
}
