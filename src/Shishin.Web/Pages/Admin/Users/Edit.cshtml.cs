using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Auditing;
using Shishin.Core.Email;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;
using Shishin.Web.Infrastructure;
using Shishin.Web.Pages.Account;

namespace Shishin.Web.Pages.Admin.Users;

public sealed class EditModel(
    UserAdministrationService accounts, OrganizationService organizations, UserManager<ShishinUser> users, AccountMail mail, AuditLog audit,
    SignInThrottle throttle, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public AccessInput Access { get; set; } = new();

    public ShishinUser Account { get; private set; } = default!;

    public AccountState State { get; private set; }

    /// <summary>A new invitation link, shown once after a re-invitation.</summary>
    public string? InvitationLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Access = await CurrentAccessAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (IsSelf && !Access.Roles.Contains(Roles.Admin))
        {
            ModelState.AddModelError("Access.Roles", l["You cannot remove the Admin role from your own account."]);
        }

        var known = (await organizations.ListAsync()).Select(o => o.Id).ToHashSet();
        if (Access.OrganizationIds.Any(o => !known.Contains(o)))
        {
            ModelState.AddModelError("Access.OrganizationIds", l["Choose organisations from the list."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await accounts.SetAccessAsync(Account, Access.ToAccess());
        if (!result.Succeeded)
        {
            ModelState.AddModelError("Access.Roles", l["Choose roles from the list."]);
            return Page();
        }

        TempData["Notice"] = l["The changes have been saved."].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeactivateAsync(Guid id) => await SetActiveAsync(id, false);

    public async Task<IActionResult> OnPostReactivateAsync(Guid id) => await SetActiveAsync(id, true);

    private async Task<IActionResult> SetActiveAsync(Guid id, bool active)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (IsSelf)
        {
            ModelState.AddModelError(string.Empty, l["You cannot deactivate your own account."]);
            return Page();
        }

        await accounts.SetActiveAsync(Account, active);
        TempData["Notice"] = (active ? l["The account has been reactivated."] : l["The account has been deactivated."]).Value;
        return RedirectToPage(new { id });
    }

    /// <summary>Ends a lockout now (the owner called the help desk, or the failures were someone else's).</summary>
    public async Task<IActionResult> OnPostUnlockAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        await accounts.UnlockAsync(Account);
        throttle.ClearAddress(Account.Email!);
        await audit.RecordAsync("account.unlocked", nameof(ShishinUser), Account.Id.ToString());
        TempData["Notice"] = l["The account has been unlocked."].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>E-mails the owner a password reset link; the administrator never sees the link.</summary>
    public async Task<IActionResult> OnPostSendPasswordResetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (State is AccountState.Deactivated or AccountState.Invited)
        {
            ModelState.AddModelError(string.Empty, State == AccountState.Invited
                ? l["This person has not set a password yet. Send a new invitation instead."]
                : l["Reactivate the account before sending a password reset link."]);
            return Page();
        }

        var delivery = await mail.SendPasswordResetAsync(Account);
        await audit.RecordAsync("account.password-reset-sent", nameof(ShishinUser), Account.Id.ToString(), new { delivery = delivery.ToString() });
        EmailNotices.ForAdmin(TempData, delivery, mail.PickupDirectory, l);
        if (delivery == EmailDelivery.Sent)
        {
            TempData["Notice"] = l["A password reset link has been sent to {0}.", Account.Email!].Value;
        }

        return RedirectToPage(new { id });
    }

    /// <summary>A new invitation link, e-mailed and shown once; the earlier links stop working.</summary>
    public async Task<IActionResult> OnPostReinviteAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var inviter = Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var me) ? me : (Guid?)null;
        var (result, invitation) = await accounts.ReinviteAsync(Account, inviter);
        if (!result.Succeeded || invitation is null)
        {
            ModelState.AddModelError(string.Empty, l["Only an account that has not set a password yet can be invited again."]);
            return Page();
        }

        var delivery = await mail.SendInvitationAsync(invitation, User);
        await audit.RecordAsync("account.reinvited", nameof(ShishinUser), Account.Id.ToString(), new { delivery = delivery.ToString() });
        EmailNotices.ForAdmin(TempData, delivery, mail.PickupDirectory, l);
        InvitationLink = mail.InvitationLink(invitation.Token).AbsoluteUri;
        Access = await CurrentAccessAsync();
        return Page();
    }

    private async Task<AccessInput> CurrentAccessAsync() => new()
    {
        Roles = [.. await users.GetRolesAsync(Account)],
        OrganizationIds = Account.Organizations.Select(o => o.OrganizationId).ToList(),
    };

    private bool IsSelf => User.FindFirstValue(ClaimTypes.NameIdentifier) == Account.Id.ToString();

    private async Task<bool> LoadAsync(Guid id)
    {
        var account = await accounts.FindAsync(id);
        if (account is null)
        {
            return false;
        }

        Account = account;
        State = accounts.StateOf(account);
        ViewData["Organizations"] = await organizations.ListAsync();
        return true;
    }
}
