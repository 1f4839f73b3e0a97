using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Identity;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Account;

[AllowAnonymous]
public sealed class InvitationModel(UserAdministrationService accounts, ShishinSignInManager signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    public string? Email { get; private set; }

    // [NonHandler]: otherwise Razor Pages also exposes this override as a handler for the HTTP method "PAGE".
    [NonHandler]
    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The token is in the URL of every answer; keep it out of Referer headers of any link followed from here.
        Response.Headers["Referrer-Policy"] = "no-referrer";
    }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        var invitation = await accounts.FindOpenInvitationAsync(token);
        Email = invitation?.User?.Email;
        if (Email is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var invitation = await accounts.FindOpenInvitationAsync(token);
        Email = invitation?.User?.Email;
        if (invitation is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await accounts.AcceptInvitationAsync(invitation, Input.Password);
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result, "Input.Password");
            return Page();
        }

        // Signed in through the session register like any sign-in; an administrator is then held at enrolment.
        await signIn.SignInAsync(invitation.User!, isPersistent: false);
        TempData["Notice"] = l["Your password is set and you are signed in."].Value;
        return RedirectToPage("/Index");
    }
}

public sealed class NewPasswordInput
{
    [Required(ErrorMessage = "Enter a password.")]
    [StringLength(512, MinimumLength = 12, ErrorMessage = "Use at least {2} characters for the password.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Enter the password again.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
    [DataType(DataType.Password)]
    [StringLength(512, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Confirm password")]
    public string ConfirmPassword { get; set; } = "";
}
