using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;
using Shishin.Web.Pages.Catalog;

namespace Shishin.Web.Pages.Admin.Catalog.Checkpoints;

/// <summary>What the add and edit pages of a checkpoint share: the form, its lists, and saving.</summary>
public abstract class CheckpointPage(CatalogService catalog, IStringLocalizer<SharedResource> l) : DraftFormPage(catalog, l)
{
    [BindProperty]
    public CheckpointForm Input { get; set; } = new();

    public IReadOnlyList<CatalogGroup> Groups { get; private set; } = [];

    public IReadOnlyList<SelectListItem> OwnerItems { get; private set; } = [];

    /// <summary>True on the add page, where the id is typed or suggested.</summary>
    public abstract bool IsNew { get; }

    protected override void Loaded()
    {
        Groups = CatalogGroup.All(Document, L, English);
        OwnerItems = CatalogGroup.Items(Groups, L);
    }

    /// <summary>
    /// Checks the input against a copy of the draft so every problem is reported at once, then saves it.
    /// <paramref name="originalId"/> is null for a new checkpoint.
    /// </summary>
    protected async Task<IActionResult> SaveCheckpointAsync(string? originalId)
    {
        var existing = originalId is null ? null : Document.FindCheckpoint(originalId);
        var checkpoint = Input.ToCheckpoint(Document, Groups, existing?.Id, existing?.Retired ?? false, ModelState, L);
        var ownerChosen = CatalogGroup.Find(Groups, Input.Owner) is not null;
        var copy = CatalogJson.Clone(Document);
        if (existing is null)
        {
            copy.Checkpoints.Add(checkpoint);
        }
        else
        {
            copy.Checkpoints[copy.Checkpoints.FindIndex(c => c.Id == existing.Id)] = checkpoint;
        }

        // Without a chosen group the id and owner were stand-ins; their own messages would only confuse.
        var issues = CatalogValidator.Validate(copy, requireVersion: false)
            .Where(i => ReferenceEquals(i.Target, checkpoint) && (ownerChosen || i.Field is not ("id" or "principle" or "theme")));
        CatalogMessages.AddTo(ModelState, L, issues, CheckpointForm.FieldFor);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await SaveAsync(
            () => Catalog.SaveCheckpointAsync(Revision, existing?.Id, checkpoint),
            CheckpointForm.FieldFor,
            L["Checkpoint {0} has been saved in the draft.", checkpoint.Id],
            $"{OverviewPath}#cp-{checkpoint.Id}");
    }
}
