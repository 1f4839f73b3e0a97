using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Shishin.Core.Auditing;
using Shishin.Core.Identity;

namespace Shishin.Web.Pages.Account;

[AllowAnonymous]
public sealed class SignInRecoveryModel(SignInManager<ShishinUser> signIn, AuditLog audit, IStringLocalizer<SharedResource> l)
    : SecondFactorPageModel(signIn, audit, l)
{
    protected override string Method => "recovery-code";

    protected override string InvalidReason => "invalid-recovery-code";

    // Recovery codes contain a hyphen of their own, so only spaces are removed.
    protected override Task<Microsoft.AspNetCore.Identity.SignInResult> SignInWithCodeAsync(string code) =>
        SignInManager.TwoFactorRecoveryCodeSignInAsync(code);
}
