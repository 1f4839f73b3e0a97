using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core;
using Shishin.Core.Scans;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services.Scans;

/// <summary>
/// A service's scan results over time, from the daily aggregates (kept for ever, after retention prunes the runs): each
/// measure as a table that works without JavaScript, and beside it an ECharts chart drawn from that table by
/// js/trend-charts.js. Summary figures only, so whoever sees the service sees its trends.
/// </summary>
[AllowAnonymous]
public sealed class TrendsModel(ServiceDirectory directory, ServiceAccess access, ScanHistory history, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : ServicePageModel(directory, access)
{
    public static readonly IReadOnlyList<int> Periods = [30, 90, 365, 1095];

    /// <summary>Days back from today (Tokyo); one of <see cref="Periods"/>.</summary>
    [BindProperty(SupportsGet = true)]
    public int Days { get; set; } = 365;

    public IReadOnlyList<ScanDailyAggregate> Daily { get; private set; } = [];

    public DateOnly Since { get; private set; }

    public ScanLabels Labels { get; } = new(l);

    public async Task<IActionResult> OnGetAsync(string key)
    {
        if (await LoadAsync(key, ServiceRight.Summary) is { } refused)
        {
            return refused;
        }

        if (!Periods.Contains(Days))
        {
            Days = 365;
        }

        var today = DateOnly.FromDateTime(JapanTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        Since = today.AddDays(-Days);
        Daily = await history.DailyAsync(Service.Id, Since, HttpContext.RequestAborted);
        return Page();
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A figure for the table and the chart's data attribute (invariant); empty when not measured.</summary>
    public static string Value(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "";
}
