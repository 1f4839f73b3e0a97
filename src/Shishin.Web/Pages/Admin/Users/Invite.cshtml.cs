using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
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

public sealed class InviteModel(
    UserAdministrationService accounts, OrganizationService organizations, AccountMail mail, AuditLog audit, IStringLocalizer<SharedResource> l)
    : PageModel
{
    [BindProperty]
    public InviteInput Input { get; set; } = new();

    [BindProperty]
    public AccessInput Access { get; set; } = new();

    public string? InvitationLink { get; private set; }

    public EmailDelivery? Delivery { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (Access.Roles.Count == 0)
        {
            ModelState.AddModelError("Access.Roles", l["Choose at least one role."]);
        }

        // Checked before anything is created, so that a refused invitation leaves no account behind.
        AddAccessErrors(await accounts.ValidateAccessAsync(Access.ToAccess()));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var inviter = Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
        var (result, invitation) = await accounts.InviteAsync(Input.Email, Input.DisplayName, Access.ToAccess(), inviter);
        if (!result.Succeeded || invitation is null)
        {
            if (!AddAccessErrors(result.Errors))
            {
                ModelState.AddIdentityErrors(result, "Input.Email");
            }

            return Page();
        }

        // E-mailed in the inviting administrator's language, and shown once here whatever became of the e-mail.
        Delivery = await mail.SendInvitationAsync(invitation, User);
        await audit.RecordAsync("account.invitation-sent", nameof(Core.Identity.ShishinUser), invitation.User.Id.ToString(), new { delivery = Delivery.ToString() });
        EmailNotices.ForAdmin(TempData, Delivery.Value, mail.PickupDirectory, l);
        // From Shishin:PublicUrl: the request's Host header is whatever the client sent.
        InvitationLink = mail.InvitationLink(invitation.Token).AbsoluteUri;
        return Page();
    }

    private bool AddAccessErrors(IEnumerable<Microsoft.AspNetCore.Identity.IdentityError> errors)
    {
        var found = false;
        foreach (var error in errors)
        {
            if (error.Code == UserAdministrationService.UnknownRoleCode)
            {
                ModelState.AddModelError("Access.Roles", l["Choose roles from the list."]);
                found = true;
            }
            else if (error.Code == UserAdministrationService.UnknownOrganizationCode)
            {
                ModelState.AddModelError("Access.OrganizationIds", l["Choose organisations from the list."]);
                found = true;
            }
        }

        return found;
    }

    private async Task LoadAsync() => ViewData["Organizations"] = await organizations.ListAsync();
}

public sealed class InviteInput
{
    [Required(ErrorMessage = "Enter the person's name.")]
    [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Name")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Enter an email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.jp.")]
    [StringLength(256, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = "";
}
