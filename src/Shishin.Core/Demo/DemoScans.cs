using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Data;
using Shishin.Core.Notifications;
using Shishin.Core.Scans;
using Shishin.Core.Services;

namespace Shishin.Core.Demo;

/// <summary>
/// Scans for the demo: a scan profile for a few public web services, pointed at the fixture site the web app serves at
/// <c>/demo-site/</c>, and four weekly past runs each, made from JSON reports and stored through
/// <see cref="ScanRunService.RecordAsync"/> exactly as a worker's or an upload's, so that trends, diffs and the run pages
/// have something to show. Findings change from run to run: some are fixed, a few new ones appear. Beside them, the first
/// service has one run uploaded from a CI pipeline (<c>shishin scan --upload</c>) of its staging site, stored through
/// <see cref="ScanRunService.RecordUploadAsync"/> with its uploader as the upload endpoint stores one.
/// </summary>
public sealed class DemoScans(ShishinDbContext db, Notifier notifier, TimeProvider clock, IServiceProvider services)
{
    /// <summary>Where <c>dotnet run --project src/Shishin.Web</c> serves the fixture site by default.</summary>
    public const string FixtureSiteUrl = FixtureOrigin + "/demo-site/index.html";

    public const int ServicesWithScans = 3;
    public const int RunsPerService = 4;

    /// <summary>Where the uploaded CI run of the first service scanned (a staging site; never requested, the run is made up).</summary>
    public const string StagingOrigin = "https://staging." + DemoCatalogue.EmailDomain;

    /// <summary>The demo user whose API key uploads the CI run: the service team of the scanned demo services' bureaus.</summary>
    public const string UploaderLocalPart = "demo-owner";

    /// <summary>The name of that user's API key, shown after the user's name as the upload endpoint shows any key's.</summary>
    public const string UploadKeyName = "CI（ステージング）";

    private const string FixtureOrigin = "http://localhost:5080";

    private static readonly (string Path, string Title)[] Pages =
        [("/demo-site/index.html", "子育て支援"), ("/demo-site/apply.html", "保育園の入園申込み"), ("/demo-site/news.html", "お知らせ"), ("/demo-site/about.html", "このサイトについて")];

    // (rule, impact, page path, selector, first run it appears in, run it is fixed in or 0 for never, category)
    private static readonly (string Rule, string Impact, string Path, string Selector, int From, int Until, string Category)[] Defects =
    [
        ("image-alt", ScanReportWords.Critical, "/demo-site/index.html", "main > img", 1, 0, "accessibility"),
        ("link-name", ScanReportWords.Serious, "/demo-site/index.html", "li:nth-child(3) > a", 1, 3, "accessibility"),
        ("color-contrast", ScanReportWords.Serious, "/demo-site/index.html", ".faint", 1, 0, "accessibility"),
        ("color-contrast", ScanReportWords.Serious, "/demo-site/news.html", ".faint", 1, 4, "accessibility"),
        ("label", ScanReportWords.Critical, "/demo-site/apply.html", "input[name=\"child\"]", 1, 0, "accessibility"),
        ("button-name", ScanReportWords.Critical, "/demo-site/apply.html", "button[type=\"submit\"]", 1, 2, "accessibility"),
        ("target-size", ScanReportWords.Serious, "/demo-site/index.html", "li:nth-child(3) > a", 3, 0, "accessibility"),
        ("region", ScanReportWords.Moderate, "/demo-site/news.html", "p", 4, 0, "accessibility"),
    ];

