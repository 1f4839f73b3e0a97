using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;

namespace Shishin.Web.Pages.Admin.Catalog.Checkpoints;

public sealed class EditModel(CatalogService catalog, IStringLocalizer<SharedResource> l) : CheckpointPage(catalog, l)
{
    public override bool IsNew => false;

    /// <summary>The checkpoint as the draft holds it (or held it, when the draft has gone since the form was loaded).</summary>
    public Checkpoint Checkpoint { get; private set; } = default!;

    /// <summary>Whether the current published version has this checkpoint, i.e. whether its public page exists.</summary>
    public bool Published { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        // Only the draft is edited: without one there is nothing to edit here (published versions never change).
        if (!await LoadDraftAsync())
        {
            return Redirect(OverviewPath);
        }

        if (Document.FindCheckpoint(id) is not { } checkpoint)
        {
            return NotFound();
        }

        Checkpoint = checkpoint;
        Published = (await Catalog.GetCurrentAsync())?.Document.FindCheckpoint(id) is not null;
        Revision = Draft!.Revision;
        Input = CheckpointForm.From(checkpoint);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        await LoadDraftAsync();
        if (Document.FindCheckpoint(id) is not { } checkpoint)
        {
            return NotFound();
        }

        Checkpoint = checkpoint;
        Published = (await Catalog.GetCurrentAsync())?.Document.FindCheckpoint(id) is not null;
        return await SaveCheckpointAsync(checkpoint.Id);
    }
}
