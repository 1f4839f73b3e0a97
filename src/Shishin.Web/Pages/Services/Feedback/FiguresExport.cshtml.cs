using System.ComponentModel.DataAnnotations;
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
    : FeedbackPageModel(directory, access)
{
    [BindProperty(SupportsGet = true)]
    [DataType(DataType.Date)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [DataType(DataType.Date)]
    public DateOnly? To { get; set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        if (await LoadAsync(key, FeedbackRight.Summary) is { } refused)
        {
            return refused;
        }

        if (!FeedbackDates.Validate(ModelState, l, nameof(From), From, nameof(To), To))
        {
            return BadRequest();
        }

        var to = To ?? JapanTime.Today(clock);
        var from = From ?? to.AddYears(-1).AddDays(1);
        var days = await figures.DailyAsync(Service.Id, from, to, cancellationToken);
        await using var writer = FeedbackCsv.Start(Response, $"shishin-feedback-figures-{Service.Key}-{clock.GetUtcNow():yyyyMMdd-HHmmss}.csv");
        await FeedbackCsv.WriteLineAsync(writer,
        [
            l["Day (Tokyo)"], l["Responses"], l["Mean rating"], l["CSAT (%)"], l["Task completion (%)"],
            l["Rating 1"], l["Rating 2"], l["Rating 3"], l["Rating 4"], l["Rating 5"], l["Completed"], l["Partly completed"], l["Not completed"],
        ]);
        foreach (var d in days)
        {
            await FeedbackCsv.WriteLineAsync(writer,
            [
                FeedbackLabels.Day(d.Start), FeedbackCsv.Number(d.Count), FeedbackCsv.Number(d.MeanRating, "0.00"),
                FeedbackCsv.Number(d.Csat * 100, "0.0"), FeedbackCsv.Number(d.CompletionRate * 100, "0.0"),
                .. d.Distribution.Select(FeedbackCsv.Number),
                FeedbackCsv.Number(d.Completed), FeedbackCsv.Number(d.PartlyCompleted), FeedbackCsv.Number(d.NotCompleted),
            ]);
        }

        await writer.FlushAsync(cancellationToken);
        return new EmptyResult();
    }
}
