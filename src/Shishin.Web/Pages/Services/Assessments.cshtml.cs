using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Assessments;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;
using Shishin.Web.Pages.Catalog;

namespace Shishin.Web.Pages.Services;

/// <summary>
/// A service's assessments by phase and date, the trend across phases: published ones for anyone who may see the
/// service, drafts and assessments under review as well for the team and reviewers.
/// </summary>
[AllowAnonymous]
public sealed class AssessmentsModel(AssessmentReports reports, ServiceAccess access, IStringLocalizer<SharedResource> l) : PageModel
{
    public AssessmentHistory History { get; private set; } = default!;

    public ServiceLabels Labels { get; } = new(l);

    public CatalogLabels CatalogLabels { get; } = new(l);

    public bool CanStart { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        var scope = await access.ScopeAsync(User.ToViewer(), cancellationToken);
        var history = await reports.HistoryAsync(scope, key, cancellationToken);
        if (history is null)
        {
            return NotFound();
        }

        History = history;
        CanStart = scope.CanEdit(history.Service) && history.Service.Phase.ToLifecyclePhase() is not null;
        return Page();
    }

    /// <summary>
    /// The chart's value of an entry: the percentage of applicable checkpoints met of a published assessment, invariant
    /// for the script; empty (a gap, never 0) for one not published or without an applicable checkpoint.
    /// </summary>
    public static string Share(AssessmentHistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Status == AssessmentStatus.Published && entry.Total.Applicable > 0
            ? (entry.Total.Met * 100.0 / entry.Total.Applicable).ToString("0.#", CultureInfo.InvariantCulture)
            : "";
    }

    public string MetOfApplicable(GroupSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return l["{0} of {1} met", summary.Met, summary.Applicable];
    }
}
