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

    /// <summary>The version in force: the newest published one. Only it is 公開中; older published ones are 過去の版.</summary>
    public Guid? CurrentId => Versions.FirstOrDefault(v => v.Status == CatalogVersionStatus.Published)?.Id;

    public bool IsEarlier(CatalogVersionInfo version) =>
        version.Status == CatalogVersionStatus.Published && version.Id != CurrentId;

    public string StatusName(CatalogVersionInfo version) =>
        IsEarlier(version) ? l["Earlier version"] : Labels.Status(version.Status);

    public static string StatusTag(CatalogVersionInfo version, bool earlier) =>
        earlier ? "tag tag--neutral" : CatalogLabels.StatusTag(version.Status);
}
