using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shishin.BrowserTests.Infrastructure;
using Shishin.Core.Data;
using Shishin.Core.Organizations;
using Shishin.Core.Scans;
using Shishin.Core.Services;

namespace Shishin.BrowserTests.Interaction;

/// <summary>
/// The app with scans allowed on loopback (<c>Scanning:AllowPrivateNetworks=true</c>, the scanner's browser the
/// headless shell) and jobs in process, so that "Scan now" scans the fixture site the app itself serves at /demo-site/.
/// </summary>
public sealed class ScanBrowserFixture() : BrowserFixture(new Dictionary<string, string>
{
    ["Scanning:AllowPrivateNetworks"] = "true",
    ["Scanning:BrowserPath"] = HeadlessShellPath(),
})
{
    /// <summary>A public service of Chiyoda with a profile of the fixture site; returns the service's key.</summary>
    public async Task<string> FixtureServiceAsync(int maxPages)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var chiyoda = (await scope.ServiceProvider.GetRequiredService<OrganizationService>().FindByKeyAsync("chiyoda"))!.Id;
        var site = new Uri(App.BaseAddress, "demo-site/index.html").AbsoluteUri;
        var service = new Service
        {
            Key = "scan-" + Guid.NewGuid().ToString("N")[..10], NameJa = "デモ区 子育て支援", NameEn = "Demo childcare support",
            OwnerOrganizationId = chiyoda, IsPublic = true, Phase = ServicePhase.Operation, EntryUrls = site,
        };
        db.Services.Add(service);
        await db.SaveChangesAsync();
        var saved = await scope.ServiceProvider.GetRequiredService<ScanProfiles>().CreateAsync(service.Id,
            new ScanProfileInput("デモサイト", "", maxPages, 2, "/demo-site/**", "", false, false, ScanCadence.Off));
        Assert.Equal(ScanProfileOutcome.Saved, saved.Outcome);
        return service.Key;
    }
}

public sealed class ScanBrowserTests(ScanBrowserFixture fixture) : IClassFixture<ScanBrowserFixture>
{
    /// <summary>The accessibility violations the fixture site has on purpose (wwwroot/demo-site/README.md), WCAG 2.2 rules off.</summary>
    private static readonly string[] FixtureViolations = ["button-name", "color-contrast", "image-alt", "label", "link-name"];

