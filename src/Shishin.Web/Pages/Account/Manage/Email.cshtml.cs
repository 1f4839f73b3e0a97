using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Email;
using Shishin.Core.Identity;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Account.Manage;

/// <summary>
/// Asks for a new sign-in e-mail address, after the password: a confirmation link goes to the new address, and the
/// address changes only when it is opened (<see cref="ConfirmEmailModel"/>).
/// </summary>
public sealed class EmailModel(UserManager<ShishinUser> users, ShishinSignInManager signIn, AccountMail mail, IStringLocalizer<SharedResource> l) : PageModel
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
        if (string.Equals(email, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Input.NewEmail", l["This is already your email address."]);
            return Page();
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            ModelState.AddModelError("Input.NewEmail", l["An account with this email address already exists."]);
            return Page();
        }

        var delivery = await mail.SendEmailChangeConfirmationAsync(user, email);
        EmailNotices.ForUser(TempData, delivery, l);
        if (delivery == EmailDelivery.Sent)
        {
            TempData["Notice"] = l["We have sent a link to {0}. Your email address changes when you open it (within {1} minutes).", email, (int)AccountMail.TokenLifetime.TotalMinutes].Value;
        }

        return RedirectToPage("/Account/Manage/Index");
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
