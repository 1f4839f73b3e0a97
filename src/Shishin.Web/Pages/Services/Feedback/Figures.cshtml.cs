using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core;
using Shishin.Core.CitizenFeedback;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services.Feedback;

/// <summary>
/// A service's satisfaction figures from the daily aggregates: count, mean rating, CSAT and task completion by month
/// (every month shown, an empty one as "not measured") and by day, and the ratings given. Each as a table that works
/// without JavaScript, with an ECharts chart beside it drawn from the table by js/trend-charts.js. Aggregate figures
/// only, never comments, so whoever sees the service sees them.
/// </summary>
[AllowAnonymous]
public sealed class FiguresModel(ServiceDirectory directory, ServiceAccess access, FeedbackFigures figures, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : ServicePageModel(directory, access)
{
    public static readonly IReadOnlyList<int> Periods = [12, 24, 60];

    /// <summary>The days of the daily table: the last 90, which a chart still reads day by day.</summary>
    public const int DailyDays = 90;

    /// <summary>Months back, this month included; one of <see cref="Periods"/>.</summary>
    [BindProperty(SupportsGet = true)]
    public int Months { get; set; } = 12;

    public IReadOnlyList<FeedbackPeriod> Monthly { get; private set; } = [];
    public IReadOnlyList<FeedbackPeriod> Daily { get; private set; } = [];
    public FeedbackPeriod Total { get; private set; } = FeedbackPeriod.Empty(default);
    public DateOnly Today { get; private set; }

    public FeedbackLabels Labels { get; } = new(l);

    public async Task<IActionResult> OnGetAsync(string key)
    {
        if (await LoadAsync(key, ServiceRight.Summary) is { } refused)
        {
            return refused;
        }

        if (!Periods.Contains(Months))
        {
            Months = 12;
        }

        Today = JapanTime.Today(clock);
        var thisMonth = new DateOnly(Today.Year, Today.Month, 1);
        var first = thisMonth.AddMonths(1 - Months);
        Monthly = await figures.MonthlyAsync(Service.Id, first, thisMonth, HttpContext.RequestAborted);
        Total = await figures.TotalAsync(Service.Id, first, Today, HttpContext.RequestAborted);
        Daily = await figures.DailyAsync(Service.Id, Today.AddDays(1 - DailyDays), Today, HttpContext.RequestAborted);
        return Page();
    }

    public DateOnly First => Monthly.Count > 0 ? Monthly[0].Start : Today;
}
