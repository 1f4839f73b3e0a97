using Shishin.BrowserTests.Accessibility;
using Shishin.BrowserTests.Infrastructure;

namespace Shishin.BrowserTests.Interaction;

/// <summary>
/// The shared layout on a phone (375 CSS px) and a desktop (1280 px): the main menu collapses into one row behind a
/// disclosure that the keyboard opens and closes, the admin header fits one row, and no page scrolls sideways.
/// </summary>
public sealed class LayoutTests(AxeFixture fixture) : IClassFixture<AxeFixture>
{
    private const string Toggle = "header nav .site-nav__toggle";
    private const string MenuLinks = "header nav .site-nav__list a";

    public static TheoryData<string, Viewer> Rows => PageTable.Rows();

    [Theory]
    [InlineData(Viewer.Anonymous, "ja")]
    [InlineData(Viewer.Admin, "ja")]
    [InlineData(Viewer.Admin, "en")]
    public async Task Menu_375Pixels_IsCollapsedIntoOneRow(Viewer viewer, string language)
    {
        // Arrange
        await using var session = await fixture.NewSessionAsync(language, await fixture.StateAsync(viewer), width: 375, height: 667);

        // Act
        await session.GotoAsync("/");

        // Assert: only the menu button shows; the bar and the links are hidden until it is opened.
        var nav = await session.Page.Locator("header nav").BoundingBoxAsync();
        Assert.NotNull(nav);
        Assert.True(nav.Height <= 48, $"The collapsed menu is {nav.Height} px high.");
        Assert.True(await session.Page.Locator(Toggle).IsVisibleAsync());
        Assert.False(await session.Page.Locator("header nav .site-nav__bar").IsVisibleAsync());
        Assert.False(await session.Page.Locator(MenuLinks).First.IsVisibleAsync());
        var header = await session.Page.Locator("header.site-header").BoundingBoxAsync();
        Assert.True(header!.Height <= 140, $"The header is {header.Height} px high at 375 px.");
        session.AssertNoProblems();
    }

    [Fact]
    public async Task Menu_Keyboard_OpensShowsTheCurrentPageAndCloses()
    {
        // Arrange
        await using var session = await fixture.NewSessionAsync("ja", await fixture.AdminStateAsync(), width: 375, height: 667);
        await session.GotoAsync("/catalog/checkpoints");

        // Act: Tab to the menu button and press Enter.
        await session.TabToAsync(Toggle);
        await session.Page.Keyboard.PressAsync("Enter");

        // Assert: open, announced as expanded, its links follow in the tab order, the catalogue marked current.
        Assert.True(await session.Page.Locator("header nav details").EvaluateAsync<bool>("d => d.open"));
        Assert.Equal(7, await session.Page.Locator(MenuLinks).CountAsync());
        Assert.True(await session.Page.Locator(MenuLinks).First.IsVisibleAsync());
        var current = session.Page.Locator($"{MenuLinks}[aria-current='page']");
        Assert.Equal("カタログ", (await current.InnerTextAsync()).Trim());
        await session.Page.Keyboard.PressAsync("Tab");
        Assert.True(await session.FocusedMatchesAsync($"{MenuLinks}[href='/']"), "Tab after the open menu button did not reach its first link.");

        // Act: back to the button, and Space closes it.
        await session.Page.Keyboard.PressAsync("Shift+Tab");
        Assert.True(await session.FocusedMatchesAsync(Toggle));
        await session.Page.Keyboard.PressAsync("Space");

        // Assert
        Assert.False(await session.Page.Locator("header nav details").EvaluateAsync<bool>("d => d.open"));
        Assert.False(await session.Page.Locator(MenuLinks).First.IsVisibleAsync());
        session.AssertNoProblems();
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task Header_Admin1280Pixels_FitsOneRow(string language)
    {
        // Arrange
        await using var session = await fixture.NewSessionAsync(language, await fixture.AdminStateAsync(), width: 1280, height: 800);

        // Act
        await session.GotoAsync("/admin/users");

        // Assert: brand, bar and tools share one row, and the bar itself does not wrap.
        var rows = await session.Page.EvaluateAsync<double[]>("""
            () => ['.site-header__brand', 'header nav .site-nav__bar', '.site-header__tools']
                .map(s => document.querySelector(s).getBoundingClientRect())
                .flatMap(r => [r.top, r.height])
            """);
        Assert.False(await session.Page.Locator(Toggle).IsVisibleAsync());
        Assert.True(rows[3] <= 48, $"The menu bar is {rows[3]} px high: it wraps.");
        Assert.True(rows[5] <= 48, $"The header tools are {rows[5]} px high: they wrap.");
        Assert.True(Math.Abs(rows[0] - rows[2]) < 8 && Math.Abs(rows[0] - rows[4]) < 8, $"Brand, menu and tools are not on one row: tops {rows[0]}, {rows[2]}, {rows[4]}.");
        session.AssertNoProblems();
    }

    /// <summary>
    /// Every page of the page table at 375 CSS px: nothing but a table's own region scrolls sideways, and every table
    /// sits in a focusable region with a name (the shared &lt;table-region&gt;).
    /// </summary>
    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Page_375Pixels_NoHorizontalScrollAndTablesInNamedRegions(string page, Viewer viewer)
    {
        // Arrange
        var pageCase = PageTable.Find(page);
        var baseAddress = pageCase.NewInstance ? fixture.NewInstance.BaseAddress : fixture.App.BaseAddress;
        await using var session = await fixture.NewSessionAsync("ja", await fixture.StateAsync(viewer), width: 375, height: 667, baseAddress: baseAddress);
        if (pageCase.Before is not null)
        {
            await pageCase.Before(session);
        }

        // Act
        await session.GotoAsync(fixture.Resolve(pageCase.Path));
        if (pageCase.After is not null)
        {
            await pageCase.After(session);
        }

        // Assert
        var problems = await session.Page.EvaluateAsync<string>("""
            () => {
                const width = window.innerWidth;
                const found = [];
                if (document.documentElement.scrollWidth > width) {
                    const wide = Array.from(document.body.querySelectorAll('*'))
                        .filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest('.table-wrap, .visually-hidden, .skip-link'))
                        .slice(0, 5)
                        .map(e => `${e.tagName.toLowerCase()}.${Array.from(e.classList).join('.')} right=${Math.round(e.getBoundingClientRect().right)}`);
                    found.push(`scrollWidth ${document.documentElement.scrollWidth} > ${width}: ${wide.join('; ')}`);
                }
                // A table inside another table's cell scrolls with the outer table's region.
                for (const table of [...document.querySelectorAll('main table')].filter(t => !t.parentElement.closest('table'))) {
                    const region = table.parentElement;
                    const named = region && (region.getAttribute('aria-label') ||
                        (region.getAttribute('aria-labelledby') && document.getElementById(region.getAttribute('aria-labelledby'))));
                    if (!region || region.getAttribute('role') !== 'region' || region.getAttribute('tabindex') !== '0' || !named) {
                        found.push(`a table is not in a named, focusable region: ${(region ? region.outerHTML : '').slice(0, 120)}`);
                    }
                }
                return found.join(' | ');
            }
            """);
        Assert.True(problems.Length == 0, $"{page} ({viewer}): {problems}");
    }
}
