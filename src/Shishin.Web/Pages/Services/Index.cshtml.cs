using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Shishin.Core.Assessments;
using Shishin.Core.Organizations;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Services;

/// <summary>
/// The register: public services for everyone, internal ones for those whose roles allow. A plain GET form (works
/// without JavaScript) with the same parameters as <c>GET /api/v1/services</c>, so a filtered list is a link.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(
    ServiceDirectory directory, ServiceAccess access, OrganizationService organizations, IStringLocalizer<SharedResource> l) : PageModel
{
    // The filter's parameter names (shared with the API) and the form fields they belong to.
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["organization"] = nameof(Organization),
        ["phase"] = nameof(Phase),
        ["channel"] = nameof(Channel),
        ["public"] = nameof(Public),
        ["overdue"] = nameof(Overdue),
        ["rag"] = nameof(Rag),
        ["q"] = nameof(Q),
        ["sort"] = nameof(Sort),
        ["page"] = nameof(PageNumber),
    };

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Organisation")]
    public string? Organization { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Phase")]
    public string? Phase { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Channel")]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Public or internal")]
    public string? Public { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Latest rating")]
    public string? Rag { get; set; }

    [BindProperty(SupportsGet = true)]
    [StringLength(ServiceQuery.MaxTextLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Words to search for")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Sort by")]
    public string? Sort { get; set; }

    /// <summary>
    /// The page number, read from the query itself: "page" is also Razor Pages' route value for the page's name, so
    /// model binding would find "/Services/Index" there. The API uses the same parameter name.
    /// </summary>
    public string? PageNumber => Request.Query["page"].FirstOrDefault();

    public ServiceLabels Labels { get; } = new(l);

    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>Null when a filter value is bad: then the form shows its message and no list.</summary>
    public ServicePage? Results { get; private set; }

    public bool Filtered => new[] { Organization, Phase, Channel, Public, Overdue, Rag, Q }.Any(v => !string.IsNullOrWhiteSpace(v));

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    /// <summary>Admins and service owners register services (a service owner in their own organisations).</summary>
    public bool CanCreate { get; private set; }

    public IReadOnlyList<SelectListItem> OrganizationItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> PhaseItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ChannelItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> PublicItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> RagItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> SortItems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = await access.ScopeAsync(User.ToViewer(), cancellationToken);
        CanCreate = scope.Viewer.IsAdmin || (scope.Viewer.IsServiceOwner && scope.OwnedOrganizationIds.Count > 0);
        await BuildItemsAsync(cancellationToken);

        var (query, issues) = await ServiceFilter.ParseAsync(
            new ServiceFilterInput(Organization, Phase, Channel, Public, Overdue, Rag, Q, Sort, PageNumber), organizations, English, cancellationToken);
        // A text too long is already reported by the field's own length limit.
        foreach (var issue in issues.Where(i => ModelState.GetFieldValidationState(Fields[i.Field]) != ModelValidationState.Invalid))
        {
            ModelState.AddModelError(Fields[issue.Field], l[issue.Template, issue.Args]);
        }

        if (ModelState.IsValid)
        {
            Results = await directory.ListAsync(query, scope, cancellationToken);
        }
    }

    /// <summary>This list's URL on another page, keeping every filter and the sort.</summary>
    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["organization"] = Organization,
            ["phase"] = Phase,
            ["channel"] = Channel,
            ["public"] = Public,
            ["overdue"] = Overdue,
            ["rag"] = Rag,
            ["q"] = Q,
            ["sort"] = Sort,
            ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString(Url.Page("/Services/Index")!, query.Where(q => !string.IsNullOrWhiteSpace(q.Value)));
    }

    private async Task BuildItemsAsync(CancellationToken cancellationToken)
    {
        // Partner companies do not own services; the government, bureaus and municipalities do, in Tokyo's published order.
        var groups = new Dictionary<OrganizationKind, SelectListGroup>();
        var items = new List<SelectListItem>();
        foreach (var organization in (await organizations.ListAsync(cancellationToken)).Where(o => o.Kind != OrganizationKind.Partner))
        {
            if (!groups.TryGetValue(organization.Kind, out var group))
            {
                group = groups[organization.Kind] = new SelectListGroup { Name = l[organization.Kind + ".plural"] };
            }

            items.Add(new SelectListItem(organization.Name(English), organization.Key) { Group = group });
        }

        OrganizationItems = items;
        PhaseItems = [.. Enum.GetValues<ServicePhase>().Select(p => new SelectListItem(Labels.Phase(p), p.Key()))];
        ChannelItems = [.. Enum.GetValues<ServiceChannel>().Select(c => new SelectListItem(Labels.Channel(c), ServiceFilter.ChannelKey(c)))];
        PublicItems = [new(l["Public service"], "true"), new(l["Internal service"], "false")];
        RagItems = [.. Enum.GetValues<Rag>().Select(r => new SelectListItem(Labels.Rating(r), ServiceFilter.RagKey(r)))];
        SortItems = [.. ServiceFilter.SortOptions.Select(o => new SelectListItem(SortLabel(o.Sort, o.Descending), o.Value))];
    }

    private string SortLabel(ServiceSort sort, bool descending) => (sort, descending) switch
    {
        (ServiceSort.Name, false) => l["Name, A to Z"],
        (ServiceSort.Name, true) => l["Name, Z to A"],
        (ServiceSort.Organization, false) => l["Organisation, in published order"],
        (ServiceSort.Organization, true) => l["Organisation, in reverse order"],
        (ServiceSort.Phase, false) => l["Phase, earliest first"],
        (ServiceSort.Phase, true) => l["Phase, latest first"],
        (ServiceSort.Updated, true) => l["Recently updated first"],
        _ => l["Least recently updated first"],
    };
}
