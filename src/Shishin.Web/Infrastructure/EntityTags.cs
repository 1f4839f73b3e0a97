using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Shishin.Web.Infrastructure;

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
