using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Auditing;
using Shishin.Core.Identity;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Account;

/// <summary>
/// The second step of sign-in after a correct password: the authenticator code or a recovery code. Only reachable
/// while Identity's two-factor cookie names the user; both outcomes are audited.
/// </summary>
public abstract class SecondFactorPageModel(SignInManager<ShishinUser> signIn, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The method name written to the audit log on success.</summary>
    protected abstract string Method { get; }

    /// <summary>The audit log's reason for a wrong code.</summary>
    protected abstract string InvalidReason { get; }

    protected SignInManager<ShishinUser> SignInManager => signIn;

    protected abstract Task<Microsoft.AspNetCore.Identity.SignInResult> SignInWithCodeAsync(string code);

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync([FromServices] SignInThrottle throttle)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Refused before the code is checked, so it cannot count towards the lockout (ADR 0011).
        if (await throttle.RefuseAsync(HttpContext, user.Id.ToString(), user.Id.ToString()) is { } refused)
        {
            return refused;
        }

        var result = await SignInWithCodeAsync(Input.Code.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            throttle.Succeeded(HttpContext, user.Id.ToString());
            await audit.RecordAsync("account.signed-in", nameof(ShishinUser), user.Id.ToString(), new { method = Method });
            return LocalRedirect(LocalUrl.OrHome(ReturnUrl));
        }

        await throttle.FailedAsync(HttpContext, user.Id.ToString(), user.Id.ToString(), result.IsLockedOut ? "locked-out" : InvalidReason);
        ModelState.AddModelError("Input.Code", l["The code is not correct, or the account cannot be used now."]);
        return Page();
    }
}
