using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;

namespace Shishin.Web.Pages.Catalog;

/// <summary>The catalogue's front page: the 10 principles, the themes, and where to go from there.</summary>
[AllowAnonymous]
public sealed class IndexModel(CatalogService catalog, IStringLocalizer<SharedResource> l) : CatalogPageModel(catalog, l)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public int CountOf(int? principle, string? theme) => Document.CheckpointsOf(principle, theme).Count(c => !c.Retired);
}
