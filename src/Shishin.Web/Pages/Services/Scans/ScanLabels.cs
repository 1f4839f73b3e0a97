using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Shishin.Core.Scans;

namespace Shishin.Web.Pages.Services.Scans;

/// <summary>The words of the scan pages for stored values: statuses, triggers, impacts, cadences.</summary>
public sealed class ScanLabels(IStringLocalizer<SharedResource> l)
{
    public string Status(ScanRunStatus status) => status switch
    {
        ScanRunStatus.Queued => l["Queued"],
        ScanRunStatus.Running => l["Running"],
        ScanRunStatus.Done => l["Done"],
        ScanRunStatus.Failed => l["Failed"],
        _ => l["Cancelled"],
    };

    public static string StatusTag(ScanRunStatus status) => status switch
    {
        ScanRunStatus.Done => "tag tag--success",
        ScanRunStatus.Failed => "tag tag--danger",
        ScanRunStatus.Cancelled => "tag tag--warning",
        _ => "tag",
    };

    public string Trigger(ScanRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Trigger switch
        {
            ScanTrigger.Scheduled => l["Scheduled"],
            ScanTrigger.OnDemand => run.RequestedByName.Length > 0 ? l["On demand by {0}", run.RequestedByName] : l["On demand"],
            _ => run.RequestedByName.Length > 0 ? l["Uploaded by {0}", run.RequestedByName] : l["Uploaded"],
        };
    }

    public string Impact(string impact) => impact switch
    {
        ScanReportWords.Critical => l["Critical"],
        ScanReportWords.Serious => l["Serious"],
        ScanReportWords.Moderate => l["Moderate"],
        ScanReportWords.Minor => l["Minor"],
        _ => impact,
    };

    public static string ImpactTag(string impact) => impact switch
    {
        ScanReportWords.Critical or ScanReportWords.Serious => "tag tag--danger",
        ScanReportWords.Moderate => "tag tag--warning",
        _ => "tag",
    };

    public string Outcome(string outcome) => outcome == ScanReportWords.NeedsReview ? l["Needs review"] : l["Violation"];

    public string Cadence(ScanCadence cadence) => cadence switch
    {
        ScanCadence.Off => l["Not scheduled"],
        ScanCadence.Daily => l["Daily"],
        ScanCadence.Weekly => l["Weekly"],
        _ => l["Monthly"],
    };

    public string Device(bool mobile) => mobile ? l["Mobile"] : l["Desktop"];

    public string PageStatus(string status) => status switch
    {
        "complete" => l["Complete"],
        "partial" => l["Partial"],
        _ => l["Failed"],
    };

    public string Change(ScanChange change) => change switch
    {
        ScanChange.New => l["New"],
        ScanChange.Fixed => l["Fixed"],
        _ => l["Unchanged"],
    };

    public string Milliseconds(long? value) => value is { } ms ? l["{0} ms", ms.ToString("#,0", CultureInfo.CurrentCulture)] : l["Not measured"];

    public string Shift(double? value) => value is { } cls ? cls.ToString("0.000", CultureInfo.InvariantCulture) : l["Not measured"];

    public string Duration(ScanRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.StartedAt is not { } started || run.FinishedAt is not { } finished)
        {
            return l["Not measured"];
        }

        var span = finished - started;
        return span.TotalMinutes >= 1
            ? l["{0} min {1} s", (int)span.TotalMinutes, span.Seconds]
            : l["{0} s", Math.Max(0, (int)Math.Round(span.TotalSeconds))];
    }

    /// <summary>The run's options as label/value rows, read from the report's options object.</summary>
    public IReadOnlyList<(string Label, string Value)> Options(ScanRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var rows = new List<(string, string)>();
        try
        {
            using var document = JsonDocument.Parse(run.OptionsJson);
            var options = document.RootElement;
            if (options.ValueKind != JsonValueKind.Object)
            {
                return rows;
            }

            string Join(string name) => options.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
                ? string.Join(' ', value.EnumerateArray().Select(v => v.ToString())) : "";
            string Value(string name) => options.TryGetProperty(name, out var value) ? value.ToString() : "";
            bool Flag(string name) => options.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
            rows.Add((l["Start URLs"], Join("startUrls")));
            rows.Add((l["Page limit"], Value("maxPages")));
            rows.Add((l["Depth"], Value("maxDepth")));
            rows.Add((l["Include"], Join("include") is { Length: > 0 } include ? include : l["Everything"]));
            rows.Add((l["Exclude"], Join("exclude") is { Length: > 0 } exclude ? exclude : l["None"]));
            rows.Add((l["Device"], Device(Flag("mobile"))));
            rows.Add((l["WCAG 2.2 rules"], Flag("wcag22") ? l["On"] : l["Off"]));
            if (Join("rules") is { Length: > 0 } rules)
            {
                rows.Add((l["Rule profiles"], rules));
            }
        }
        catch (JsonException)
        {
            // Stored from a validated report; an unreadable one shows no options rather than an error.
        }

        return rows;
    }
}
