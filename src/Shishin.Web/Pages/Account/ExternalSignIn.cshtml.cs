using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Shishin.Core.Auditing;
using Shishin.Core.Identity;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Account;

/// <summary>
/// OpenID Connect sign-in. Accounts are still created only by invitation: the provider's verified email address
/// must belong to an existing active account, which is then linked to the provider.
/// </summary>
[AllowAnonymous]
public sealed class ExternalSignInModel(
    SignInManager<ShishinUser> signIn, UserManager<ShishinUser> users, AuditLog audit,
    IOptions<OpenIdConnectSettings> oidc, IStringLocalizer<SharedResource> l) : PageModel
{
    public string Message { get; private set; } = "";

    public IActionResult OnGet(string? returnUrl)
    {
        if (!oidc.Value.IsConfigured)
        {
            return NotFound();
        }

        var callback = Url.Page("/Account/ExternalSignIn", "callback", new { returnUrl = LocalUrl.OrHome(returnUrl) });
        var properties = signIn.ConfigureExternalAuthenticationProperties(OpenIdConnectDefaults.AuthenticationScheme, callback);
        return Challenge(properties, OpenIdConnectDefaults.AuthenticationScheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync(string? returnUrl)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            Message = l["Sign-in with the external provider did not complete. Try again."];
            return Page();
        }

        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: false);
        if (!result.Succeeded && !result.RequiresTwoFactor && !result.IsLockedOut && !result.IsNotAllowed)
        {
            var email = info.Principal.FindFirstValue(ClaimTypes.Email);
            var user = email is null ? null : await users.FindByEmailAsync(email);
            if (user is { IsActive: true } && (await users.AddLoginAsync(user, info)).Succeeded)
            {
                result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: false);
            }
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/SignInTwoFactor", new { returnUrl = returnUrl ?? "/" });
        }

        if (result.Succeeded)
        {
            await audit.RecordAsync("account.signed-in", "ExternalLogin", info.ProviderKey, new { method = info.LoginProvider });
            return LocalRedirect(LocalUrl.OrHome(returnUrl));
        }

        await audit.RecordAsync("account.sign-in-failed", "ExternalLogin", info.ProviderKey, new { method = info.LoginProvider });
        Message = l["No active Shishin account matches this sign-in. Ask an administrator for an invitation."];
        return Page();
    }
}
