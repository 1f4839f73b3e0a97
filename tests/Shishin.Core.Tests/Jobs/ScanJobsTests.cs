using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;
using Shishin.Core.Data;
using Shishin.Core.Jobs;
using Shishin.Core.Scans;
using Shishin.Core.Services;
using Shishin.Core.Tests.Assessments;
using Shishin.Core.Tests.Uptime;
using Shishin.Tests;

namespace Shishin.Core.Tests.Jobs;

/// <summary>Shishin.Core with its Quartz scheduler on the persistent store of a fresh real database (not started).</summary>
public class JobsFixture(TestProvider provider) : CoreFixture(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Jobs:PollInterval"] = "00:00:01",
        ["Scanning:RetainRunsPerProfile"] = "2",
    };
}

public sealed class SqliteJobsFixture() : JobsFixture(TestProvider.Sqlite);

public sealed class PostgresJobsFixture() : JobsFixture(TestProvider.Postgres);

public abstract class ScanJobsTests(JobsFixture fixture)
{
    [Fact]
    public async Task Misfire_ScheduleMissedForTenDays_FiresOnceAndMovesToTheNextSlot()
    {
        var (service, profile) = await ProfileAsync(ScanCadence.Daily);
        var scheduler = await fixture.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var key = ScanSchedules.KeyFor(profile.Id, ScanCadence.Daily);
        await scheduler.ScheduleJob(ScanSchedules.Trigger(service.Id, profile.Id, ScanCadence.Daily, DateTimeOffset.UtcNow));
        // As if every node had been down for ten days: the stored next fire time moves ten days into the past, which is
        // what the store holds after such an outage (Quartz keeps .NET ticks or epoch milliseconds; either is handled).
        var planned = (await scheduler.GetTrigger(key))!.NextFireTimeUtc!.Value;
        await using (var arrange = fixture.Services.CreateAsyncScope())
        {
            var db = arrange.ServiceProvider.GetRequiredService<ShishinDbContext>();
            var stored = (await db.Database.SqlQueryRaw<long>("SELECT next_fire_time AS \"Value\" FROM qrtz_triggers WHERE trigger_name = {0}", key.Name).ToListAsync()).Single();
            var tenDays = stored == planned.UtcTicks ? TimeSpan.FromDays(10).Ticks : (long)TimeSpan.FromDays(10).TotalMilliseconds;
            Assert.True(stored == planned.UtcTicks || stored == planned.ToUnixTimeMilliseconds());
            await db.Database.ExecuteSqlRawAsync("UPDATE qrtz_triggers SET next_fire_time = next_fire_time - {0} WHERE trigger_name = {1}", tenDays, key.Name);
        }

        await scheduler.Start();
        var finished = await WaitForAsync(async db => await db.ScanRuns.AsNoTracking().Where(r => r.ProfileId == profile.Id && (r.Status == ScanRunStatus.Done || r.Status == ScanRunStatus.Failed || r.Status == ScanRunStatus.Cancelled)).ToListAsync(), r => r.Count > 0);
        var trigger = await scheduler.GetTrigger(key);

        Assert.NotNull(trigger);
        Assert.NotNull(trigger.PreviousFireTimeUtc);
        // FireAndProceed: after the one catch-up firing the next fire time is the slot after now, so the nine other
        // missed days never fire (with IgnoreMisfires it would still be in the past, firing again at once).
        Assert.True(trigger.NextFireTimeUtc > DateTimeOffset.UtcNow);
        await using var scope = fixture.Services.CreateAsyncScope();
        var runs = await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().ScanRuns.AsNoTracking().Where(r => r.ProfileId == profile.Id).ToListAsync();
        var only = Assert.Single(runs);
        Assert.Equal(ScanTrigger.Scheduled, only.Trigger);
        // The service has no entry URL: the run ends at once, which is all this test needs of it.
        Assert.Equal(ScanRunStatus.Failed, only.Status);
        Assert.Single(finished);
    }

