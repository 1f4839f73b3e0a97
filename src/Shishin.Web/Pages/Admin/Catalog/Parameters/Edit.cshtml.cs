using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;

namespace Shishin.Web.Pages.Admin.Catalog.Parameters;

public sealed class EditModel(CatalogService catalog, IStringLocalizer<SharedResource> l) : ParameterPage(catalog, l)
{
    public override bool IsNew => false;

    public CatalogParameter Parameter { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string key)
    {
        if (!await LoadDraftAsync())
        {
            return Redirect(OverviewPath);
        }

        if (Document.FindParameter(key) is not { } parameter)
        {
            return NotFound();
        }

        Parameter = parameter;
        Revision = Draft!.Revision;
        Input = ParameterForm.From(parameter);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key)
    {
        await LoadDraftAsync();
        if (Document.FindParameter(key) is not { } parameter)
        {
            return NotFound();
        }

        Parameter = parameter;
        return await SaveParameterAsync(parameter);
    }
}