    /// <summary>Adds the profiles and runs; the services are the seeded demo services (saved already).</summary>
    public async Task<int> SeedAsync(IReadOnlyList<Service> scanned, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scanned);
        var now = clock.GetUtcNow().UtcDateTime;
        var runs = 0;
        foreach (var service in scanned.Take(ServicesWithScans))
        {
            var profile = new ScanProfile
            {
                ServiceId = service.Id,
                Name = "公開サイト（デモ）",
                StartUrls = FixtureSiteUrl,
                MaxPages = 10,
                MaxDepth = 2,
                Include = "/demo-site/**",
                Cadence = ScanCadence.Weekly,
                IsDemo = true,
                CreatedAt = now.AddDays(-7 * RunsPerService - 1),
                UpdatedAt = now.AddDays(-7 * RunsPerService - 1),
            };
            db.ScanProfiles.Add(profile);
            await db.SaveChangesAsync(cancellationToken);
            // The CLI's demo seed runs without a scheduler; the web app and the worker keep the profiles' triggers.
            if (services.GetService(typeof(Quartz.ISchedulerFactory)) is not null)
            {
                await services.GetRequiredService<ScanSchedules>().SyncAsync(profile, cancellationToken);
            }

            for (var number = 1; number <= RunsPerService; number++)
            {
                var finished = now.AddDays(-7 * (RunsPerService - number)).AddHours(-1 - (number % 3));
                var at = new FixedClock(finished);
                var run = new ScanRun
                {
                    ServiceId = service.Id,
                    ProfileId = profile.Id,
                    Status = ScanRunStatus.Running,
                    Trigger = ScanTrigger.Scheduled,
                    QueuedAt = finished.AddMinutes(-3),
                    StartedAt = finished.AddMinutes(-2),
                    PagesPlanned = profile.MaxPages,
                    Worker = "demo",
                };
                db.ScanRuns.Add(run);
                await db.SaveChangesAsync(cancellationToken);
                using var report = JsonDocument.Parse(Report(number, run.StartedAt.Value, FixtureOrigin).ToJsonString());
                // The run's own clock: each run is stored as of the day it ran, so that the daily aggregates spread out.
                var recorder = new ScanRunService(db, new ScanDiff(db, notifier), at);
                await recorder.RecordAsync(run, report.RootElement, cancellationToken);
                runs++;
            }
        }

        if (scanned.Count > 0)
        {
            await UploadAsync(scanned[0], now, cancellationToken);
            runs++;
        }

