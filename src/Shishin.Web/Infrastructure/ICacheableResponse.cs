namespace Shishin.Web.Infrastructure;

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
