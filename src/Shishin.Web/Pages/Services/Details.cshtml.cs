using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core;
using Shishin.Core.Assessments;
using Shishin.Core.CitizenFeedback;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Services;

/// <summary>
/// Everything about one service: who owns and builds it, where it starts, its phase history, KPIs by fiscal year, the
/// canvas, assessments and open action items. A service the viewer may not see answers 404, as an unknown key does.
/// </summary>
[AllowAnonymous]
public sealed class DetailsModel(ServiceDirectory directory, ServiceAccess access, FeedbackFigures figures, FeedbackImprovements improvements,
    TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public Service Service { get; private set; } = default!;
    public ServiceLabels Labels { get; } = new(l);
    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>Edit the service, its phase, KPIs and canvas, and start assessments.</summary>
    public bool CanEdit { get; private set; }

    public ServiceCanvasRevision? CanvasRevision { get; private set; }

    /// <summary>The latest canvas's purpose; empty when the canvas has none (or cannot be read).</summary>
    public string CanvasPurpose { get; private set; } = "";

    public IReadOnlyList<ServiceAssessmentSummary> Assessments { get; private set; } = [];
    public IReadOnlyList<ActionItem> OpenActions { get; private set; } = [];
    public IReadOnlyList<ServicePhaseChange> PhaseHistory { get; private set; } = [];
    public IReadOnlyList<ServiceKpi> Kpis { get; private set; } = [];

    /// <summary>Feedback figures of the last 12 months and the latest published improvements; comments never.</summary>
    public Feedback.FeedbackSection FeedbackSection { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        var scope = await access.ScopeAsync(User.ToViewer(), cancellationToken);
        var service = await directory.FindAsync(key, scope, cancellationToken);
        if (service is null)
        {
            return NotFound();
        }

        Service = service;
        CanEdit = scope.CanEdit(service);
        PhaseHistory = [.. service.PhaseChanges.OrderBy(c => c.EnteredOn).ThenBy(c => c.RecordedAt)];
        Kpis = [.. service.Kpis.OrderByDescending(k => k.FiscalYear)];
        CanvasRevision = await directory.LatestCanvasAsync(service.Id, cancellationToken);
        CanvasPurpose = Purpose(CanvasRevision);
        Assessments = await directory.AssessmentsAsync(service, scope, cancellationToken);
        OpenActions = await directory.OpenActionsAsync(service.Id, cancellationToken);
        var today = JapanTime.Today(clock);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var months = await figures.MonthlyAsync(service.Id, thisMonth.AddMonths(-11), thisMonth, cancellationToken);
        var total = await figures.TotalAsync(service.Id, thisMonth.AddMonths(-11), today, cancellationToken);
        var latest = await improvements.ListAsync(service.Id, publishedOnly: true, take: 3, cancellationToken: cancellationToken);
        FeedbackSection = new(service.Key, months, total, latest, English, scope.SeesTeamDetail(service), CanEdit, new Feedback.FeedbackLabels(l));
        return Page();
    }

    /// <summary>The description in the reader's language, or the other one when it is empty.</summary>
    public (string Text, string Lang) Description()
    {
        var own = Service.Description(English);
        return own.Length > 0 ? (own, English ? "en" : "ja") : (Service.Description(!English), English ? "ja" : "en");
    }

    /// <summary>A KPI figure, or "not measured" — never 0 for an unknown figure.</summary>
    public string Figure(decimal? value, string? unit = null) =>
        value is { } v ? (unit is null ? v.ToString("#,0.#", CultureInfo.CurrentCulture) : l[unit, v.ToString("#,0.#", CultureInfo.CurrentCulture)]) : l["Not measured"];

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Purpose(ServiceCanvasRevision? revision)
    {
        if (revision is null)
        {
            return "";
        }

        try
        {
            // Web defaults read both camelCase and PascalCase names.
            return JsonSerializer.Deserialize<ServiceCanvas>(revision.Content, JsonSerializerOptions.Web)?.Purpose ?? "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
