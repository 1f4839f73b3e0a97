using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shishin.Core.Organizations;

namespace Shishin.Web.Pages.Organizations;

/// <summary>Public: who the organisations are is not confidential (#7 オープン).</summary>
[AllowAnonymous]
public sealed class IndexModel(OrganizationService organizations) : PageModel
{
    public IReadOnlyList<IGrouping<OrganizationKind, Organization>> Groups { get; private set; } = [];
    public Dictionary<Guid, Organization> ById { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var all = await organizations.ListAsync();
        ById = all.ToDictionary(o => o.Id);
        Groups = all.GroupBy(o => o.Kind).OrderBy(g => g.Key).ToList();
    }
}
