using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;
using Shishin.Web.Pages.Catalog;

namespace Shishin.Web.Pages.Admin.Catalog.Parameters;

/// <summary>What the add and edit pages of a parameter share.</summary>
public abstract class ParameterPage(CatalogService catalog, IStringLocalizer<SharedResource> l) : DraftFormPage(catalog, l)
{
    [BindProperty]
    public ParameterForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> TypeItems { get; private set; } = [];

    public IReadOnlyList<SelectListItem> UnitItems { get; private set; } = [];

    public abstract bool IsNew { get; }

    protected override void Loaded()
    {
        TypeItems = ParameterForm.TypeItems(L);
        UnitItems = ParameterForm.UnitItems(L);
    }

    protected async Task<IActionResult> SaveParameterAsync(CatalogParameter? existing)
    {
        var parameter = Input.ToParameter(existing?.Key, existing?.Retired ?? false, ModelState, L);
        var copy = CatalogJson.Clone(Document);
        if (existing is null)
        {
            copy.Parameters.Add(parameter);
        }
        else
        {
            copy.Parameters[copy.Parameters.FindIndex(p => p.Key == existing.Key)] = parameter;
        }

        var issues = CatalogValidator.Validate(copy, requireVersion: false).Where(i => ReferenceEquals(i.Target, parameter));
        CatalogMessages.AddTo(ModelState, L, issues, ParameterForm.FieldFor);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await SaveAsync(
            () => Catalog.SaveParameterAsync(Revision, existing?.Key, parameter),
            ParameterForm.FieldFor,
            L["The parameter {0} has been saved in the draft.", parameter.Key],
            $"{OverviewPath}#parameter-{parameter.Key}");
    }
}
