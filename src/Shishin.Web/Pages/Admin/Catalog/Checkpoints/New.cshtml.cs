using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;
using Shishin.Web.Pages.Catalog;

namespace Shishin.Web.Pages.Admin.Catalog.Checkpoints;

public sealed class NewModel(CatalogService catalog, IStringLocalizer<SharedResource> l) : CheckpointPage(catalog, l)
{
    public override bool IsNew => true;

    /// <summary>From the overview's "add to this principle" links: the group, and its next free id, are filled in.</summary>
    public async Task<IActionResult> OnGetAsync(string? owner)
    {
        if (!await LoadDraftAsync())
        {
            return Redirect(OverviewPath);
        }

        Revision = Draft!.Revision;
        Input = new CheckpointForm { CheckType = nameof(CheckType.H) };
        if (CatalogGroup.Find(Groups, owner) is { } group)
        {
            Input.Owner = group.Code;
            Input.Id = CatalogGroup.NextId(Document, group.Code);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadDraftAsync();
        return await SaveCheckpointAsync(null);
    }
}
