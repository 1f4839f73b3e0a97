using Shishin.BrowserTests.Infrastructure;

namespace Shishin.BrowserTests.Interaction;

/// <summary>
/// WCAG 1.4.10 at 320 px for the pages of issue 11's reading fixes: the audit log's nested change lists, the diff's
/// hidden change markers and the organisation picker's region must not widen the page.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class ReadingPagesReflowTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("/admin/users/invite")]
    [InlineData("/admin/audit")]
    [InlineData("/organizations?q=%E5%8C%BA")]
    [InlineData("/catalog/diff?from=1.0.0&to=1.0.0")]
    public async Task Reflow_320Pixels_ThePageDoesNotScrollSideways(string path)
    {
        await using var session = await fixture.NewSessionAsync(storageState: await fixture.AdminStateAsync(), width: 320, height: 640);

        await session.GotoAsync(path);

        // Only a table's or the picker's own scroll region may be wider than the viewport.
        var overflow = await session.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow} px at 320 px.");
        session.AssertNoProblems();
    }
}
