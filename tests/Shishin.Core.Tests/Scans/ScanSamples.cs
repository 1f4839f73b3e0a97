using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Shishin.Core.Data;
using Shishin.Core.Scans;
using Shishin.Tests;

namespace Shishin.Core.Tests.Scans;

/// <summary>One failing place of a constructed finding: its selector and the HTML the report quotes.</summary>
public sealed record SampleNode(string Selector, string Html = "<p>text</p>");

public sealed record SampleFinding(string Rule, string Impact, params SampleNode[] Nodes)
{
    public string Outcome { get; init; } = ScanReportWords.Violation;
}

public sealed record SamplePage(string Path, params SampleFinding[] Findings);

/// <summary>Runs made from constructed JSON reports, stored through <see cref="ScanRunService.RecordAsync"/> on the real database.</summary>
public static class ScanSamples
{
    public const string Site = "https://www.example.lg.jp";

    /// <summary>A report in the shape of docs/schemas/scan-report.schema.json, with the scanner's kind of fingerprints.</summary>
    public static JsonObject Report(params SamplePage[] pages) => new()
    {
        ["reportVersion"] = 1,
        ["scanner"] = new JsonObject { ["name"] = "Shishin", ["version"] = "test", ["informationUri"] = "https://example.org/", ["userAgent"] = "test", ["axeCoreVersion"] = "4.10.3", ["browserVersion"] = "test" },
        ["startedAt"] = "2026-12-01T00:00:00Z",
        ["durationMs"] = 1000,
        ["cancelled"] = false,
        ["browserRestarts"] = 0,
        ["options"] = new JsonObject { ["startUrls"] = new JsonArray(Site + "/"), ["maxPages"] = 10, ["maxDepth"] = 2, ["mobile"] = false, ["wcag22"] = true },
        ["summary"] = new JsonObject(),
        ["pages"] = new JsonArray([.. pages.Select(Page)]),
        ["skipped"] = new JsonArray(),
        ["blockedRequests"] = new JsonArray(),
    };

    private static JsonNode Page(SamplePage page) => new JsonObject
    {
        ["requestedUrl"] = Site + page.Path,
        ["depth"] = 0,
        ["statusCode"] = 200,
        ["status"] = "complete",
        ["timings"] = new JsonObject { ["largestContentfulPaintMs"] = 1000, ["cumulativeLayoutShift"] = 0.01 },
        ["findings"] = new JsonArray([.. page.Findings.Select(f => (JsonNode)new JsonObject
        {
            ["ruleId"] = f.Rule,
            ["category"] = "accessibility",
            ["outcome"] = f.Outcome,
            ["impact"] = f.Impact,
            ["message"] = "Message of " + f.Rule,
            ["helpUrl"] = "https://dequeuniversity.com/rules/axe/4.10/" + f.Rule,
            ["wcag"] = new JsonArray("1.1.1"),
            ["fingerprint"] = $"{f.Rule}|{page.Path}",
            ["nodes"] = new JsonArray([.. f.Nodes.Select(n => (JsonNode)new JsonObject
            {
                ["selector"] = n.Selector,
                ["html"] = n.Html,
                ["fingerprint"] = $"{f.Rule}|{n.Selector}|{page.Path}",
            })]),
        })]),
    };

    public static async Task<Guid> ServiceAsync(ShishinDbContext db, string key)
    {
        var owner = await db.Organizations.Select(o => o.Id).FirstAsync();
        return (await AssessmentSamples.ServiceAsync(db, key, owner)).Id;
    }

    public static async Task<ScanProfile> ProfileAsync(ShishinDbContext db, Guid serviceId)
    {
        var profile = new ScanProfile { ServiceId = serviceId, Name = "test", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.ScanProfiles.Add(profile);
        await db.SaveChangesAsync();
        return profile;
    }

    /// <summary>A run of the profile, queued and then recorded from the report (as a worker stores it).</summary>
    public static async Task<ScanRun> RecordAsync(ScanRunService runs, ScanProfile profile, JsonObject report)
    {
        var run = await runs.AddQueuedAsync(profile, ScanTrigger.Scheduled, null, null, "");
        using var document = JsonDocument.Parse(report.ToJsonString());
        await runs.RecordAsync(run, document.RootElement);
        return run;
    }
}
