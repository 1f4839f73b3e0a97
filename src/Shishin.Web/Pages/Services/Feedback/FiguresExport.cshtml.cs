using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core;
using Shishin.Core.CitizenFeedback;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services.Feedback;

/// <summary>
/// A service's daily feedback figures as CSV, days with feedback only, within the Tokyo dates given (the last year when
/// none). Figures only, so whoever sees the service may download them.
/// </summary>
[AllowAnonymous]
public sealed class FiguresExportModel(ServiceDirectory directory, ServiceAccess access, FeedbackFigures figures, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : FeedbackCsvPage(directory, access, clock, l)
{
    protected override ServiceRight Need => ServiceRight.Summary;

    protected override string FileStem => $"shishin-feedback-figures-{Service.Key}";

    protected override IEnumerable<string> Header =>
    [
        L["Day (Tokyo)"], L["Responses"], L["Mean rating"], L["CSAT (%)"], L["Task completion (%)"],
        L["Rating 1"], L["Rating 2"], L["Rating 3"], L["Rating 4"], L["Rating 5"], L["Completed"], L["Partly completed"], L["Not completed"],
    ];

    /// <summary>The figures page has no date fields (its link always sends a valid range), so the messages are the answer.</summary>
    protected override IActionResult InvalidRange() => new ContentResult
    {
        StatusCode = StatusCodes.Status400BadRequest,
        ContentType = "text/plain; charset=utf-8",
        Content = string.Join('\n', ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)),
    };

    protected override async Task<IEnumerable<IEnumerable<string?>>> RowsAsync(CancellationToken cancellationToken)
    {
        var to = To ?? JapanTime.Today(Clock);
        var from = From ?? to.AddYears(-1).AddDays(1);
        var days = await figures.DailyAsync(Service.Id, from, to, cancellationToken);
        return days.Select(IEnumerable<string?> (d) =>
        [
            FeedbackLabels.Day(d.Start), FeedbackCsv.Number(d.Count), FeedbackCsv.Number(d.MeanRating, "0.00"),
            FeedbackCsv.Number(d.Csat * 100, "0.0"), FeedbackCsv.Number(d.CompletionRate * 100, "0.0"),
            .. d.Distribution.Select(FeedbackCsv.Number),
            FeedbackCsv.Number(d.Completed), FeedbackCsv.Number(d.PartlyCompleted), FeedbackCsv.Number(d.NotCompleted),
        ]);
    }
}
