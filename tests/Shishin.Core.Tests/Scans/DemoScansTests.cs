using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Data;
using Shishin.Core.Demo;
using Shishin.Core.Scans;
using Shishin.Tests;

namespace Shishin.Core.Tests.Scans;

/// <summary>The demo's scans: profiles pointed at the fixture site, weekly runs stored from reports, and all of it removed with the demo.</summary>
public abstract class DemoScansTests(TestProvider provider)
{
    [Fact]
    public async Task Seed_DemoServices_GetProfilesRunsAggregatesAndADiffAndRemoveTakesThemOut()
    {
        var fixture = new CoreFixture(provider);
        await fixture.InitializeAsync();
        try
        {
            await using var scope = fixture.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            var demo = scope.ServiceProvider.GetRequiredService<DemoData>();

            var seeded = await demo.SeedAsync(force: false);

            Assert.Equal(DemoSeedOutcome.Seeded, seeded.Outcome);
            var profiles = await db.ScanProfiles.AsNoTracking().ToListAsync();
            Assert.Equal(DemoScans.ServicesWithScans, profiles.Count);
            Assert.All(profiles, p => Assert.Equal((true, DemoScans.FixtureSiteUrl), (p.IsDemo, p.StartUrls)));
            var runs = await db.ScanRuns.AsNoTracking().OrderBy(r => r.FinishedAt).ToListAsync();
            Assert.Equal(DemoScans.ServicesWithScans * DemoScans.RunsPerService, runs.Count);
            Assert.All(runs, r => Assert.Equal((ScanRunStatus.Done, 4), (r.Status, r.Pages)));
            var days = await db.ScanDailyAggregates.AsNoTracking().GroupBy(a => a.ServiceId).Select(g => g.Count()).ToListAsync();
            Assert.Equal(Enumerable.Repeat(DemoScans.RunsPerService, DemoScans.ServicesWithScans), days);

            var diffs = scope.ServiceProvider.GetRequiredService<ScanDiff>();
            var ofOne = runs.Where(r => r.ProfileId == profiles[0].Id).ToList();
            var diff = (await diffs.CompareAsync(ofOne[^2], ofOne[^1]))!;
            Assert.Equal([("/demo-site/news.html", "region")], diff.New.Select(i => (i.PagePath, i.RuleId)));
            Assert.Equal([("/demo-site/news.html", "color-contrast")], diff.Fixed.Select(i => (i.PagePath, i.RuleId)));

            await demo.RemoveAsync();

            Assert.False(await db.ScanProfiles.AnyAsync());
            Assert.False(await db.ScanRuns.AnyAsync());
            Assert.False(await db.ScanFindings.AnyAsync());
            Assert.False(await db.ScanDailyAggregates.AnyAsync());
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }
}

public sealed class DemoScansTests_Sqlite() : DemoScansTests(TestProvider.Sqlite);

public sealed class DemoScansTests_Postgres() : DemoScansTests(TestProvider.Postgres);
