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
    public const string ByService = "service";
    public const string ByOrganization = "organization";
    public const string ByRating = "rating";

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

    /// <summary>
    /// The order shown: <see cref="ByService"/>, <see cref="ByOrganization"/>, <see cref="ByRating"/> or a column's key
    /// (P1–P10, UX, DA, SE); anything else is by service.
    /// </summary>
    public string SortKey { get; private set; } = ByService;

    /// <summary>The header's aria-sort: every order is ascending by its own measure (worst rating, lowest share first).</summary>
    public string AriaSort(string key) => string.Equals(SortKey, key, StringComparison.Ordinal) ? "ascending" : "none";

    private CatalogDocument? current;

    /// <summary>The columns' keys, stable across catalogue versions (see <see cref="GroupSummary.KeyOf(int?, string?)"/>).</summary>
    private static readonly HashSet<string> ColumnKeys = new(
        Enumerable.Range(1, 10).Select(n => GroupSummary.KeyOf(n, null)).Concat(["UX", "DA", "SE"]), StringComparer.OrdinalIgnoreCase);

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
        var (sort, column, key) = Sort?.Trim() switch
        {
            { } s when s.Equals(ByOrganization, StringComparison.OrdinalIgnoreCase) => (PortfolioSort.Organization, (string?)null, ByOrganization),
            { } s when s.Equals(ByRating, StringComparison.OrdinalIgnoreCase) => (PortfolioSort.Rating, null, ByRating),
            { } s when ColumnKeys.Contains(s) => (PortfolioSort.Column, s.ToUpperInvariant(), s.ToUpperInvariant()),
            _ => (PortfolioSort.Service, null, ByService),
        };
        SortKey = key;
        Result = await reports.PortfolioAsync(scope, new PortfolioQuery(organization?.Id, sort, Catalog.CatalogLabels.English, column), cancellationToken);
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
