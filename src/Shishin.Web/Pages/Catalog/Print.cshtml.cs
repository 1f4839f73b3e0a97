using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;

namespace Shishin.Web.Pages.Catalog;

/// <summary>The whole catalogue as one document, with a print style sheet that makes a clean A4 copy.</summary>
[AllowAnonymous]
public sealed class PrintModel(CatalogService catalog, IStringLocalizer<SharedResource> l) : CatalogPageModel(catalog, l)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public IEnumerable<Checkpoint> CheckpointsOf(int? principle, string? theme) =>
        Document.CheckpointsOf(principle, theme).Where(c => !c.Retired);
}
