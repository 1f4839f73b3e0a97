using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shishin.Core.Auditing;
using Shishin.Core.Identity;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Account;

/// <summary>
/// Self-service password reset: the same answer whether or not the address has an account, and the e-mail leaves in
/// the background so the answer also takes as long. Limited per client (rate limit) and per address (three an hour).
/// </summary>
[AllowAnonymous]
public sealed class ForgotPasswordModel(UserManager<ShishinUser> users, AccountMail mail, SignInThrottle throttle, AuditLog audit) : PageModel
{
    [BindProperty]
    public ForgotPasswordInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public bool SmtpConfigured => mail.SmtpConfigured;

    public int LinkMinutes => (int)AccountMail.TokenLifetime.TotalMinutes;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        var send = user is { IsActive: true } && throttle.TryTakeResetEmail(email);
        if (send)
        {
            await mail.QueuePasswordResetAsync(user!);
        }

        // One row either way, so that the work done does not tell whether the address has an account.
        await audit.RecordAsync("account.password-reset-requested", nameof(ShishinUser), user?.Id.ToString(), new { sent = send });
        Sent = true;
        return Page();
    }
}

public sealed class ForgotPasswordInput
{
    [Required(ErrorMessage = "Enter an email address.")]
    [StringLength(256, ErrorMessage = "Use at most {1} characters.")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.jp.")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = "";
}
