using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;

namespace Shishin.Web.Pages.Proposals;

/// <summary>The proposer's own proposals, whatever their state, with the decision and its reason.</summary>
public sealed class MineModel(CatalogService catalog, ProposalService proposals, IStringLocalizer<SharedResource> l) : PageModel
{
    public ProposalList List { get; private set; } = default!;

    public async Task OnGetAsync()
    {
        var me = ProposalActors.Of(User);
        var mine = me is null ? [] : await proposals.ListAsync(proposerId: me.UserId);
        List = await ProposalList.LoadAsync(catalog, mine, l);
        List.Caption = l["Your proposals, newest first"];
        List.ShowDecision = true;
    }
}