    [Fact]
    public async Task Reconcile_MissingAndOrphanTriggers_AddsAndRemovesThenFindsNothingToDo()
    {
        var (_, daily) = await ProfileAsync(ScanCadence.Daily);
        var (_, off) = await ProfileAsync(ScanCadence.Off);
        var (_, weekly) = await ProfileAsync(ScanCadence.Weekly);
        var scheduler = await fixture.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var orphan = ScanSchedules.KeyFor(Guid.NewGuid(), ScanCadence.Monthly);
        await scheduler.ScheduleJob(ScanSchedules.Trigger(Guid.NewGuid(), Guid.Parse(orphan.Name[..32]), ScanCadence.Monthly, DateTimeOffset.UtcNow));
        await using var scope = fixture.Services.CreateAsyncScope();
        var schedules = scope.ServiceProvider.GetRequiredService<ScanSchedules>();

        var (added, removed) = await schedules.ReconcileAsync();
        var again = await schedules.ReconcileAsync();

        Assert.True(added >= 2);
        Assert.True(removed >= 1);
        Assert.Equal((0, 0), again);
        Assert.True(await scheduler.Exists(ScanSchedules.KeyFor(daily.Id, ScanCadence.Daily)));
        Assert.True(await scheduler.Exists(ScanSchedules.KeyFor(weekly.Id, ScanCadence.Weekly)));
        Assert.False(await scheduler.Exists(orphan));
        foreach (var cadence in new[] { ScanCadence.Daily, ScanCadence.Weekly, ScanCadence.Monthly })
        {
            Assert.False(await scheduler.Exists(ScanSchedules.KeyFor(off.Id, cadence)));
        }
    }

    [Fact]
    public async Task Sync_CadenceChangedThenOff_KeepsExactlyOneTriggerThenNone()
    {
        var (_, profile) = await ProfileAsync(ScanCadence.Weekly);
        var scheduler = await fixture.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await using var scope = fixture.Services.CreateAsyncScope();
        var schedules = scope.ServiceProvider.GetRequiredService<ScanSchedules>();

        await schedules.SyncAsync(profile);
        await schedules.SyncAsync(profile);
        var weekly = await scheduler.GetTrigger(ScanSchedules.KeyFor(profile.Id, ScanCadence.Weekly));
        profile.Cadence = ScanCadence.Monthly;
        await schedules.SyncAsync(profile);
        var afterChange = (await scheduler.Exists(ScanSchedules.KeyFor(profile.Id, ScanCadence.Weekly)), await scheduler.Exists(ScanSchedules.KeyFor(profile.Id, ScanCadence.Monthly)));
        profile.Cadence = ScanCadence.Off;
        await schedules.SyncAsync(profile);

        Assert.Equal(ScanSchedules.CronFor(profile.ServiceId, profile.Id, ScanCadence.Weekly), Assert.IsAssignableFrom<ICronTrigger>(weekly).CronExpressionString);
        Assert.Equal((false, true), afterChange);
        Assert.False(await scheduler.Exists(ScanSchedules.KeyFor(profile.Id, ScanCadence.Monthly)));
    }

