using System.Security.Claims;
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
/// Opens the confirmation link sent to a new e-mail address. The GET only asks (mail scanners open links); the POST
/// changes the address with Identity's change-email token (one hour, single use: the change renews the security stamp),
/// ends the account's other sessions and tells the old address.
/// </summary>
[AllowAnonymous]
public sealed class ConfirmEmailModel(
    UserManager<ShishinUser> users, ShishinSignInManager signIn, UserSessionStore sessions, AccountMail mail, AuditLog audit,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public Guid? UserId { get; set; }

    [BindProperty(SupportsGet = true, Name = "email")]
    public string? NewEmail { get; set; }

    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    [NonHandler]
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
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

        var oldEmail = user.Email!;
        var email = NewEmail!;
        var result = await users.ChangeEmailAsync(user, email, Token!);
        if (result.Succeeded)
        {
            // The e-mail address is also the user name people sign in with.
            result = await users.SetUserNameAsync(user, email);
        }

        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result, "Email");
            return Page();
        }

        await audit.RecordAsync("account.email-changed", nameof(ShishinUser), user.Id.ToString());
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id.ToString())
        {
            await signIn.RefreshSignInAsync(user);
            await signIn.EndOtherSessionsAsync(user);
        }
        else
        {
            await sessions.RemoveAllAsync(user.Id);
        }

        var delivery = await mail.SendEmailChangedAsync(oldEmail, email);
        EmailNotices.ForUser(TempData, delivery, l);
        TempData["Notice"] = l["Your email address has been changed."].Value;
        return User.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id.ToString()
            ? RedirectToPage("/Account/Manage/Index")
            : RedirectToPage("/Account/SignIn");
    }

    private async Task<ShishinUser?> FindAsync()
    {
        ShishinUser? user = null;
        if (UserId is { } id && NewEmail is { Length: > 0 and <= 256 } email && Token is { Length: > 0 and <= 2000 } token)
        {
            user = await users.FindByIdAsync(id.ToString());
            if (user is not null && (!user.IsActive ||
                !await users.VerifyUserTokenAsync(user, users.Options.Tokens.ChangeEmailTokenProvider, UserManager<ShishinUser>.GetChangeEmailTokenPurpose(email), token)))
            {
                user = null;
            }
        }

        if (user is null)
        {
            NewEmail = null;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return user;
    }
}
