using Microsoft.AspNetCore.Mvc;

namespace Shishin.Web.Infrastructure;

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
