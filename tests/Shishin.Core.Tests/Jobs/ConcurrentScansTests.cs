using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Shishin.Core.Data;
using Shishin.Core.Jobs;
using Shishin.Core.Scans;
using Shishin.Core.Tests.Assessments;
using Shishin.Core.Tests.Uptime;
using Shishin.Tests;

namespace Shishin.Core.Tests.Jobs;

/// <summary>
/// One node (this process) with <c>Jobs:MaxConcurrentScans=2</c> on its own database, running jobs, allowed to scan a
/// site on loopback with real Chromium.
/// </summary>
public class TwoScansFixture(TestProvider provider) : CoreFixture(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Jobs:PollInterval"] = "00:00:01",
        ["Jobs:MaxConcurrentScans"] = "2",
        ["Scanning:AllowPrivateNetworks"] = "true",
        ["Scanning:BrowserPath"] = BrowserPath(),
    };

    protected override bool RunsJobs => true;

    /// <summary>As the scanner tests find it: SHISHIN_TEST_SCAN_BROWSER, SHISHIN_BROWSER, then Debian's.</summary>
    private static string BrowserPath() =>
        Environment.GetEnvironmentVariable("SHISHIN_TEST_SCAN_BROWSER") is { Length: > 0 } scanBrowser ? scanBrowser
        : Environment.GetEnvironmentVariable("SHISHIN_BROWSER") is { Length: > 0 } configured ? configured
        : File.Exists("/usr/bin/chromium-headless-shell") ? "/usr/bin/chromium-headless-shell"
        : "/usr/bin/chromium";
}

public sealed class SqliteTwoScansFixture() : TwoScansFixture(TestProvider.Sqlite);

public sealed class PostgresTwoScansFixture() : TwoScansFixture(TestProvider.Postgres);

public abstract class ConcurrentScansTests(TwoScansFixture fixture)
{
    [Fact]
    public async Task MaxConcurrentScans_TwoQueuedScansOfALocalSite_RunAtOnceInOneProcess()
    {
        // Every answer takes two seconds, so each scan lasts several: with one scan slot the second could only start
        // after the first had finished, and the stored times could not overlap.
        await using var site = new LoopbackHttpServer
        {
            Delay = TimeSpan.FromSeconds(2),
            ContentType = "text/html; charset=utf-8",
            Body = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Slow</title></head><body><main><h1>Slow</h1></main></body></html>",
        };
        var first = await QueueAsync(site.Url("/a"));
        var second = await QueueAsync(site.Url("/b"));

        var runs = await WaitForAsync([first, second]);

        Assert.All(runs, r => Assert.Equal((ScanRunStatus.Done, 1, ""), (r.Status, r.Pages, r.Error)));
        var instance = (await fixture.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).SchedulerInstanceId;
        Assert.All(runs, r => Assert.Equal(instance, r.Worker));
        // Overlap, from the stored runs alone: each started before the other finished.
        Assert.True(runs[0].StartedAt < runs[1].FinishedAt && runs[1].StartedAt < runs[0].FinishedAt,
            $"Not at once: {runs[0].StartedAt:O}–{runs[0].FinishedAt:O} and {runs[1].StartedAt:O}–{runs[1].FinishedAt:O}");
    }

    private async Task<Guid> QueueAsync(string url)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var owner = await Scopes.OrganizationAsync(fixture.Services, "chiyoda");
        var service = await AssessmentSamples.ServiceAsync(db, "two-" + Guid.NewGuid().ToString("N")[..10], owner);
        var profile = new ScanProfile
        {
            ServiceId = service.Id, Name = "two", StartUrls = url, MaxPages = 1, MaxDepth = 0, Cadence = ScanCadence.Off,
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        db.ScanProfiles.Add(profile);
        await db.SaveChangesAsync();
        return (await scope.ServiceProvider.GetRequiredService<ScanDispatcher>().QueueAsync(profile, ScanTrigger.OnDemand, null, null, "test")).Id;
    }

    /// <summary>Polls until every run has finished; fails after three minutes with their last states.</summary>
    private async Task<List<ScanRun>> WaitForAsync(Guid[] ids)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            await using var scope = fixture.Services.CreateAsyncScope();
            var runs = await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().ScanRuns.AsNoTracking()
                .Where(r => ids.Contains(r.Id)).OrderBy(r => r.QueuedAt).ToListAsync();
            if (runs.Count == ids.Length && runs.All(r => r.IsFinished))
            {
                return runs;
            }

            Assert.True(DateTime.UtcNow < deadline, "Runs not finished: " + string.Join(", ", runs.Select(r => $"{r.Status} '{r.Error}'")));
            await Task.Delay(250);
        }
    }
}

public sealed class ConcurrentScansTests_Sqlite(SqliteTwoScansFixture fixture) : ConcurrentScansTests(fixture), IClassFixture<SqliteTwoScansFixture>;

public sealed class ConcurrentScansTests_Postgres(PostgresTwoScansFixture fixture) : ConcurrentScansTests(fixture), IClassFixture<PostgresTwoScansFixture>;
