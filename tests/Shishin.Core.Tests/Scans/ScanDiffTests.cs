using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Data;
using Shishin.Core.Notifications;
using Shishin.Core.Scans;
using Shishin.Tests;

namespace Shishin.Core.Tests.Scans;

/// <summary>
/// The issue-level diff on runs made from constructed reports and stored in the real database: findings match by
/// fingerprint (rule + page path), places by node fingerprint (rule + selector + page path).
/// </summary>
public abstract class ScanDiffTests(CoreFixture fixture)
{
    private static readonly SampleFinding Alt = new("image-alt", ScanReportWords.Critical, new SampleNode("main > img"));

    private async Task<ScanDiffResult> DiffAsync(SamplePage[] before, SamplePage[] after)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var runs = scope.ServiceProvider.GetRequiredService<ScanRunService>();
        var diffs = scope.ServiceProvider.GetRequiredService<ScanDiff>();
        var profile = await ScanSamples.ProfileAsync(db, await ScanSamples.ServiceAsync(db, $"diff-{Guid.NewGuid():N}"[..20]));
        var older = await ScanSamples.RecordAsync(runs, profile, ScanSamples.Report(before));
        var newer = await ScanSamples.RecordAsync(runs, profile, ScanSamples.Report(after));
        return (await diffs.CompareAsync(older, newer))!;
    }

    [Fact]
    public async Task Compare_MovedElement_FindingUnchangedWithOnePlaceAddedAndOneGone()
    {
        var before = new SamplePage("/", new SampleFinding("color-contrast", ScanReportWords.Serious, new SampleNode("header > p"), new SampleNode("footer > p")));
        var after = new SamplePage("/", new SampleFinding("color-contrast", ScanReportWords.Serious, new SampleNode("main > aside > p"), new SampleNode("footer > p")));

        var diff = await DiffAsync([before], [after]);

        var item = Assert.Single(diff.Items);
        Assert.Equal(ScanChange.Unchanged, item.Change);
        Assert.Equal(["main > aside > p"], item.NewNodes.Select(n => n.Selector));
        Assert.Equal(["header > p"], item.GoneNodes.Select(n => n.Selector));
        Assert.Empty(diff.New);
        Assert.Empty(diff.Fixed);
    }

    [Fact]
    public async Task Compare_ChangedText_FindingAndPlacesUnchanged()
    {
        var before = new SamplePage("/apply", new SampleFinding("label", ScanReportWords.Critical, new SampleNode("#name", "<input id=\"name\" placeholder=\"氏名\">")));
        var after = new SamplePage("/apply", new SampleFinding("label", ScanReportWords.Critical, new SampleNode("#name", "<input id=\"name\" placeholder=\"お名前\">")));

        var diff = await DiffAsync([before], [after]);

        var item = Assert.Single(diff.Unchanged);
        Assert.Empty(item.NewNodes);
        Assert.Empty(item.GoneNodes);
        Assert.Equal("<input id=\"name\" placeholder=\"お名前\">", Assert.Single(item.Nodes).Html);
        Assert.Equal((0, 0, 1), (diff.New.Count, diff.Fixed.Count, diff.Unchanged.Count));
    }

    [Fact]
    public async Task Compare_NewPage_ItsFindingsAreNewAndTheOthersUnchanged()
    {
        var home = new SamplePage("/", Alt);
        var added = new SamplePage("/news", new SampleFinding("link-name", ScanReportWords.Serious, new SampleNode("a.more")), new SampleFinding("region", ScanReportWords.Moderate, new SampleNode("p")));

        var diff = await DiffAsync([home], [home, added]);

        Assert.Equal(["link-name", "region"], diff.New.Select(i => i.RuleId));
        Assert.All(diff.New, i => Assert.Equal("/news", i.PagePath));
        Assert.Equal("image-alt", Assert.Single(diff.Unchanged).RuleId);
        Assert.Empty(diff.Fixed);
        Assert.Equal(["link-name"], diff.NewSerious.Select(i => i.RuleId));
        var byPage = diff.ByPage().ToDictionary(g => g.Key, g => (g.New, g.Fixed, g.Unchanged));
        Assert.Equal(new Dictionary<string, (int, int, int)> { ["/"] = (0, 0, 1), ["/news"] = (2, 0, 0) }, byPage);
    }

    [Fact]
    public async Task Compare_RemovedPage_ItsFindingsAreFixedAndMarkedAsNotScanned()
    {
        var home = new SamplePage("/", Alt, new SampleFinding("button-name", ScanReportWords.Critical, new SampleNode("button")));
        var removed = new SamplePage("/old", new SampleFinding("color-contrast", ScanReportWords.Serious, new SampleNode(".faint")));
        var homeFixed = new SamplePage("/", Alt);

        var diff = await DiffAsync([home, removed], [homeFixed]);

        Assert.Equal([("/", "button-name", false), ("/old", "color-contrast", true)], diff.Fixed.Select(i => (i.PagePath, i.RuleId, i.PageGone)));
        Assert.Equal("image-alt", Assert.Single(diff.Unchanged).RuleId);
        Assert.Empty(diff.New);
        var byRule = diff.ByRule().ToDictionary(g => g.Key, g => (g.New, g.Fixed, g.Unchanged));
        Assert.Equal(new Dictionary<string, (int, int, int)> { ["button-name"] = (0, 1, 0), ["color-contrast"] = (0, 1, 0), ["image-alt"] = (0, 0, 1) }, byRule);
    }

    [Fact]
    public async Task Compare_SameRuleAsViolationAndNeedsReview_AreTwoFindings()
    {
        var before = new SamplePage("/", new SampleFinding("color-contrast", ScanReportWords.Serious, new SampleNode("p")));
        var after = new SamplePage("/", new SampleFinding("color-contrast", ScanReportWords.Serious, new SampleNode("p")) { Outcome = ScanReportWords.NeedsReview });

        var diff = await DiffAsync([before], [after]);

        Assert.Equal(ScanReportWords.NeedsReview, Assert.Single(diff.New).Outcome);
        Assert.Equal(ScanReportWords.Violation, Assert.Single(diff.Fixed).Outcome);
    }

    [Fact]
    public async Task NewSeriousEvent_NewCriticalAgainstThePreviousRunOfTheProfile_NamesTheRunAndCounts()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var runs = scope.ServiceProvider.GetRequiredService<ScanRunService>();
        var diffs = scope.ServiceProvider.GetRequiredService<ScanDiff>();
        var key = $"notify-{Guid.NewGuid():N}"[..20];
        var profile = await ScanSamples.ProfileAsync(db, await ScanSamples.ServiceAsync(db, key));
        var first = await ScanSamples.RecordAsync(runs, profile, ScanSamples.Report(new SamplePage("/", Alt)));
        var moderateOnly = await ScanSamples.RecordAsync(runs, profile, ScanSamples.Report(new SamplePage("/", Alt, new SampleFinding("region", ScanReportWords.Moderate, new SampleNode("p")))));
        var serious = await ScanSamples.RecordAsync(runs, profile, ScanSamples.Report(new SamplePage("/", new SampleFinding("label", ScanReportWords.Critical, new SampleNode("#a")), new SampleFinding("link-name", ScanReportWords.Serious, new SampleNode("a")))));

        var none = await diffs.NewSeriousEventAsync(first, await diffs.PagesAsync(first.Id));
        var stillNone = await diffs.NewSeriousEventAsync(moderateOnly, await diffs.PagesAsync(moderateOnly.Id));
        var notification = await diffs.NewSeriousEventAsync(serious, await diffs.PagesAsync(serious.Id));

        Assert.Null(none);
        Assert.Null(stillNone);
        Assert.NotNull(notification);
        Assert.Equal(NotificationKind.NewSeriousFindings, notification.Kind);
        Assert.Equal($"/services/{key}/scans/{serious.Id}", notification.Path);
        Assert.Equal(serious.Id.ToString(), notification.Facts["runId"]);
        Assert.Equal(moderateOnly.Id.ToString(), notification.Facts["previousRunId"]);
        Assert.Equal(("1", "1", "2", "2"), (notification.Facts["newCritical"], notification.Facts["newSerious"], notification.Facts["newFindings"], notification.Facts["fixedFindings"]));
    }
}

public sealed class ScanDiffTests_Sqlite(SqliteCoreFixture fixture) : ScanDiffTests(fixture), IClassFixture<SqliteCoreFixture>;

public sealed class ScanDiffTests_Postgres(PostgresCoreFixture fixture) : ScanDiffTests(fixture), IClassFixture<PostgresCoreFixture>;
