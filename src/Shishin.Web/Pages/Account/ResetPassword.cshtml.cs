using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Auditing;
using Shishin.Core.Identity;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Account;

/// <summary>
/// Sets a new password from a reset link (Identity's token: one hour, and single use because the reset renews the
/// security stamp). Every session of the account ends and any lockout is lifted; the person then signs in as usual,
/// with their second step if they have one.
/// </summary>
[AllowAnonymous]
public sealed class ResetPasswordModel(
    UserManager<ShishinUser> users, UserAdministrationService accounts, UserSessionStore sessions, SignInThrottle throttle, AuditLog audit,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "user")]
    public Guid? UserId { get; set; }

    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    public string? Email { get; private set; }

    [NonHandler]
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The token is in the URL; keep it out of Referer headers of any link followed from here.
        Response.Headers["Referrer-Policy"] = "no-referrer";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        await FindAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await FindAsync();
        if (user is null)
        {
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, Token!, Input.Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                Email = null;
                Response.StatusCode = StatusCodes.Status404NotFound;
                return Page();
            }

            ModelState.AddIdentityErrors(result, "Input.Password");
            return Page();
        }

        // Whoever had the old password loses every session; the owner proved they read the account's e-mail.
        await sessions.RemoveAllAsync(user.Id);
        await accounts.UnlockAsync(user);
        throttle.ClearAddress(user.Email!);
        await audit.RecordAsync("account.password-reset", nameof(ShishinUser), user.Id.ToString());
        TempData["Notice"] = l["Your password has been changed. Sign in with your new password."].Value;
        return RedirectToPage("/Account/SignIn");
    }

    private async Task<ShishinUser?> FindAsync()
    {
        ShishinUser? user = null;
        if (UserId is { } id && Token is { Length: > 0 and <= 2000 } token)
        {
            user = await users.FindByIdAsync(id.ToString());
            if (user is not null && (!user.IsActive ||
                !await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<ShishinUser>.ResetPasswordTokenPurpose, token)))
            {
                user = null;
            }
        }

        Email = user?.Email;
        if (user is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return user;
    }
}
