using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Endpoints;

public static class CultureEndpoint
{
    /// <summary>The endpoint's name, for links made with <c>Url.RouteUrl</c> or <see cref="LinkGenerator"/>.</summary>
    public const string RouteName = "SetCulture";

    /// <summary>
    /// The language switch: a POST form on every page (no JavaScript), remembered in a cookie for a year. On a page
    /// with a form to keep, the same button submits that form instead (<see cref="LanguageSwitch"/>).
    /// </summary>
    public static void MapCultureEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/culture", ([FromForm] string? culture, [FromForm] string? returnUrl, HttpContext context) =>
            {
                var chosen = ShishinWebHost.SupportedCultures.FirstOrDefault(c => c.Name == culture)?.Name ?? "ja";
                Remember(context, chosen);
                return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
            })
            .WithName(RouteName)
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    /// <summary>Keeps the visitor's choice of language for later requests.</summary>
    public static void Remember(HttpContext context, string culture)
    {
        ArgumentNullException.ThrowIfNull(context);
        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = time.GetUtcNow().AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
            });
    }
}
