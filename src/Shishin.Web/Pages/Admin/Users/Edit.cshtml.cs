using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Admin.Users;

public sealed class EditModel(
    UserAdministrationService accounts, OrganizationService organizations, UserManager<ShishinUser> users, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public AccessInput Access { get; set; } = new();

    public ShishinUser Account { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Access = new AccessInput
        {
            Roles = [.. await users.GetRolesAsync(Account)],
            OrganizationIds = Account.Organizations.Select(o => o.OrganizationId).ToList(),
        };
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
        return Redirect($"/admin/users/{id}");
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
        return Redirect($"/admin/users/{id}");
    }

    private bool IsSelf => User.FindFirstValue(ClaimTypes.NameIdentifier) == Account.Id.ToString();

    private async Task<bool> LoadAsync(Guid id)
    {
        var account = await accounts.FindAsync(id);
        if (account is null)
        {
            return false;
        }

        Account = account;
        ViewData["Organizations"] = await organizations.ListAsync();
        return true;
    }
}
