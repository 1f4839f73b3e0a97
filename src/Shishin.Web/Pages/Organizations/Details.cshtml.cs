using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shishin.Core.Organizations;

namespace Shishin.Web.Pages.Organizations;

[AllowAnonymous]
public sealed class DetailsModel(OrganizationService organizations) : PageModel
{
    public Organization Organization { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string key)
    {
        var found = await organizations.FindByKeyAsync(key);
        if (found is null)
        {
            return NotFound();
        }

        Organization = found;
        return Page();
    }
}
