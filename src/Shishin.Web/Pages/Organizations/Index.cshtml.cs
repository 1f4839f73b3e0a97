using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shishin.Core.Organizations;

namespace Shishin.Web.Pages.Organizations;

/// <summary>Public: who the organisations are is not confidential (#7 オープン). Listed in Tokyo's published order.</summary>
[AllowAnonymous]
public sealed class IndexModel(OrganizationService organizations) : PageModel
{
    /// <summary>Search text from the GET form, so a search is a link and works without JavaScript.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    [StringLength(OrganizationSearch.MaxLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Name, key or local government code")]
    public string? Q { get; set; }

    public bool Searched => !string.IsNullOrWhiteSpace(Q);
    public int Total { get; private set; }
    public int Found => Groups.Sum(g => g.Count());
    public IReadOnlyList<IGrouping<OrganizationKind, Organization>> Groups { get; private set; } = [];
    public Dictionary<Guid, Organization> ById { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await organizations.ListAsync(cancellationToken);
        ById = all.ToDictionary(o => o.Id);
        Total = all.Count;
        var shown = ModelState.IsValid && Searched ? all.Where(o => OrganizationSearch.Matches(o, Q!)) : all;
        // ListAsync returns the published order; grouping keeps it within each kind.
        Groups = [.. shown.GroupBy(o => o.Kind).OrderBy(g => g.Key)];
    }
}
