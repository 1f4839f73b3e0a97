using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;

namespace Shishin.Web.Pages.Catalog;

/// <summary>What <c>_Changelog.cshtml</c> shows: releases of the changelog, and the proposals they may link to.</summary>
public sealed class ChangelogView(IReadOnlyList<CatalogRelease> releases, IEnumerable<ChangeProposal> proposals, IStringLocalizer l)
{
    private readonly Dictionary<Guid, ChangeProposal> byId = proposals.ToDictionary(p => p.Id);

    public IReadOnlyList<CatalogRelease> Releases { get; } = releases;

    public ChangeProposal? Proposal(string key) => byId.GetValueOrDefault(ChangeProposal.IdForChangelogKey(key));

    public string KindName(ChangelogKind kind) => kind switch
    {
        ChangelogKind.Added => l["Added"],
        ChangelogKind.Retired => l["Retired"],
        ChangelogKind.Mapping => l["Mappings changed"],
        _ => l["Changed"],
    };

    public static string KindTag(ChangelogKind kind) => kind switch
    {
        ChangelogKind.Added => "tag tag--success",
        ChangelogKind.Retired => "tag tag--danger",
        _ => "tag tag--neutral",
    };
}
