namespace Shishin.Web.Endpoints;

/// <summary>
/// Endpoints for bench/ only, mapped when <c>Bench:Endpoints=true</c> (never by default): <c>POST /bench/no-content</c>
/// answers 204 through the same pipeline as every request, the ceiling beside which the feedback intake is measured.
/// </summary>
public static class BenchEndpoints
{
    public static void MapBenchEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Configuration.GetValue("Bench:Endpoints", false))
        {
            return;
        }

        app.MapPost("/bench/no-content", () => TypedResults.NoContent()).AllowAnonymous().DisableRateLimiting().ExcludeFromDescription();
    }
}
