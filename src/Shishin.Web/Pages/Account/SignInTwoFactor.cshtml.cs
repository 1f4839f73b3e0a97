using System.ComponentModel.DataAnnotations;
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
public sealed class SignInTwoFactorModel(SignInManager<ShishinUser> signIn, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
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

        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.RecordAsync("account.signed-in", nameof(ShishinUser), user.Id.ToString(), new { method = "totp" });
            return LocalRedirect(CultureEndpoint.IsLocal(ReturnUrl) ? ReturnUrl! : "/");
        }

        await audit.RecordAsync("account.sign-in-failed", nameof(ShishinUser), user.Id.ToString(), new { reason = result.IsLockedOut ? "locked-out" : "invalid-code" });
        ModelState.AddModelError("Input.Code", l["The code is not correct, or the account cannot be used now."]);
        return Page();
    }
}

public sealed class CodeInput
{
    [Required(ErrorMessage = "Enter the code.")]
    [StringLength(16, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Verification code")]
    public string Code { get; set; } = "";
}
