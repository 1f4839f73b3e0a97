using Microsoft.Net.Http.Headers;

namespace Shishin.Web.Infrastructure;

/// <summary>
/// Refuses a body whose declared charset .NET cannot decode (UTF-7, unknown code pages) with 415 before the form
/// reader, which throws on it even inside the antiforgery check, turns it into a 500.
/// </summary>
public sealed class UnreadableCharsetMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var contentType = context.Request.ContentType;
        if (contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var mediaType) && mediaType.Charset.HasValue)
        {
            try
            {
                _ = mediaType.Encoding;
            }
            catch (Exception e) when (e is NotSupportedException or ArgumentException)
            {
                context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                return Task.CompletedTask;
            }
        }

        return next(context);
    }
}
