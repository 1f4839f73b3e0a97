using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Shishin.Core.Assessments;
using Shishin.Core.Catalog;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;
using Shishin.Web.Pages.Actions;
using Shishin.Web.Pages.Catalog;
using Shishin.Web.Pages.Services;

namespace Shishin.Web.Pages.Portfolio;

/// <summary>
/// The portfolio for guideline owners (reviewers and admins): every service they see × the ten principles and three
/// themes, each cell the latest published assessment's met of applicable with its rating; as a page and as CSV.
/// </summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Reviewer)]
public abstract class PortfolioPage(AssessmentReports reports, ServiceAccess access, OrganizationService organizations, CatalogService catalog, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string ByOrganization = "organization";

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Organisation")]
    public string? Organization { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    public Core.Assessments.Portfolio Result { get; private set; } = new([], []);

    public IReadOnlyList<SelectListItem> OrganizationItems { get; private set; } = [];

    public ServiceLabels Labels { get; } = new(l);

    public CatalogLabels CatalogLabels { get; } = new(l);

    protected IStringLocalizer<SharedResource> Localizer => l;

    public bool SortsByOrganization => string.Equals(Sort, ByOrganization, StringComparison.OrdinalIgnoreCase);

    private CatalogDocument? current;

    /// <summary>Loads the rows; an unknown organisation is a field error and leaves the portfolio unfiltered.</summary>
    protected async Task LoadAsync(CancellationToken cancellationToken)
    {
        var choices = await OrganizationChoices.LoadAsync(organizations, cancellationToken);
        OrganizationItems = choices.Items(Catalog.CatalogLabels.English);
        var organization = choices.Find(Organization);
        if (!string.IsNullOrWhiteSpace(Organization) && organization is null)
        {
            ModelState.AddModelError(nameof(Organization), l["Choose an organisation from the list."]);
        }

        current = (await catalog.GetCurrentAsync(cancellationToken))?.Document;
        var scope = await access.ScopeAsync(User.ToViewer(), cancellationToken);
        Result = await reports.PortfolioAsync(scope,
            new PortfolioQuery(organization?.Id, SortsByOrganization ? PortfolioSort.Organization : PortfolioSort.Service, Catalog.CatalogLabels.English),
            cancellationToken);
    }

    /// <summary>"1. 顧客視点" for a principle, the theme's name for a theme, from the current catalogue.</summary>
    public string ColumnName(PortfolioColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column.Principle is { } number)
        {
            return current?.FindPrinciple(number) is { } principle ? CatalogLabels.PrincipleName(principle) : l["Principle {0}", number];
        }

        return current?.FindTheme(column.Theme ?? "") is { } theme ? CatalogLabels.Text(theme.Name) : column.Theme ?? "";
    }

    public string MetOfApplicable(GroupSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return l["{0} of {1} met", summary.Met, summary.Applicable];
    }
}
