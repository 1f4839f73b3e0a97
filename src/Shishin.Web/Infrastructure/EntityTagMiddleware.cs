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
