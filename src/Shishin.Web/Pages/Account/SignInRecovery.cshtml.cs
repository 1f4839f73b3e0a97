using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Auditing;
using Shishin.Core.Identity;
using Shishin.Web.Endpoints;

namespace Shishin.Web.Pages.Account;

[AllowAnonymous]
public sealed class SignInRecoveryModel(SignInManager<ShishinUser> signIn, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

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

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.Code.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            await audit.RecordAsync("account.signed-in", nameof(ShishinUser), user.Id.ToString(), new { method = "recovery-code" });
            return LocalRedirect(CultureEndpoint.IsLocal(ReturnUrl) ? ReturnUrl! : "/");
        }

        await audit.RecordAsync("account.sign-in-failed", nameof(ShishinUser), user.Id.ToString(), new { reason = "invalid-recovery-code" });
        ModelState.AddModelError("Input.Code", l["The code is not correct, or the account cannot be used now."]);
        return Page();
    }
}
