using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Shishin.Core.Organizations;

namespace Shishin.Web.Pages.Admin.Organizations;

public sealed class CreateModel(OrganizationService organizations, IStringLocalizer<SharedResource> l) : PageModel, IOrganizationFormPage
{
    [BindProperty]
    // No kind is chosen for the person: the list starts at its "choose" line, and leaving it there is an error.
    public OrganizationForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> KindItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ParentItems { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await Input.ValidateAsync(organizations, null, ModelState, l);
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var created = await organizations.CreateAsync(Input.ToInput());
        TempData["Notice"] = l["The organisation has been added."].Value;
        return RedirectToPage("/Organizations/Details", new { key = created.Key });
    }

    private async Task LoadAsync()
    {
        KindItems = OrganizationForm.KindItems(l);
        ParentItems = await OrganizationForm.ParentItemsAsync(organizations, null, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en");
    }
}
