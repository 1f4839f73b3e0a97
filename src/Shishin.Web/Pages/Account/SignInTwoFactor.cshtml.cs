using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Shishin.Core.Auditing;
using Shishin.Core.Identity;

namespace Shishin.Web.Pages.Account;

[AllowAnonymous]
public sealed class SignInTwoFactorModel(SignInManager<ShishinUser> signIn, AuditLog audit, IStringLocalizer<SharedResource> l)
    : SecondFactorPageModel(signIn, audit, l)
{
    protected override string Method => "totp";

    protected override string InvalidReason => "invalid-code";

    // Authenticator apps show codes grouped as "123 456" or "123-456".
    protected override Task<Microsoft.AspNetCore.Identity.SignInResult> SignInWithCodeAsync(string code) =>
        SignInManager.TwoFactorAuthenticatorSignInAsync(code.Replace("-", "", StringComparison.Ordinal), isPersistent: false, rememberClient: false);
}

public sealed class CodeInput
{
    [Required(ErrorMessage = "Enter the code.")]
    [StringLength(16, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Verification code")]
    public string Code { get; set; } = "";
}
