using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Shishin.Core.Assessments;
using Shishin.Core.Organizations;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;
using Shishin.Web.Pages.Catalog;
using Shishin.Web.Pages.Services;

namespace Shishin.Web.Pages.Actions;

/// <summary>
/// The action items the viewer works on (their organisations' services, their assigned services, items they own; every
/// item for reviewers and admins), filtered by organisation with its sub-organisations, status and overdue. Reviewers
/// and admins also see the overdue items of the whole portfolio per organisation.
/// </summary>
public sealed class IndexModel(ActionItemService actions, ServiceAccess access, OrganizationService organizations, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Organisation")]
    public string? Organization { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    public IReadOnlyList<ActionItemRow> Items { get; private set; } = [];

    /// <summary>For reviewers and admins: overdue items per organisation over the whole portfolio.</summary>
    public IReadOnlyList<OverdueCount>? Portfolio { get; private set; }

    public IReadOnlyList<SelectListItem> OrganizationItems { get; private set; } = [];

    public IReadOnlyList<SelectListItem> StatusItems { get; private set; } = [];

    public ServiceLabels Labels { get; } = new(l);

    public bool Filtered => !string.IsNullOrWhiteSpace(Organization) || !string.IsNullOrWhiteSpace(Status) || Overdue;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var english = CatalogLabels.English;
        var choices = await OrganizationChoices.LoadAsync(organizations, cancellationToken);
        OrganizationItems = choices.Items(english);
        StatusItems = [.. ActionStatusKeys.All.Select(s => new SelectListItem(Labels.ActionStatus(s), ActionStatusKeys.Key(s)))];

        var organization = choices.Find(Organization);
        if (!string.IsNullOrWhiteSpace(Organization) && organization is null)
        {
            ModelState.AddModelError(nameof(Organization), l["Choose an organisation from the list."]);
        }

        var status = ActionStatusKeys.Parse(Status);
        if (!string.IsNullOrWhiteSpace(Status) && status is null)
        {
            ModelState.AddModelError(nameof(Status), l["Choose a status from the list."]);
        }

        var scope = await access.ScopeAsync(User.ToViewer(), cancellationToken);
        if (ModelState.IsValid)
        {
            Items = await actions.ListAsync(scope, new ActionItemQuery(organization?.Id, status, Overdue), cancellationToken);
        }

        if (scope.SeesEveryService)
        {
            Portfolio = await actions.OverdueByOrganizationAsync(scope, cancellationToken);
        }

        return Page();
    }
}
