using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Identity;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Account.Manage;

public sealed class PasswordModel(UserManager<ShishinUser> users, ShishinSignInManager signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword", error.Description);
            }

            return Page();
        }

        // This session gets a new key; every other session of the account ends now.
        await signIn.RefreshSignInAsync(user);
        await signIn.EndOtherSessionsAsync(user);
        TempData["Notice"] = l["Your password has been changed."].Value;
        return RedirectToPage("/Account/Manage/Index");
    }
}

public sealed class ChangePasswordInput
{
    [Required(ErrorMessage = "Enter your current password.")]
    [StringLength(512, ErrorMessage = "Use at most {1} characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Enter a password.")]
    [StringLength(512, MinimumLength = 12, ErrorMessage = "Use at least {2} characters for the password.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Enter the password again.")]
    [Compare(nameof(NewPassword), ErrorMessage = "The two passwords do not match.")]
    [DataType(DataType.Password)]
    [StringLength(512, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Confirm password")]
    public string ConfirmPassword { get; set; } = "";
}
