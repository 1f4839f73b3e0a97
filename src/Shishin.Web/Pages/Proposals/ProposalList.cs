using System.Globalization;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;
using Shishin.Web.Pages.Catalog;

namespace Shishin.Web.Pages.Proposals;

/// <summary>What the proposal lists and the proposal page show about where a proposal applies.</summary>
public sealed class ProposalList(IReadOnlyList<ChangeProposal> proposals, IReadOnlyList<CatalogGroup> groups)
{
    public IReadOnlyList<ChangeProposal> Items => proposals;

    public string Caption { get; set; } = "";
    public bool ShowProposer { get; set; }
    public bool ShowDecision { get; set; }

    public static async Task<ProposalList> LoadAsync(CatalogService catalog, IReadOnlyList<ChangeProposal> proposals, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var document = (await catalog.GetCurrentAsync())?.Document ?? new CatalogDocument();
        return new(proposals, CatalogGroup.All(document, l, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en"));
    }

    /// <summary>"P3-01" for a change; "New in Principle 3: …" for a new checkpoint (with its id once accepted).</summary>
    public string Target(ChangeProposal proposal, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(l);
        if (proposal.Kind == ProposalKind.Change)
        {
            return proposal.CheckpointId ?? "";
        }

        var code = CatalogGroup.CodeOf(proposal.Principle, proposal.Theme);
        var name = CatalogGroup.Find(groups, code)?.Name ?? code;
        return proposal.CheckpointId is { } id ? l["{0} (new in {1})", id, name] : l["New in {0}", name];
    }
}
