using System.ComponentModel.DataAnnotations;
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

[AllowAnonymous]
public sealed class SignInModel(
    ShishinSignInManager signIn, AuditLog audit,
    IOptions<OpenIdConnectSettings> oidc, IOptions<IdentityOptions> identity, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ExternalSignIn => oidc.Value.IsConfigured ? oidc.Value.DisplayName : null;

    /// <summary>Shown instead of the usual failure once an address has failed too often, whether or not it has an account.</summary>
    public bool Paused { get; private set; }

    public int PauseMinutes => (int)Math.Ceiling(identity.Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync([FromServices] SignInThrottle throttle)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Before the password is checked, so a throttled attempt cannot count towards the account's lockout (ADR 0011).
        if (await throttle.RefuseAsync(HttpContext, Input.Email, userId: null) is { } refused)
        {
            return refused;
        }

        // The same answer, after the same work, for an unknown user, a wrong password, a locked or a deactivated account (ASVS 6.3.x).
        var (result, user) = await signIn.PasswordSignInByEmailAsync(Input.Email, Input.Password);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/SignInTwoFactor", new { returnUrl = SafeReturnUrl });
        }

        if (result.Succeeded)
        {
            throttle.Succeeded(HttpContext, Input.Email);
            await audit.RecordAsync("account.signed-in", nameof(ShishinUser), user!.Id.ToString());
            return LocalRedirect(SafeReturnUrl);
        }

        // Repeated failures of one client become one audit row with their count (ADR 0011).
        await throttle.FailedAsync(HttpContext, Input.Email, user?.Id.ToString(),
            result.IsLockedOut ? "locked-out" : result.IsNotAllowed ? "not-allowed" : "invalid");
        // The address's own count decides the notice, for an unknown address as for an account (Identity locks the
        // account on the same count); a lockout that began elsewhere is shown too.
        throttle.AddressFailed(Input.Email);
        Paused = result.IsLockedOut || throttle.IsAddressPaused(Input.Email);
        if (Paused)
        {
            ModelState.AddModelError(string.Empty, l["Too many failed sign-ins with this email address: signing in with it is paused for {0} minutes. If there is an account with this address, its owner has been sent an e-mail. You can also reset the password.", PauseMinutes]);
            return Page();
        }

        ModelState.AddModelError(string.Empty, l["The email address or password is not correct, or the account cannot be used now."]);
        return Page();
    }

    private string SafeReturnUrl => LocalUrl.OrHome(ReturnUrl);
}

public sealed class SignInInput
{
    [Required(ErrorMessage = "Enter an email address.")]
    [StringLength(256, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter a password.")]
    [StringLength(512, ErrorMessage = "Use at most {1} characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";
}
