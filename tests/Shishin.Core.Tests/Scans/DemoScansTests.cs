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
            Assert.Equal(DemoScans.ServicesWithScans * DemoScans.RunsPerService + 1, runs.Count);
            Assert.All(runs, r => Assert.Equal((ScanRunStatus.Done, 4), (r.Status, r.Pages)));
            var scheduled = runs.Where(r => r.Trigger == ScanTrigger.Scheduled).ToList();
            Assert.Equal(DemoScans.ServicesWithScans * DemoScans.RunsPerService, scheduled.Count);
            Assert.All(scheduled, r => Assert.Contains(profiles, p => p.Id == r.ProfileId));

            // One CI run uploaded beside the scheduled runs of a scanned service, stored as the upload endpoint stores one.
            var uploaded = Assert.Single(runs, r => r.Trigger == ScanTrigger.Uploaded);
            var uploader = await db.Users.AsNoTracking().SingleAsync(u => u.Email == DemoData.Email(DemoScans.UploaderLocalPart));
            Assert.Null(uploaded.ProfileId);
            Assert.Equal((uploader.Id, $"{uploader.DisplayName} / {DemoScans.UploadKeyName}"), (uploaded.RequestedById, uploaded.RequestedByName));
            var beside = scheduled.Where(r => r.ServiceId == uploaded.ServiceId).ToList();
            Assert.Equal(DemoScans.RunsPerService, beside.Count);
            Assert.InRange(uploaded.FinishedAt!.Value, beside[^2].FinishedAt!.Value, beside[^1].FinishedAt!.Value);
            var uploadedPages = await db.ScanPages.AsNoTracking().Where(p => p.RunId == uploaded.Id).Select(p => p.RequestedUrl).ToListAsync();
            Assert.Equal(4, uploadedPages.Count);
            Assert.All(uploadedPages, u => Assert.StartsWith(DemoScans.StagingOrigin + "/", u, StringComparison.Ordinal));

            // Each run on its own Tokyo day: four days per service, and a fifth for the one with the upload.
            var days = await db.ScanDailyAggregates.AsNoTracking().GroupBy(a => a.ServiceId).Select(g => new { g.Key, Days = g.Count(), Runs = g.Sum(a => a.Runs) }).ToListAsync();
            Assert.Equal(DemoScans.ServicesWithScans, days.Count);
            Assert.All(days, d => Assert.Equal(d.Key == uploaded.ServiceId ? (5, 5) : (4, 4), (d.Days, d.Runs)));

            var diffs = scope.ServiceProvider.GetRequiredService<ScanDiff>();
            var ofOne = runs.Where(r => r.ProfileId == profiles[0].Id).ToList();
            var diff = (await diffs.CompareAsync(ofOne[^2], ofOne[^1]))!;
            Assert.Equal([("/demo-site/news.html", "region")], diff.New.Select(i => (i.PagePath, i.RuleId)));
            Assert.Equal([("/demo-site/news.html", "color-contrast")], diff.Fixed.Select(i => (i.PagePath, i.RuleId)));
            // The staging scan foretold production: by fingerprint (host left out) nothing differs from the latest scheduled run.
            var foretold = (await diffs.CompareAsync(uploaded, beside[^1]))!;
            Assert.Equal((0, 0), (foretold.New.Count, foretold.Fixed.Count));
            Assert.NotEmpty(foretold.Unchanged);

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
