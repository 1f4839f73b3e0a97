using Microsoft.Extensions.Options;
using Shishin.Core.Identity;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Account;

/// <summary>
/// Recognises the browsers an account signs in from by a random, long-lived, HttpOnly cookie (its hash is stored in
/// <see cref="UserDevice"/>). A sign-in from a browser the account has not used, when it has used others, e-mails the
/// owner; the account's first browser does not.
/// </summary>
public sealed class KnownDevices(UserDeviceStore devices, AccountMail mail, IOptions<SecurityOptions> security)
{
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(365);

    private string CookieName => (security.Value.RequireHttps ? "__Host-" : "") + "shishin-device";

    public async Task RecordSignInAsync(HttpContext context, ShishinUser user)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(user);
        var presented = context.Request.Cookies[CookieName];
        var token = presented is { Length: 64 } && presented.All(char.IsAsciiHexDigitLower) ? presented : UserDeviceStore.NewToken();
        var description = Describe(context.Request.Headers.UserAgent.ToString());
        var outcome = await devices.RecordAsync(user.Id, token, description);
        if (token != presented)
        {
            context.Response.Cookies.Append(CookieName, token, new CookieOptions
            {
                HttpOnly = true,
                Secure = security.Value.RequireHttps || context.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                Path = "/",
                IsEssential = true,
                MaxAge = CookieLifetime,
            });
        }

        if (outcome == UserDeviceStore.Outcome.New)
        {
            mail.QueueNewDevice(user, description);
        }
    }

    /// <summary>"Chrome on Windows": enough for a person to recognise their own browser, nothing more.</summary>
    public static string Describe(string userAgent)
    {
        ArgumentNullException.ThrowIfNull(userAgent);
        string Has(string s) => userAgent.Contains(s, StringComparison.OrdinalIgnoreCase) ? s : "";
        var browser = Has("Edg/") != "" ? "Edge"
            : Has("Firefox/") != "" ? "Firefox"
            : Has("Chrome/") != "" || Has("Chromium/") != "" ? "Chrome"
            : Has("Safari/") != "" ? "Safari"
            : "Browser";
        var system = Has("Windows") != "" ? "Windows"
            : Has("iPhone") != "" || Has("iPad") != "" ? "iOS"
            : Has("Android") != "" ? "Android"
            : Has("Mac OS X") != "" || Has("Macintosh") != "" ? "macOS"
            : Has("Linux") != "" ? "Linux"
            : "";
        return system.Length == 0 ? browser : $"{browser} on {system}";
    }
}