    [Fact]
    public async Task Prune_ThreeFinishedRunsKeepingTwo_RemovesTheOldestDetailOnly()
    {
        var (service, profile) = await ProfileAsync(ScanCadence.Off);
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var start = DateTime.UtcNow.AddDays(-3);
        var runs = new List<ScanRun>();
        for (var i = 0; i < 3; i++)
        {
            var run = new ScanRun
            {
                ServiceId = service.Id, ProfileId = profile.Id, Status = ScanRunStatus.Done, QueuedAt = start.AddDays(i), FinishedAt = start.AddDays(i),
                Pages = 1, Serious = 1,
            };
            db.ScanRuns.Add(run);
            var page = new ScanPage { RunId = run.Id, RequestedUrl = "https://example.jp/" };
            page.Findings.Add(new ScanFinding { RunId = run.Id, RuleId = "image-alt", Category = "accessibility", Outcome = "violation", Impact = "serious", Fingerprint = "f" + i });
            db.ScanPages.Add(page);
            runs.Add(run);
        }

        var aggregate = new ScanDailyAggregate { ServiceId = service.Id, Day = new DateOnly(2026, 1, 1), Runs = 3, LastRunId = runs[0].Id, Serious = 1 };
        db.ScanDailyAggregates.Add(aggregate);
        var running = new ScanRun { ServiceId = service.Id, ProfileId = profile.Id, Status = ScanRunStatus.Running, QueuedAt = start, Worker = "gone-node" };
        var stale = new ScanRun { ServiceId = service.Id, ProfileId = profile.Id, Status = ScanRunStatus.Queued, QueuedAt = start };
        db.ScanRuns.AddRange(running, stale);
        await db.SaveChangesAsync();
        var job = ActivatorUtilities.CreateInstance<ScanRetentionJob>(scope.ServiceProvider, NullLogger<ScanRetentionJob>.Instance);
        var scheduler = await fixture.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        // Another test of the fixture may have started the scheduler: hold firing, so the requeued job is still there to see.
        await scheduler.Standby();

        await job.PruneAsync();
        var (failed, requeued) = await job.RepairOrphansAsync(scheduler);
        db.ChangeTracker.Clear();

        var after = await db.ScanRuns.AsNoTracking().Where(r => r.ProfileId == profile.Id).ToDictionaryAsync(r => r.Id);
        Assert.True(after[runs[0].Id].DetailPruned);
        Assert.Equal((1, 1), (after[runs[0].Id].Pages, after[runs[0].Id].Serious));
        Assert.False(after[runs[1].Id].DetailPruned);
        Assert.False(after[runs[2].Id].DetailPruned);
        Assert.False(await db.ScanPages.AnyAsync(p => p.RunId == runs[0].Id));
        Assert.False(await db.ScanFindings.AnyAsync(f => f.RunId == runs[0].Id));
        Assert.Equal(2, await db.ScanPages.CountAsync(p => p.RunId == runs[1].Id || p.RunId == runs[2].Id));
        Assert.Equal(2, await db.ScanFindings.CountAsync(f => f.RunId == runs[1].Id || f.RunId == runs[2].Id));
        Assert.Equal(3, (await db.ScanDailyAggregates.AsNoTracking().SingleAsync(a => a.ServiceId == service.Id)).Runs);
        Assert.True(failed >= 1 && requeued >= 1);
        Assert.Equal(ScanRunStatus.Failed, after[running.Id].Status);
        Assert.Contains("gone-node", after[running.Id].Error, StringComparison.Ordinal);
        Assert.Equal(ScanRunStatus.Queued, after[stale.Id].Status);
        Assert.True(await scheduler.Exists(RunScanJob.KeyFor(stale.Id)));
        await scheduler.DeleteJob(RunScanJob.KeyFor(stale.Id));
    }

    [Fact]
    public async Task RunScan_LoopbackStartUrlWithoutAllowPrivateNetworks_FailsNamingTheGuardAndTheSettingWithoutARequest()
    {
        await using var site = new LoopbackHttpServer();
        var (service, profile) = await ProfileAsync(ScanCadence.Off, site.Url("/"));
        var scheduler = await fixture.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();
        Guid runId;
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            runId = (await scope.ServiceProvider.GetRequiredService<ScanDispatcher>().QueueAsync(profile, ScanTrigger.OnDemand, null, null, "test")).Id;
        }

        var run = await WaitForAsync(db => db.ScanRuns.AsNoTracking().SingleAsync(r => r.Id == runId), r => r.IsFinished);

