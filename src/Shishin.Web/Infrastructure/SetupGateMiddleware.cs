namespace Shishin.Web.Infrastructure;

public sealed class SetupGateMiddleware(RequestDelegate next, SetupState state, LinkGenerator links)
{
    private static readonly string[] OpenPrefixes = ["/setup", "/css", "/lib", "/js", "/images", "/favicon", "/health", "/culture", "/errors", "/.well-known"];

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (OpenPrefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)) ||
            await state.IsCompleteAsync(context.RequestServices))
        {
            await next(context);
            return;
        }

        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await Results.Problem(statusCode: 503, title: "Setup required", detail: "Shishin has no administrator yet; complete setup at /setup.")
                .ExecuteAsync(context);
            return;
        }

        context.Response.Redirect(links.GetPathByPage(context, "/Setup/Index") ?? throw new InvalidOperationException("The setup page is not mapped."));
    }
}
