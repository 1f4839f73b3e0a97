using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Endpoints;

public static class CultureEndpoint
{
    /// <summary>The language switch: a POST form on every page (no JavaScript), remembered in a cookie for a year.</summary>
    public static void MapCultureEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/culture", ([FromForm] string? culture, [FromForm] string? returnUrl, HttpContext context) =>
            {
                var chosen = ShishinWebHost.SupportedCultures.FirstOrDefault(c => c.Name == culture)?.Name ?? "ja";
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                    new CookieOptions
                    {
                        Expires = DateTimeOffset.UtcNow.AddYears(1),
                        IsEssential = true,
                        HttpOnly = true,
                        SameSite = SameSiteMode.Lax,
                        Secure = context.Request.IsHttps,
                    });
                return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
    }
}
