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
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/account/sign-in") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Redirect("/account/sign-in");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await SignInWithCodeAsync(Input.Code.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            await audit.RecordAsync("account.signed-in", nameof(ShishinUser), user.Id.ToString(), new { method = Method });
            return LocalRedirect(LocalUrl.OrHome(ReturnUrl));
        }

        await audit.RecordAsync("account.sign-in-failed", nameof(ShishinUser), user.Id.ToString(), new { reason = result.IsLockedOut ? "locked-out" : InvalidReason });
        ModelState.AddModelError("Input.Code", l["The code is not correct, or the account cannot be used now."]);
        return Page();
    }
}
