using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
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

/// <summary>
/// Answers 405 to a POST (or any method but GET and HEAD) on a page that has no handler for it. Razor Pages would
/// otherwise render the page without running its GET handler, so the view met an unloaded model and threw.
/// </summary>
public sealed class MissingPageHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return Task.CompletedTask;
        }

        return next();
    }
}

public static class RequestGuardExtensions
{
    public static IServiceCollection AddRequestGuards(this IServiceCollection services) =>
        services.Configure<MvcOptions>(o => o.Filters.Add(new MissingPageHandlerFilter()));

    public static WebApplication UseRequestGuards(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<UnreadableCharsetMiddleware>();
        return app;
    }
}
