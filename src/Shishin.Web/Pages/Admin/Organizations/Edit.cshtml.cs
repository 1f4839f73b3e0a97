using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Shishin.Core.Organizations;

namespace Shishin.Web.Pages.Admin.Organizations;

public sealed class EditModel(OrganizationService organizations, IStringLocalizer<SharedResource> l) : PageModel, IOrganizationFormPage
{
    [BindProperty]
    public OrganizationForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> KindItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ParentItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var organization = await organizations.FindAsync(id);
        if (organization is null)
        {
            return NotFound();
        }

        Input = OrganizationForm.From(organization);
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await organizations.FindAsync(id) is null)
        {
            return NotFound();
        }

        await Input.ValidateAsync(organizations, id, ModelState, l);
        if (!ModelState.IsValid)
        {
            await LoadAsync(id);
            return Page();
        }

        await organizations.UpdateAsync(id, Input.ToInput());
        TempData["Notice"] = l["The changes have been saved."].Value;
        return RedirectToPage("/Organizations/Details", new { key = Input.Key.Trim() });
    }

    private async Task LoadAsync(Guid id)
    {
        KindItems = OrganizationForm.KindItems(l);
        ParentItems = await OrganizationForm.ParentItemsAsync(organizations, id, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en");
    }
}
