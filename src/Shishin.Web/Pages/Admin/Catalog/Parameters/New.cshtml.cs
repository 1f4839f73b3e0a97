using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;

namespace Shishin.Web.Pages.Admin.Catalog.Parameters;

public sealed class NewModel(CatalogService catalog, IStringLocalizer<SharedResource> l) : ParameterPage(catalog, l)
{
    public override bool IsNew => true;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadDraftAsync())
        {
            return Redirect(OverviewPath);
        }

        Revision = Draft!.Revision;
        Input = new ParameterForm { Type = CatalogCodes.Code(ParameterType.Number), Unit = CatalogCodes.Code(ParameterUnit.None) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadDraftAsync();
        return await SaveParameterAsync(null);
    }
}