        // The run ends before a browser starts, and the site never sees a request (robots.txt included).
        Assert.Equal(ScanRunStatus.Failed, run.Status);
        Assert.Equal(
            $"The SSRF guard refuses every start URL: {site.Url("/")} (127.0.0.1 is not a public address (Loopback)). The platform scans only public addresses unless Scanning:AllowPrivateNetworks is true.",
            run.Error);
        Assert.Null(run.StartedAt);
        Assert.Equal(0, site.Requests);
        Assert.Equal(service.Id, run.ServiceId);
    }

    private async Task<(Service Service, ScanProfile Profile)> ProfileAsync(ScanCadence cadence, string startUrls = "")
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var owner = await Scopes.OrganizationAsync(fixture.Services, "chiyoda");
        var service = await AssessmentSamples.ServiceAsync(db, "jobs-" + Guid.NewGuid().ToString("N")[..10], owner);
        var profile = new ScanProfile { ServiceId = service.Id, Cadence = cadence, StartUrls = startUrls, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.ScanProfiles.Add(profile);
        await db.SaveChangesAsync();
        return (service, profile);
    }

    private async Task<T> WaitForAsync<T>(Func<ShishinDbContext, Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            await using var scope = fixture.Services.CreateAsyncScope();
            var value = await read(scope.ServiceProvider.GetRequiredService<ShishinDbContext>());
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(200);
        }
    }
}

public sealed class ScanJobsTests_Sqlite(SqliteJobsFixture fixture) : ScanJobsTests(fixture), IClassFixture<SqliteJobsFixture>;

public sealed class ScanJobsTests_Postgres(PostgresJobsFixture fixture) : ScanJobsTests(fixture), IClassFixture<PostgresJobsFixture>;

public class ScanScheduleSlotTests
{
    private static Guid Id(int seed, int n)
    {
        var bytes = new byte[16];
        new Random(seed * 100_003 + n).NextBytes(bytes);
        return new Guid(bytes);
    }

    [Fact]
    public void CronFor_SameServiceAndProfile_IsAlwaysTheSameSlot()
    {
        var service = Guid.Parse("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
        var profile = Guid.Parse("5e8f1a2b-3c4d-4e5f-9a0b-1c2d3e4f5a6b");

        var first = ScanSchedules.CronFor(service, profile, ScanCadence.Weekly);

        // Fixed across processes and releases: a changed hash would move every service's scan at the next upgrade.
        Assert.Equal(first, ScanSchedules.CronFor(service, profile, ScanCadence.Weekly));
        Assert.Equal(ExpectedWeekly, first);
    }

    private const string ExpectedWeekly = "22 34 0 ? * 3";

    [Fact]
    public void CronFor_AThousandServicesDaily_DifferAndSpreadOverEveryHour()
    {
        var crons = Enumerable.Range(0, 1000).Select(i => ScanSchedules.CronFor(Id(1, i), Id(2, i), ScanCadence.Daily)).ToList();
        var hours = crons.Select(c => int.Parse(c.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture)).GroupBy(h => h).ToDictionary(g => g.Key, g => g.Count());

        // 1,000 services over 86,400 seconds: nearly all at different seconds, and no hour with more than twice its share.
        Assert.True(crons.Distinct(StringComparer.Ordinal).Count() >= 980);
        Assert.Equal(24, hours.Count);
        Assert.All(hours.Values, n => Assert.InRange(n, 15, 84));
    }

    [Fact]
    public void CronFor_WeeklyAndMonthly_UseEveryDayOfTheWeekAndOnlyDaysEveryMonthHas()
    {
        var weekly = Enumerable.Range(0, 500).Select(i => ScanSchedules.CronFor(Id(3, i), Id(4, i), ScanCadence.Weekly).Split(' ')).ToList();
        var monthly = Enumerable.Range(0, 500).Select(i => ScanSchedules.CronFor(Id(5, i), Id(6, i), ScanCadence.Monthly).Split(' ')).ToList();

        Assert.Equal(["1", "2", "3", "4", "5", "6", "7"], weekly.Select(c => c[5]).Distinct().Order(StringComparer.Ordinal));
        Assert.All(weekly, c => Assert.Equal("?", c[3]));
        var days = monthly.Select(c => int.Parse(c[3], System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.InRange(days.Min(), 1, 1);
        Assert.InRange(days.Max(), 28, 28);
        Assert.All(monthly, c => Assert.NotNull(new CronExpression(string.Join(' ', c))));
    }

    [Fact]
    public void CronFor_Off_HasNoSchedule()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScanSchedules.CronFor(Guid.NewGuid(), Guid.NewGuid(), ScanCadence.Off));
    }
}

