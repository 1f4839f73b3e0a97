using Shishin.BrowserTests.Infrastructure;

namespace Shishin.BrowserTests.Interaction;

/// <summary>WCAG 1.4.10 Reflow: at 320 CSS px nothing but a table's own scroll area may scroll sideways.</summary>
[Collection(SharedBrowser.Name)]
public sealed class ReflowTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("/", false, "ja")]
    [InlineData("/", false, "en")]
    [InlineData("/organizations", false, "ja")]
    [InlineData("/organizations", false, "en")]
    [InlineData("/admin/users", true, "ja")]
    [InlineData("/admin/users", true, "en")]
    public async Task Reflow_320PixelViewport_NoHorizontalPageScroll(string path, bool admin, string language)
    {
        // Arrange
        var state = admin ? await fixture.AdminStateAsync() : null;
        await using var session = await fixture.NewSessionAsync(language, state, width: 320, height: 640);

        // Act
        await session.GotoAsync(path);

        // Assert
        Assert.Equal(path, session.Path);
        var overflow = await session.Page.EvaluateAsync<string>("""
            () => {
                const width = window.innerWidth;
                if (document.documentElement.scrollWidth <= width) return '';
                const wide = Array.from(document.body.querySelectorAll('*'))
                    .filter(e => e.getBoundingClientRect().right > width)
                    .slice(0, 5)
                    .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${Array.from(e.classList).join('.')} right=${Math.round(e.getBoundingClientRect().right)}`);
                return `scrollWidth ${document.documentElement.scrollWidth} > innerWidth ${width}: ${wide.join('; ')}`;
            }
            """);
        Assert.True(overflow.Length == 0, overflow);
        session.AssertNoProblems();
    }
}