    [Fact]
    public async Task ScanNow_FixtureSite_ProgressUpdatesInPlaceThenTheRunShowsItsFindings()
    {
        // Arrange
        var key = await fixture.FixtureServiceAsync(maxPages: 10);
        await using var session = await fixture.NewSessionAsync(storageState: await fixture.AdminStateAsync());
        await session.GotoAsync($"/services/{key}/scans");

        // Act: Scan now lands on the run's progress view, which scan-progress.js keeps up to date without reloading.
        await session.ClickAndWaitForLoadAsync("main form[action*='handler=ScanNow'] button[type=submit]");
        var runPath = session.Path;
        Assert.Equal(1, await session.Page.Locator("#scan-progress [aria-live=polite]").CountAsync());
        await session.Page.Locator("#progress-done").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 180_000 });
        Assert.Equal(runPath, session.Path);
        // The updates are announced politely; focus stays where it was (nowhere).
        Assert.Equal("body", await session.Page.EvaluateAsync<string>("() => document.activeElement.tagName.toLowerCase()"));
        await session.ClickAndWaitForLoadAsync("#progress-done a");

        // Assert: the finished run's page and what was stored.
        Assert.Equal(runPath, session.Path);
        Assert.Equal(0, await session.Page.Locator("#scan-progress").CountAsync());
        Assert.Equal(1, await session.Page.Locator("#pages-caption").CountAsync());
        var runId = Guid.Parse(runPath.Split('/')[^1]);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var run = await db.ScanRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
        Assert.True(run.Status == ScanRunStatus.Done, $"{run.Status}: {run.Error}");
        var pages = await db.ScanPages.AsNoTracking().Where(p => p.RunId == runId).Select(p => p.RequestedUrl).ToListAsync();
        Assert.Equal(ScanTrigger.OnDemand, run.Trigger);
        Assert.True(pages.Count == 4, string.Join(" ", pages));
        var violations = await db.ScanFindings.AsNoTracking()
            .Where(f => f.RunId == runId && f.Category == "accessibility" && f.Outcome == ScanReportWords.Violation)
            .Select(f => f.RuleId).Distinct().ToListAsync();
        Assert.Equal(FixtureViolations, violations.Order(StringComparer.Ordinal));
        var listed = await session.Page.Locator("table:has(#rules-caption) tbody th[scope=row]").AllInnerTextsAsync();
        Assert.Superset(FixtureViolations.ToHashSet(StringComparer.Ordinal), listed.Select(t => t.Trim()).ToHashSet(StringComparer.Ordinal));

        session.AssertNoProblems();
    }

    [Fact]
    public async Task Trends_JavaScriptDisabled_TableReadableAndChartLeftHidden()
    {
        // Arrange: two days of figures.
        var key = await fixture.FixtureServiceAsync(maxPages: 1);
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            var id = await db.Services.Where(s => s.Key == key).Select(s => s.Id).SingleAsync();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            db.ScanDailyAggregates.AddRange(
                new ScanDailyAggregate { ServiceId = id, Day = today.AddDays(-2), Runs = 1, LastRunId = Guid.NewGuid(), Critical = 4, Serious = 2 },
                new ScanDailyAggregate { ServiceId = id, Day = today.AddDays(-1), Runs = 1, LastRunId = Guid.NewGuid(), Critical = 1, Serious = 2 });
            await db.SaveChangesAsync();
        }

        await using var session = await fixture.NewSessionAsync(javaScript: false);

        // Act
        await session.GotoAsync($"/services/{key}/scans/trends");

        // Assert
        var rows = await session.Page.Locator("#trend-impact-table tbody tr").AllInnerTextsAsync();
        Assert.Equal(2, rows.Count);
        Assert.StartsWith(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), rows[0], StringComparison.Ordinal);
        Assert.True(await session.Page.Locator("#trend-impact-table").IsVisibleAsync());
        Assert.False(await session.Page.Locator("#trend-impact-chart").IsVisibleAsync());
        session.AssertNoProblems();
    }

    [Fact]
    public async Task Trends_JavaScript_DrawsEachChartFocusableAndLabelledWithoutCspProblems()
    {
        // Arrange
        var key = await fixture.FixtureServiceAsync(maxPages: 1);
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            var id = await db.Services.Where(s => s.Key == key).Select(s => s.Id).SingleAsync();
            db.ScanDailyAggregates.Add(new ScanDailyAggregate { ServiceId = id, Day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), Runs = 1, LastRunId = Guid.NewGuid(), Minor = 3, LcpMedianMs = 1500 });
            await db.SaveChangesAsync();
        }

        await using var session = await fixture.NewSessionAsync(language: "en");

        // Act
        await session.GotoAsync($"/services/{key}/scans/trends");
        await session.Page.Locator("#trend-security-chart canvas").WaitForAsync();

        // Assert
        var charts = session.Page.Locator(".trend-chart");
        Assert.Equal(5, await charts.CountAsync());
        for (var i = 0; i < 5; i++)
        {
            var chart = charts.Nth(i);
            Assert.True(await chart.IsVisibleAsync());
            Assert.Equal("0", await chart.GetAttributeAsync("tabindex"));
            Assert.StartsWith("Chart: ", await chart.GetAttributeAsync("aria-label") ?? "", StringComparison.Ordinal);
        }

        await session.TabToAsync("#trend-impact-chart", limit: 60);
        session.AssertNoProblems();
    }
}
