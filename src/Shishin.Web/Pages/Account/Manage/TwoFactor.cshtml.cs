using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using QRCoder;
using Shishin.Core.Identity;
using Shishin.Web.Infrastructure;
using Shishin.Web.Pages.Account;

namespace Shishin.Web.Pages.Account.Manage;

/// <summary>TOTP enrolment with a QR code and recovery codes; required for administrators.</summary>
public sealed class TwoFactorModel(UserManager<ShishinUser> users, ShishinSignInManager signIn, AccountMail mail, IStringLocalizer<SharedResource> l) : PageModel
{
    // The page holds two forms; each handler binds only its own (a [BindProperty] would validate both on every POST).
    public CodeInput Input { get; set; } = new();

    /// <summary>New recovery codes and turning two-step off ask for the password again.</summary>
    public ReauthenticationInput Reauth { get; set; } = new();

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await TryUpdateModelAsync(Input, nameof(Input)))
        {
            return await ShowAsync(user);
        }

        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Input.Code", l["The code is not correct. Check the time on your phone and try the newest code."]);
            return await ShowAsync(user);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList();
        await signIn.RefreshSignInAsync(user);
        await signIn.EndOtherSessionsAsync(user);
        EmailNotices.ForUser(TempData, await mail.SendTwoFactorChangedAsync(user, TwoFactorChange.Enabled), l);
        return await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await ReauthenticatedAsync(user))
        {
            return await ShowAsync(user);
        }

        if (user.TwoFactorEnabled)
        {
            RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList();
            EmailNotices.ForUser(TempData, await mail.SendTwoFactorChangedAsync(user, TwoFactorChange.RecoveryCodesRenewed), l);
        }

        return await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (await users.IsInRoleAsync(user, Roles.Admin))
        {
            return Forbid();
        }

        if (!await ReauthenticatedAsync(user))
        {
            return await ShowAsync(user);
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        await signIn.EndOtherSessionsAsync(user);
        EmailNotices.ForUser(TempData, await mail.SendTwoFactorChangedAsync(user, TwoFactorChange.Disabled), l);
        TempData["Notice"] = l["Two-step verification is off."].Value;
        return RedirectToPage("/Account/Manage/Index");
    }

    private async Task<bool> ReauthenticatedAsync(ShishinUser user)
    {
        const string field = $"{nameof(Reauth)}.{nameof(ReauthenticationInput.CurrentPassword)}";
        return await TryUpdateModelAsync(Reauth, nameof(Reauth)) && await signIn.VerifyAsync(user, Reauth.CurrentPassword, ModelState, field, l);
    }

    private async Task<IActionResult> ShowAsync(ShishinUser user)
    {
        Enabled = user.TwoFactorEnabled;
        Required = await users.IsInRoleAsync(user, Roles.Admin);
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        if (!Enabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(user);
                key = await users.GetAuthenticatorKeyAsync(user);
                // A new key renews the security stamp; keep this session valid.
                await signIn.RefreshSignInAsync(user);
            }

            SharedKey = Group(key!);
            var uri = $"otpauth://totp/{Uri.EscapeDataString("Shishin:" + user.Email)}?secret={key}&issuer=Shishin&digits=6";
            using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
            QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
        }

        return Page();
    }

    private static string Group(string key)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            builder.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return builder.ToString().TrimEnd().ToLowerInvariant();
    }
}
