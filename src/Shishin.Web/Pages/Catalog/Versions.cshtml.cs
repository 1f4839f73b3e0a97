using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;

namespace Shishin.Web.Pages.Catalog;

/// <summary>Every published and retired version, newest first; admins also see the draft.</summary>
[AllowAnonymous]
public sealed class VersionsModel(CatalogService catalog, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<CatalogVersionInfo> Versions { get; private set; } = [];

    public CatalogLabels Labels { get; } = new(l);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Versions = await CatalogAccess.ListAsync(catalog, User, cancellationToken);

    public CatalogVersionInfo? Previous(CatalogVersionInfo version) => CatalogAccess.Previous(Versions, version.Id);
}
