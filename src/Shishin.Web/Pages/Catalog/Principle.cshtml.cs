using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;

namespace Shishin.Web.Pages.Catalog;

/// <summary>One principle with everything the catalogue says about it, and its checkpoints.</summary>
[AllowAnonymous]
public sealed class PrincipleModel(CatalogService catalog, IStringLocalizer<SharedResource> l) : CatalogPageModel(catalog, l)
{
    public Principle Principle { get; private set; } = default!;

    public IReadOnlyList<Checkpoint> Checkpoints { get; private set; } = [];

    public Principle? Previous { get; private set; }

    public Principle? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(int number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Document.FindPrinciple(number) is not { } principle)
        {
            return NotFound();
        }

        Principle = principle;
        Checkpoints = [.. Document.CheckpointsOf(number, null)];
        var at = Document.Principles.IndexOf(principle);
        Previous = at > 0 ? Document.Principles[at - 1] : null;
        Next = at + 1 < Document.Principles.Count ? Document.Principles[at + 1] : null;
        return Page();
    }
}
