using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Data;
using Shishin.Core.Organizations;
using Shishin.Core.Scans;
using Shishin.Core.Services;

namespace Shishin.BrowserTests.Accessibility;

/// <summary>
/// The scan pages' samples for the page table, on the public service <c>axe-scans</c> of Chiyoda: {scan-profile}, two
/// finished runs stored from reports (the later, {scan-run}, with a new finding, a fixed one, snippets and a failed
/// page), a queued run {scan-queued} that no worker picks up, and daily aggregates on two days for the trends.
/// </summary>
internal static class ScanPageSamples
{
    public const string ServiceKey = "axe-scans";

    public static async Task<Dictionary<string, string>> CreateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var chiyoda = (await scope.ServiceProvider.GetRequiredService<OrganizationService>().FindByKeyAsync("chiyoda"))!.Id;
        var service = new Service
        {
            Key = ServiceKey, NameJa = "子育て支援サイト", NameEn = "Childcare support site", OwnerOrganizationId = chiyoda, IsPublic = true,
            Phase = ServicePhase.Operation, EntryUrls = "https://www.example.lg.jp/kosodate/",
        };
        db.Services.Add(service);
        await db.SaveChangesAsync();
        var profile = (await scope.ServiceProvider.GetRequiredService<ScanProfiles>().CreateAsync(service.Id,
            new ScanProfileInput("公開サイト", "", 50, 3, "/kosodate/**", "/kosodate/admin/**", false, true, ScanCadence.Weekly))).Profile!;
        var runs = scope.ServiceProvider.GetRequiredService<ScanRunService>();
        await RecordAsync(runs, profile, ["image-alt", "button-name"]);
        var latest = await RecordAsync(runs, profile, ["image-alt", "label"]);
        var queued = await runs.AddQueuedAsync(profile, ScanTrigger.OnDemand, null, null, "管理者");
        db.ScanDailyAggregates.Add(new ScanDailyAggregate
        {
            ServiceId = service.Id, Day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-7), Runs = 1, LastRunId = latest.Id, Pages = 2,
            PagesWithViolations = 2, Critical = 2, Serious = 1, NeedsReview = 1, LcpMedianMs = 1800, ClsMedian = 0.08,
        });
        await db.SaveChangesAsync();
        return new(StringComparer.Ordinal)
        {
            ["{scan-profile}"] = profile.Id.ToString(),
            ["{scan-run}"] = latest.Id.ToString(),
            ["{scan-queued}"] = queued.Id.ToString(),
        };
    }

    private static async Task<ScanRun> RecordAsync(ScanRunService runs, ScanProfile profile, string[] rules)
    {
        var run = await runs.AddQueuedAsync(profile, ScanTrigger.Scheduled, null, null, "");
        var report = new JsonObject
        {
            ["scanner"] = new JsonObject { ["version"] = "1.0.0", ["axeCoreVersion"] = "4.10.3", ["browserVersion"] = "Chromium 140" },
            ["options"] = new JsonObject
            {
                ["startUrls"] = new JsonArray("https://www.example.lg.jp/kosodate/"), ["maxPages"] = 50, ["maxDepth"] = 3,
                ["include"] = new JsonArray("/kosodate/**"), ["exclude"] = new JsonArray(), ["mobile"] = false, ["wcag22"] = true,
            },
            ["cancelled"] = false,
            ["pages"] = new JsonArray(
                new JsonObject
                {
                    ["requestedUrl"] = "https://www.example.lg.jp/kosodate/",
                    ["status"] = "complete",
                    ["statusCode"] = 200,
                    ["title"] = "子育て支援",
                    ["lang"] = "ja",
                    ["timings"] = new JsonObject { ["timeToFirstByteMs"] = 80, ["largestContentfulPaintMs"] = 1650, ["cumulativeLayoutShift"] = 0.04 },
                    ["durationMs"] = 2400,
                    ["findings"] = new JsonArray([.. rules.Select(rule => (JsonNode)new JsonObject
                    {
                        ["ruleId"] = rule,
                        ["category"] = "accessibility",
                        ["outcome"] = "violation",
                        ["impact"] = rule == "label" ? "serious" : "critical",
                        ["message"] = "Ensure the element has an accessible name.",
                        ["helpUrl"] = $"https://dequeuniversity.com/rules/axe/4.10/{rule}",
                        ["wcag"] = new JsonArray("4.1.2"),
                        ["fingerprint"] = rule + "|/kosodate/",
                        ["nodes"] = new JsonArray(new JsonObject
                        {
                            ["selector"] = "main > form > input:nth-child(2)",
                            ["html"] = "<input type=\"text\" name=\"child\"><script>alert(1)</script>",
                            ["detail"] = "Fix any of the following: the element has no label.",
                            ["fingerprint"] = rule + "|main > form > input:nth-child(2)|/kosodate/",
                        }),
                    }),
                    new JsonObject
                    {
                        ["ruleId"] = "autocomplete-valid", ["category"] = "accessibility", ["outcome"] = "needsReview", ["impact"] = "moderate",
                        ["message"] = "Check the autocomplete value.", ["helpUrl"] = "javascript:alert(1)", ["fingerprint"] = "autocomplete-valid|/kosodate/",
                        ["nodes"] = new JsonArray(),
                    }]),
                },
                new JsonObject
                {
                    ["requestedUrl"] = "https://www.example.lg.jp/kosodate/apply",
                    ["status"] = "failed",
                    ["error"] = new JsonObject { ["kind"] = "timeout", ["message"] = "The page did not load within 30 s." },
                    ["durationMs"] = 30000,
                    ["findings"] = new JsonArray(),
                }),
        };
        using var document = JsonDocument.Parse(report.ToJsonString());
        await runs.RecordAsync(run, document.RootElement);
        return run;
    }
}
