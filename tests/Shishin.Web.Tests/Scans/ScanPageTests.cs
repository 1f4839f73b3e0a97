using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Data;
using Shishin.Core.Scans;
using Shishin.Tests;
using Shishin.Web.Tests.Services;

namespace Shishin.Web.Tests.Scans;

/// <summary>The scan pages over HTTP on each provider: profile forms, Scan now, Cancel, the run page, the diff and trends.</summary>
public abstract class ScanPageTests(ShishinAppFactory app)
{
    private static readonly string[] EarlyStatuses = ["queued", "running", "failed"];

    private async Task<(string Key, Guid ServiceId, HttpClient Owner)> OwnServiceAsync(bool isPublic = false)
    {
        var key = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic);
        var owner = await ServiceSamples.OwnerOfAsync(app, "chiyoda");
        return (key, (await ServiceSamples.FindAsync(app, key)).Id, owner);
    }

    private async Task<ScanProfile> ProfileAsync(Guid serviceId, string startUrls = "")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ScanProfiles>().CreateAsync(serviceId,
            new ScanProfileInput("公開サイト", startUrls, 10, 1, "", "", false, true, ScanCadence.Off));
        return result.Profile!;
    }

    /// <summary>A finished run made from a report, stored as a worker stores one.</summary>
    private async Task<ScanRun> RecordedRunAsync(ScanProfile profile, JsonObject report)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var runs = scope.ServiceProvider.GetRequiredService<ScanRunService>();
        var run = await runs.AddQueuedAsync(profile, ScanTrigger.Scheduled, null, null, "");
        using var document = JsonDocument.Parse(report.ToJsonString());
        await runs.RecordAsync(run, document.RootElement);
        return run;
    }

    private static JsonObject Report(string helpUrl, string html, params string[] rules) => new()
    {
        ["scanner"] = new JsonObject { ["version"] = "test", ["axeCoreVersion"] = "4.10.3", ["browserVersion"] = "Chromium 140" },
        ["options"] = new JsonObject { ["startUrls"] = new JsonArray("https://www.example.lg.jp/"), ["maxPages"] = 10, ["maxDepth"] = 1, ["mobile"] = false, ["wcag22"] = true },
        ["cancelled"] = false,
        ["pages"] = new JsonArray(new JsonObject
        {
            ["requestedUrl"] = "https://www.example.lg.jp/apply",
            ["status"] = "complete",
            ["statusCode"] = 200,
            ["timings"] = new JsonObject { ["largestContentfulPaintMs"] = 1234, ["cumulativeLayoutShift"] = 0.05 },
            ["findings"] = new JsonArray([.. rules.Select(rule => (JsonNode)new JsonObject
            {
                ["ruleId"] = rule,
                ["category"] = "accessibility",
                ["outcome"] = "violation",
                ["impact"] = "critical",
                ["message"] = "Message of " + rule,
                ["helpUrl"] = helpUrl,
                ["fingerprint"] = rule + "|/apply",
                ["nodes"] = new JsonArray(new JsonObject { ["selector"] = "#x", ["html"] = html, ["fingerprint"] = rule + "|#x|/apply" }),
            })]),
        }),
    };

    [Fact]
    public async Task NewProfile_BadUrlAndLimits_ShowsAFieldMessageForEachAndSavesNothing()
    {
        var (key, serviceId, owner) = await OwnServiceAsync();

        using var response = await owner.PostFormAsync($"/services/{key}/scans/profiles/new", new()
        {
            ["Input.Name"] = "",
            ["Input.StartUrls"] = "www.example.lg.jp/apply",
            ["Input.MaxPages"] = "0",
            ["Input.MaxDepth"] = "abc",
            ["Input.Include"] = "/has space/**",
            ["Input.Cadence"] = "Weekly",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var id in new[] { "Input_Name-error", "Input_StartUrls-error", "Input_MaxPages-error", "Input_MaxDepth-error", "Input_Include-error" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("ページ数の上限は1〜1,000にしてください。", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"Input_Exclude-error\"", html, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().ScanProfiles.AnyAsync(p => p.ServiceId == serviceId));
    }

    [Fact]
    public async Task EditProfile_StaleRevision_ShowsTheStoredProfileAndKeepsTheInput()
    {
        var (key, serviceId, owner) = await OwnServiceAsync();
        var profile = await ProfileAsync(serviceId);
        var path = $"/services/{key}/scans/profiles/{profile.Id}";
        var fields = new Dictionary<string, string>
        {
            ["Revision"] = "0", ["Input.Name"] = "新しい名前", ["Input.MaxPages"] = "20", ["Input.MaxDepth"] = "2", ["Input.Cadence"] = "Daily", ["Input.Mobile"] = "true",
        };
        using var saved = await owner.PostFormAsync(path, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        fields["Input.Name"] = "古い版からの名前";
        using var stale = await owner.PostFormAsync(path, fields);

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains("id=\"conflict-title\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"古い版からの名前\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Revision\" value=\"1\"", html, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().ScanProfiles.AsNoTracking().SingleAsync(p => p.Id == profile.Id);
        Assert.Equal(("新しい名前", 20, true, ScanCadence.Daily, 1), (stored.Name, stored.MaxPages, stored.Mobile, stored.Cadence, stored.Revision));
    }

    [Fact]
    public async Task ScanNow_Owner_QueuesAnOnDemandRunAuditsItAndShowsItsProgress()
    {
        var (key, serviceId, owner) = await OwnServiceAsync();
        // No start URL anywhere (the service's entry URL is removed): the job fails at once, without a browser.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            await db.Services.Where(s => s.Id == serviceId).ExecuteUpdateAsync(s => s.SetProperty(x => x.EntryUrls, ""));
        }

        var profile = await ProfileAsync(serviceId);

        using var response = await owner.PostFormAsync($"/services/{key}/scans?handler=ScanNow&profile={profile.Id}", [], $"/services/{key}/scans");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith($"/services/{key}/scans/", location, StringComparison.Ordinal);
        var runId = Guid.Parse(location.Split('/')[^1]);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            var run = await db.ScanRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
            Assert.Equal((ScanTrigger.OnDemand, profile.Id, serviceId), (run.Trigger, run.ProfileId, run.ServiceId));
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "scan.requested" && e.EntityId == runId.ToString()));
        }

        using var progress = await owner.GetAsync($"{location}?handler=Progress");
        Assert.Equal(HttpStatusCode.OK, progress.StatusCode);
        Assert.Equal("application/json", progress.Content.Headers.ContentType!.MediaType);
        var json = JsonDocument.Parse(await progress.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(json.GetProperty("status").GetString(), EarlyStatuses);
    }

    [Fact]
    public async Task RunPage_WhileQueued_RefreshesWithoutScriptAndOffersCancel_ThenCancelEndsItAndIsAudited()
    {
        var (key, serviceId, owner) = await OwnServiceAsync();
        var profile = await ProfileAsync(serviceId);
        Guid runId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Queued without a Quartz job, so that nothing starts it meanwhile.
            runId = (await scope.ServiceProvider.GetRequiredService<ScanRunService>().AddQueuedAsync(profile, ScanTrigger.OnDemand, null, null, "owner")).Id;
        }

        var path = $"/services/{key}/scans/{runId}";
        var page = await owner.GetStringAsync(path);
        Assert.Contains($"<noscript><meta http-equiv=\"refresh\" content=\"{Shishin.Web.Pages.Services.Scans.RunModel.RefreshSeconds}\"></noscript>", page, StringComparison.Ordinal);
        Assert.Contains("aria-live=\"polite\"", page, StringComparison.Ordinal);
        Assert.Contains("handler=Cancel", page, StringComparison.Ordinal);

        using var cancel = await owner.PostFormAsync($"{path}?handler=Cancel", [], path);

        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            Assert.Equal(ScanRunStatus.Cancelled, (await db.ScanRuns.AsNoTracking().SingleAsync(r => r.Id == runId)).Status);
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "scan.cancelled" && e.EntityId == runId.ToString()));
        }

        var after = await owner.GetStringAsync(path);
        Assert.DoesNotContain("http-equiv=\"refresh\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunPage_HostileReport_ShowsSnippetsAsTextAndNoScriptLinks_AndAnonymousSeesOnlyTheSummary()
    {
        var (key, serviceId, owner) = await OwnServiceAsync(isPublic: true);
        var profile = await ProfileAsync(serviceId);
        await RecordedRunAsync(profile, Report("https://dequeuniversity.com/rules/axe/4.10/image-alt", "<img src=x>", "image-alt"));
        var run = await RecordedRunAsync(profile, Report("javascript:alert(1)", "<script>alert('x')</script>", "image-alt", "label"));
        var path = $"/services/{key}/scans/{run.Id}";

        var html = await owner.GetStringAsync(path);
        var anonymous = await app.NewClient().GetStringAsync(path);

        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.Ordinal);
        // What changed since the previous run: label is new, image-alt unchanged.
        Assert.Contains("id=\"changes-new-title\">新しい検出事項 (1)", html, StringComparison.Ordinal);
        Assert.Contains("id=\"changes-unchanged-title\">変化のない検出事項 (1)", html, StringComparison.Ordinal);
        Assert.Contains("id=\"summary\"", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("Message of label", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"changes\"", anonymous, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_TwoRunsChosen_CountsNewFixedAndUnchangedByRule()
    {
        var (key, serviceId, owner) = await OwnServiceAsync();
        var profile = await ProfileAsync(serviceId);
        var older = await RecordedRunAsync(profile, Report("https://example.org/", "<p>", "image-alt", "button-name"));
        var newer = await RecordedRunAsync(profile, Report("https://example.org/", "<p>", "image-alt", "label"));

        var html = await owner.GetStringAsync($"/services/{key}/scans/diff?from={newer.Id}&to={older.Id}");

        Assert.Contains("<tr><th scope=\"row\"><code>button-name</code></th><td>0</td><td>1</td><td>0</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\"><code>image-alt</code></th><td>0</td><td>0</td><td>1</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\"><code>label</code></th><td>1</td><td>0</td><td>0</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_UnknownRun_ShowsAFieldMessageNotAnError()
    {
        var (key, _, owner) = await OwnServiceAsync();

        using var response = await owner.GetAsync($"/services/{key}/scans/diff?from={Guid.NewGuid()}&to={Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"From-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trends_PublicServiceAnonymous_TablesHoldTheDailyFiguresAndTheChartWaitsForScript()
    {
        var (key, serviceId, _) = await OwnServiceAsync(isPublic: true);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            db.ScanDailyAggregates.AddRange(
                new ScanDailyAggregate { ServiceId = serviceId, Day = today.AddDays(-8), Runs = 1, LastRunId = Guid.NewGuid(), Critical = 3, Serious = 5, LcpMedianMs = 2100, ClsMedian = 0.12 },
                new ScanDailyAggregate { ServiceId = serviceId, Day = today.AddDays(-1), Runs = 2, LastRunId = Guid.NewGuid(), Critical = 1, Serious = 4, SecurityFindings = 2 });
            await db.SaveChangesAsync();
        }

        var html = await app.NewClient().GetStringAsync($"/services/{key}/scans/trends");

        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"<th scope=\"row\">{day}</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td data-value=\"3\">3</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td data-value=\"2100\">2,100</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td data-value=\"\">未測定</td>", html, StringComparison.Ordinal);
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Count(html, "class=\"trend-chart\"[^>]* hidden"));
        Assert.Contains("/lib/echarts/echarts.common.min.js", html, StringComparison.Ordinal);
    }
}

public sealed class ScanPageTests_Sqlite(SqliteAppFactory app) : ScanPageTests(app), IClassFixture<SqliteAppFactory>;

public sealed class ScanPageTests_Postgres(PostgresAppFactory app) : ScanPageTests(app), IClassFixture<PostgresAppFactory>;
