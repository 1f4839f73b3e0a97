using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Identity;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Account.Manage;

/// <summary>Changes the sign-in e-mail address; asks for the password, then ends the account's other sessions.</summary>
public sealed class EmailModel(UserManager<ShishinUser> users, ShishinSignInManager signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ChangeEmailInput Input { get; set; } = new();

    public string CurrentEmail { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        CurrentEmail = user.Email ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        CurrentEmail = user.Email ?? "";
        if (!ModelState.IsValid || !await signIn.VerifyAsync(user, Input.CurrentPassword, ModelState, "Input.CurrentPassword", l))
        {
            return Page();
        }

        var email = Input.NewEmail.Trim();
        var result = await users.SetEmailAsync(user, email);
        if (result.Succeeded)
        {
            // The e-mail address is also the user name people sign in with.
            result = await users.SetUserNameAsync(user, email);
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Input.NewEmail", error.Description);
            }

            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        await signIn.EndOtherSessionsAsync(user);
        TempData["Notice"] = l["Your email address has been changed."].Value;
        return Redirect("/account/manage");
    }
}

public sealed class ChangeEmailInput
{
    [Required(ErrorMessage = "Enter an email address.")]
    [StringLength(256, ErrorMessage = "Use at most {1} characters.")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.jp.")]
    [Display(Name = "New email address")]
    public string NewEmail { get; set; } = "";

    [Required(ErrorMessage = "Enter your current password.")]
    [StringLength(512, ErrorMessage = "Use at most {1} characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";
}
