using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;

namespace Shishin.Web.Pages.Catalog;

/// <summary>
/// One version: its changelog, the changes from the version before it, and the accepted proposals that went into it,
/// so anyone can trace an improvement back to who proposed it and why (#7 オープン).
/// </summary>
[AllowAnonymous]
public sealed class VersionModel(CatalogService catalog, ProposalService proposals, IStringLocalizer<SharedResource> l) : PageModel
{
    public CatalogSnapshot Snapshot { get; private set; } = default!;

    public CatalogVersionInfo? Previous { get; private set; }

    public IReadOnlyList<ChangeProposal> Proposals { get; private set; } = [];

    /// <summary>This version's entries of the changelog, linked to the proposals they came from.</summary>
    public ChangelogView Changelog { get; private set; } = default!;

    public CatalogLabels Labels { get; } = new(l);

    public async Task<IActionResult> OnGetAsync(string version, CancellationToken cancellationToken)
    {
        // An empty version would mean "current" to FindAsync; this page is always about one named version.
        var snapshot = string.IsNullOrWhiteSpace(version) ? null : await CatalogAccess.FindAsync(catalog, User, version, cancellationToken);
        if (snapshot is null)
        {
            return NotFound();
        }

        Snapshot = snapshot;
        Previous = CatalogAccess.Previous(await CatalogAccess.ListAsync(catalog, User, cancellationToken), snapshot.Id);
        Proposals = [.. (await proposals.ListAsync(appliedVersionId: snapshot.Id, cancellationToken: cancellationToken))
            .Where(p => p.Status == ProposalStatus.Accepted)
            .OrderBy(p => p.Number)];
        Changelog = new ChangelogView([.. snapshot.Document.Releases.Where(r => r.Version == snapshot.Info.Version)], Proposals, l);
        return Page();
    }
}
