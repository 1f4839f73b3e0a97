using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;
using Shishin.Web.Pages.Catalog;

namespace Shishin.Web.Pages.Proposals;

public sealed class IndexModel(CatalogService catalog, ProposalService proposals, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string AllStatuses = "all";

    /// <summary>Open proposals unless another status (or all) is chosen.</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Status")]
    public string? Status { get; set; }

    public ProposalList List { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> StatusItems { get; private set; } = [];

    public async Task OnGetAsync()
    {
        ProposalStatus? status = ProposalStatus.Open;
        if (string.Equals(Status, AllStatuses, StringComparison.Ordinal))
        {
            status = null;
        }
        else if (Enum.TryParse<ProposalStatus>(Status, out var chosen) && Enum.IsDefined(chosen))
        {
            status = chosen;
        }

        Status = status?.ToString() ?? AllStatuses;
        StatusItems =
        [
            .. Enum.GetValues<ProposalStatus>().Select(s => new SelectListItem(CatalogLabels.Status(l, s), s.ToString())),
            new(l["All"], AllStatuses),
        ];
        List = await ProposalList.LoadAsync(catalog, await proposals.ListAsync(status), l);
        List.Caption = l["Proposals, newest first"];
        List.ShowProposer = true;
    }
}
