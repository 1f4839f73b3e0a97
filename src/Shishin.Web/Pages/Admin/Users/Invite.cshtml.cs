using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Admin.Users;

public sealed class InviteModel(UserAdministrationService accounts, OrganizationService organizations, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InviteInput Input { get; set; } = new();

    [BindProperty]
    public AccessInput Access { get; set; } = new();

    public string? InvitationLink { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (Access.Roles.Count == 0)
        {
            ModelState.AddModelError("Access.Roles", l["Choose at least one role."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var inviter = Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
        var (result, invitation) = await accounts.InviteAsync(Input.Email, Input.DisplayName, Access.ToAccess(), inviter);
        if (!result.Succeeded || invitation is null)
        {
            ModelState.AddIdentityErrors(result, "Input.Email");
            return Page();
        }

        InvitationLink = $"{Request.Scheme}://{Request.Host}/account/invitation/{invitation.Token}";
        return Page();
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
