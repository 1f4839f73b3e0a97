using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Assessments;
using Shishin.Core.Catalog;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;
using Shishin.Web.Pages.Catalog;
using Shishin.Web.Pages.Services;

namespace Shishin.Web.Pages.Assessments;

/// <summary>
/// A page that shows one assessment's report (the report itself and its print view). Anyone who may read it gets it;
/// anyone else gets 404, so that an internal service or a draft does not reveal itself.
/// </summary>
[AllowAnonymous]
public abstract class AssessmentReportPage(AssessmentReports reports, ServiceAccess access, IStringLocalizer<SharedResource> l) : PageModel
{
    public AssessmentReport Report { get; private set; } = default!;

    public ServiceLabels Labels { get; } = new(l);

    public CatalogLabels CatalogLabels { get; } = new(l);

    public static bool English => Catalog.CatalogLabels.English;

    public Assessment Assessment => Report.Assessment;

    public string ServiceName => Report.Service.Name(English);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var scope = await access.ScopeAsync(User.ToViewer(), cancellationToken);
        var report = await reports.GetAsync(scope, id, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        Report = report;
        return Page();
    }

    public string Text(LocalizedText? text) => CatalogLabels.Text(text);

    public string SectionTitle(ReportSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return section.Principle is { } principle ? CatalogLabels.PrincipleName(principle)
            : section.Theme is { } theme ? l["{0}: {1}", l["Technical theme {0}", theme.Key], Text(theme.Name)]
            : l["Checkpoints not in this catalogue version"];
    }

    public string SectionAnchor(ReportSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return "group-" + (section.Summary.Key == "?" ? "other" : section.Summary.Key.ToLowerInvariant());
    }

    /// <summary>"3 of 5 met" in words, for screen readers beside the compact "3/5".</summary>
    public string MetOfApplicable(GroupSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return l["{0} of {1} met", summary.Met, summary.Applicable];
    }

    /// <summary>Evidence links as written, but only absolute http(s) addresses become links; anything else shows as text.</summary>
    public static Uri? SafeLink(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;

    public static string Date(DateTime? utc) => Catalog.CatalogLabels.Tokyo(utc);
}
