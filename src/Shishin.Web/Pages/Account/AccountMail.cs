using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Shishin.Core.Email;
using Shishin.Core.Identity;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Account;

/// <summary>
/// The account e-mails with their links: links are built with the page routes and <c>Shishin:PublicUrl</c>, never
/// from the request's Host header; the language is the current request's. Tokens go into links only, never into logs.
/// </summary>
public sealed class AccountMail(
    EmailSender sender, LinkGenerator links, IOptions<PublicUrlOptions> publicUrl, UserManager<ShishinUser> users, TimeProvider clock)
{
    /// <summary>How long a password reset or e-mail change link works (Identity's data protection tokens).</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    public bool SmtpConfigured => sender.SmtpConfigured;

    public string PickupDirectory => sender.PickupDirectory;

    private static CultureInfo Culture => CultureInfo.CurrentUICulture;

    public Uri InvitationLink(string token) => Link("/Account/Invitation", new { token });

    public Task<EmailDelivery> SendInvitationAsync(InvitationResult invitation, ClaimsPrincipal inviter)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        ArgumentNullException.ThrowIfNull(inviter);
        var name = inviter.FindFirstValue(ShishinClaims.DisplayName) ?? inviter.FindFirstValue(ClaimTypes.Email) ?? "Shishin";
        var user = invitation.User;
        return sender.SendAsync(AccountEmails.Invitation(user.Email!, Culture, string.IsNullOrEmpty(user.DisplayName) ? user.Email! : user.DisplayName, name,
            InvitationLink(invitation.Token), new DateTimeOffset(invitation.ExpiresAt, TimeSpan.Zero)));
    }

    /// <summary>A password reset link for an administrator's action (the result is shown to them).</summary>
    public async Task<EmailDelivery> SendPasswordResetAsync(ShishinUser user) => await sender.SendAsync(await PasswordResetAsync(user));

    /// <summary>A reset link asked for by someone not signed in: sent in the background, so the answer takes as long for any address.</summary>
    public async Task QueuePasswordResetAsync(ShishinUser user) => sender.SendInBackground(await PasswordResetAsync(user));

    /// <summary>Tells the owner that their account has just been locked (in the background: the sign-in answer must not show it).</summary>
    public void QueueLockout(ShishinUser user, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Email is { Length: > 0 } email)
        {
            sender.SendInBackground(AccountEmails.Lockout(email, Culture, until, Link("/Account/ForgotPassword", null)));
        }
    }

    public Task<EmailDelivery> SendTwoFactorChangedAsync(ShishinUser user, TwoFactorChange change)
    {
        ArgumentNullException.ThrowIfNull(user);
        return sender.SendAsync(AccountEmails.TwoFactorChanged(user.Email!, Culture, change, clock.GetUtcNow(), Link("/Account/Manage/Index", null)));
    }

    public void QueueNewDevice(ShishinUser user, string device)
    {
        ArgumentNullException.ThrowIfNull(user);
        sender.SendInBackground(AccountEmails.NewDevice(user.Email!, Culture, device, clock.GetUtcNow(), Link("/Account/Manage/Index", null)));
    }

    public async Task<EmailDelivery> SendEmailChangeConfirmationAsync(ShishinUser user, string newEmail)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        var link = Link("/Account/ConfirmEmail", new { user = user.Id, email = newEmail, token });
        return await sender.SendAsync(AccountEmails.EmailChangeConfirmation(newEmail, Culture, link, TokenLifetime));
    }

    public Task<EmailDelivery> SendEmailChangedAsync(string oldEmail, string newEmail) =>
        sender.SendAsync(AccountEmails.EmailChanged(oldEmail, Culture, newEmail, clock.GetUtcNow()));

    private async Task<EmailMessage> PasswordResetAsync(ShishinUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return AccountEmails.PasswordReset(user.Email!, Culture, Link("/Account/ResetPassword", new { user = user.Id, token }), TokenLifetime);
    }

    private Uri Link(string page, object? values) =>
        publicUrl.Value.Link(links.GetPathByPage(page, handler: null, values: values) ?? throw new InvalidOperationException($"No route for {page}."));
}
