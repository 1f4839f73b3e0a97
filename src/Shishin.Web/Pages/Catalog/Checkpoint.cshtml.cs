using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;

namespace Shishin.Web.Pages.Catalog;

/// <summary>One checkpoint with every field: what to do, the evidence, phases, how it is checked, mappings and sources.</summary>
[AllowAnonymous]
public sealed class CheckpointModel(CatalogService catalog, IStringLocalizer<SharedResource> l) : CatalogPageModel(catalog, l)
{
    public Checkpoint Checkpoint { get; private set; } = default!;

    public IReadOnlyList<CatalogParameter> Parameters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Document.FindCheckpoint(id) is not { } checkpoint)
        {
            return NotFound();
        }

        Checkpoint = checkpoint;
        Parameters = [.. checkpoint.Parameters.Select(Document.FindParameter).OfType<CatalogParameter>()];
        return Page();
    }
}
