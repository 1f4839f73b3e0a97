using Microsoft.Extensions.Options;

namespace Shishin.Web.Infrastructure;

/// <summary>
/// Rejects a body over the limit with 413 before anything reads it: a declared length at once, a chunked body after
/// reading it up to the limit. A body found too large while a page reads its form would otherwise surface as a failed
/// antiforgery check (400) or a model binding error.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<SecurityOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // An endpoint may allow more than the default (the service CSV import takes files up to 5 MB); runs after routing
        // for that reason.
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? options.Value.MaxRequestBodyBytes;
        // The error page re-executes with the original headers; it never reads the body.
        if (context.Request.Path.StartsWithSegments("/errors", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength is null && context.Request.Headers.TransferEncoding.Count > 0 && !await FitsAsync(context.Request, limit))
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        await next(context);
    }

    private static async Task<bool> FitsAsync(HttpRequest request, long limit)
    {
        // Buffered (in memory, then a temporary file) so that the page still reads the whole body afterwards.
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: limit);
        try
        {
            var buffer = new byte[16 * 1024];
            while (await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted) > 0)
            {
            }
        }
        catch (IOException)
        {
            // Kestrel's BadHttpRequestException (413) and the buffer's own limit are both IOExceptions.
            return false;
        }

        request.Body.Position = 0;
        return true;
    }
}
