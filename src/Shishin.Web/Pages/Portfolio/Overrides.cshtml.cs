using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shishin.Core.Assessments;
using Shishin.Core.Catalog;
using Shishin.Core.Identity;

namespace Shishin.Web.Pages.Portfolio;

/// <summary>
/// For guideline owners: per checkpoint, how often assessors confirmed or overrode the scan's suggested outcome, with the
/// latest reasons — a checkpoint whose suggestions are often overridden needs a better rule or clearer guidance (#9).
/// </summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Reviewer)]
public sealed class OverridesModel(SuggestionOverrides overrides, CatalogService catalog) : PageModel
{
    public IReadOnlyList<SuggestionOverrideCount> Counts { get; private set; } = [];

    private CatalogDocument? current;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Counts = await overrides.CountAsync(cancellationToken);
        current = (await catalog.GetCurrentAsync(cancellationToken))?.Document;
    }

    /// <summary>The checkpoint's title in the current catalogue, or empty for one it no longer holds.</summary>
    public string Title(string checkpointId) =>
        current?.FindCheckpoint(checkpointId)?.Title.For(Catalog.CatalogLabels.English ? "en" : "ja") ?? "";

    public bool InCurrentCatalogue(string checkpointId) => current?.FindCheckpoint(checkpointId) is not null;
}
