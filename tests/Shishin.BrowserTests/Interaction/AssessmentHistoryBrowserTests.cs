using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.BrowserTests.Infrastructure;
using Shishin.Core.Assessments;
using Shishin.Core.Catalog;
using Shishin.Core.Data;
using Shishin.Core.Services;
using Samples = Shishin.Tests.AssessmentSamples;

namespace Shishin.BrowserTests.Interaction;

/// <summary>A service's assessment history: the table works alone, and with JavaScript a trend chart drawn from it.</summary>
[Collection(SharedBrowser.Name)]
public sealed class AssessmentHistoryBrowserTests(BrowserFixture fixture)
{
    private static readonly string[] AllMet = ["P1-01", "P1-02", "P1-03", "P1-04"];

    /// <summary>A public service of Chiyoda with published assessments in two phases (4 of 6 applicable met, then 4 of 4).</summary>
    private async Task<string> AssessedServiceAsync()
    {
        var key = "history-" + Guid.NewGuid().ToString("N")[..8];
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var chiyoda = await db.Organizations.Where(o => o.Key == "chiyoda").Select(o => o.Id).SingleAsync();
        var service = await Samples.ServiceAsync(db, key, chiyoda, isPublic: true, phase: ServicePhase.Operation);
        await Samples.AssessmentAsync(db, service.Id, AssessmentStatus.Published, Rag.Amber, Samples.Mixed,
            LifecyclePhase.Development, publishedAt: DateTime.UtcNow.AddDays(-100));
        await Samples.AssessmentAsync(db, service.Id, AssessmentStatus.Published, Rag.Green,
            AllMet.Select(c => new Samples.Result(c, CheckpointOutcome.Met, Rag.Green)),
            LifecyclePhase.Operation, publishedAt: DateTime.UtcNow.AddDays(-5));
        return key;
    }

    [Fact]
    public async Task History_JavaScriptDisabled_ShowsTheTableAndNoChart()
    {
        // Arrange
        var key = await AssessedServiceAsync();
        await using var session = await fixture.NewSessionAsync(javaScript: false);

        // Act
        await session.GotoAsync($"/services/{key}/assessments");

        // Assert
        Assert.Equal(2, await session.Page.Locator("#history-table tbody tr").CountAsync());
        Assert.True(await session.Page.Locator("#history-table").IsVisibleAsync());
        Assert.False(await session.Page.Locator("#history-chart").IsVisibleAsync());
        session.AssertNoProblems();
    }

    [Fact]
    public async Task History_JavaScript_DrawsTheChartFocusableAndLabelledWithoutCspProblems()
    {
        // Arrange
        var key = await AssessedServiceAsync();
        await using var session = await fixture.NewSessionAsync(language: "en");

        // Act
        await session.GotoAsync($"/services/{key}/assessments");
        await session.Page.Locator("#history-chart canvas").WaitForAsync();

        // Assert: the values plotted are the shares met of applicable (4 of 6 applicable, then 4 of 4).
        var chart = session.Page.Locator("#history-chart");
        Assert.True(await chart.IsVisibleAsync());
        Assert.Equal("0", await chart.GetAttributeAsync("tabindex"));
        Assert.StartsWith("Chart: Met of applicable (%), ", await chart.GetAttributeAsync("aria-label") ?? "", StringComparison.Ordinal);
        Assert.Equal(["66.7", "100"], await session.Page.Locator("#history-table tbody td[data-value]").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.value)"));
        Assert.True(await session.Page.Locator("#history-table").IsVisibleAsync());
        await session.TabToAsync("#history-chart", limit: 60);
        session.AssertNoProblems();
    }
}