        return runs;
    }

    /// <summary>
    /// The vendor's pipeline scanned the staging site of the next release three days ago: its findings are those the
    /// latest scheduled run later found in production (fingerprints leave the host out, so the two compare).
    /// </summary>
    private async Task UploadAsync(Service service, DateTime now, CancellationToken cancellationToken)
    {
        var email = DemoData.Email(UploaderLocalPart);
        var uploader = await db.Users.AsNoTracking().Where(u => u.IsDemo && u.Email == email)
            .Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        var finished = now.AddDays(-3).AddHours(-5);
        using var report = JsonDocument.Parse(Report(RunsPerService, finished.AddMinutes(-2), StagingOrigin).ToJsonString());
        var recorder = new ScanRunService(db, new ScanDiff(db, notifier), new FixedClock(finished));
        await recorder.RecordUploadAsync(service.Id, report.RootElement, uploader?.Id, $"{uploader?.DisplayName ?? "CI"} / {UploadKeyName}", cancellationToken);
    }

    private static JsonObject Report(int number, DateTime startedAt, string origin)
    {
        var pages = new JsonArray();
        foreach (var (path, title) in Pages)
        {
            var findings = new JsonArray();
            foreach (var defect in Defects.Where(d => d.Path == path && d.From <= number && (d.Until == 0 || number < d.Until)))
            {
                findings.Add(new JsonObject
                {
                    ["ruleId"] = defect.Rule,
                    ["category"] = defect.Category,
                    ["outcome"] = ScanReportWords.Violation,
                    ["impact"] = defect.Impact,
                    ["message"] = $"Demo finding: {defect.Rule} on {path}.",
                    ["helpUrl"] = $"https://dequeuniversity.com/rules/axe/4.10/{defect.Rule}",
                    ["wcag"] = new JsonArray(Wcag(defect.Rule).Select(w => (JsonNode)JsonValue.Create(w)!).ToArray()),
                    ["fingerprint"] = Fingerprint(defect.Rule, path),
                    ["nodes"] = new JsonArray(new JsonObject
                    {
                        ["selector"] = defect.Selector,
                        ["html"] = $"<{(defect.Selector.StartsWith("input", StringComparison.Ordinal) ? "input" : "span")} class=\"demo\">",
                        ["fingerprint"] = Fingerprint(defect.Rule, path, defect.Selector),
                    }),
                });
            }

            if (path == "/demo-site/apply.html")
            {
                findings.Add(new JsonObject
                {
                    ["ruleId"] = "autocomplete-valid",
                    ["category"] = "accessibility",
                    ["outcome"] = ScanReportWords.NeedsReview,
                    ["impact"] = ScanReportWords.Serious,
                    ["message"] = "Demo finding that needs a person's review.",
                    ["helpUrl"] = "https://dequeuniversity.com/rules/axe/4.10/autocomplete-valid",
                    ["wcag"] = new JsonArray("1.3.5"),
                    ["fingerprint"] = Fingerprint("autocomplete-valid", path),
                    ["nodes"] = new JsonArray(),
                });
            }

            var seed = DemoCalendar.Fraction(path + number);
            pages.Add(new JsonObject
            {
                ["requestedUrl"] = origin + path,
                ["finalUrl"] = origin + path,
                ["depth"] = path == "/demo-site/index.html" ? 0 : 1,
                ["statusCode"] = 200,
                ["title"] = title,
                ["lang"] = "ja",
                ["status"] = "complete",
                ["timings"] = new JsonObject
                {
                    ["timeToFirstByteMs"] = 20 + (int)(seed * 40),
                    ["firstContentfulPaintMs"] = 300 + (int)(seed * 200),
                    ["largestContentfulPaintMs"] = 900 + (int)(seed * 900) - number * 60,
                    ["cumulativeLayoutShift"] = Math.Round(0.02 + seed * 0.1, 3),
                    ["loadMs"] = 600 + (int)(seed * 400),
                },
                ["weightBytes"] = 24_000 + (int)(seed * 10_000),
                ["requestCount"] = 4,
                ["durationMs"] = 1500 + (int)(seed * 1500),
                ["findings"] = findings,
            });
        }

        return new JsonObject
        {
            ["reportVersion"] = 1,
            ["scanner"] = new JsonObject
            {
                ["name"] = "Shishin",
                ["version"] = "demo",
                ["informationUri"] = "https://github.com/shishin-project/shishin",
                ["axeCoreVersion"] = "4.10.3",
                ["browserVersion"] = "Chromium (demo)",
                ["userAgent"] = "Shishin demo",
            },
            ["startedAt"] = startedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["durationMs"] = 90_000,
            ["cancelled"] = false,
            ["browserRestarts"] = 0,
            ["options"] = new JsonObject
            {
                ["startUrls"] = new JsonArray(origin + Pages[0].Path),
                ["maxPages"] = 10,
                ["maxDepth"] = 2,
                ["concurrency"] = 2,
                ["include"] = new JsonArray("/demo-site/**"),
                ["exclude"] = new JsonArray(),
                ["obeyRobots"] = true,
                ["mobile"] = false,
                ["wcag22"] = true,
                ["allowPrivate"] = origin == FixtureOrigin,
            },
            ["summary"] = new JsonObject(),
            ["pages"] = pages,
            ["skipped"] = new JsonArray(),
            ["blockedRequests"] = new JsonArray(),
        };
    }

    private static string[] Wcag(string rule) => rule switch
    {
        "image-alt" => ["1.1.1"],
        "link-name" => ["2.4.4", "4.1.2"],
        "color-contrast" => ["1.4.3"],
        "label" => ["1.3.1", "4.1.2"],
        "button-name" => ["4.1.2"],
        "target-size" => ["2.5.8"],
        _ => [],
    };

    /// <summary>Like the scanner's: a hash of the rule, the page's path and (for a place) the selector.</summary>
    private static string Fingerprint(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))))[..32];

    private sealed class FixedClock(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
    }
}
