using Shishin.BrowserTests.Accessibility;
using Shishin.BrowserTests.Infrastructure;

namespace Shishin.BrowserTests.Interaction;

/// <summary>
/// The shared layout on a phone (375 CSS px) and a desktop (1280 px): the main menu collapses into one row behind a
/// disclosure that the keyboard opens and closes, and the admin header fits one row. That no page scrolls sideways at
/// 320 px is checked on every page of the page table by the Japanese axe run (<see cref="JapaneseAxeTests"/>).
/// </summary>
public sealed class LayoutTests(AxeFixture fixture) : IClassFixture<AxeFixture>
{
    private const string Toggle = "header nav .site-nav__toggle";
    private const string MenuLinks = "header nav .site-nav__list a";

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

        // Assert: open, announced as expanded, its links (an administrator's seven areas) follow in the tab order, the
        // catalogue marked current.
        Assert.True(await session.Page.Locator("header nav details").EvaluateAsync<bool>("d => d.open"));
        Assert.Equal(7, await session.Page.Locator(MenuLinks).CountAsync());
        Assert.True(await session.Page.Locator(MenuLinks).First.IsVisibleAsync());
        var current = session.Page.Locator($"{MenuLinks}[aria-current='page']");
        Assert.Equal("カタログ", (await current.InnerTextAsync()).Trim());
        await session.Page.Keyboard.PressAsync("Tab");
        Assert.True(await session.FocusedMatchesAsync($"{MenuLinks}[href='/services']"), "Tab after the open menu button did not reach its first link.");

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
        // The widths say by how much a row overflows when it does.
        var widths = await session.Page.EvaluateAsync<string>("""
            () => ['.site-header__inner', '.site-header__brand', 'header nav .site-nav__bar', '.site-header__tools']
                .map(s => s + ' ' + Math.round(document.querySelector(s).getBoundingClientRect().width))
                .concat([...document.querySelectorAll('header nav .site-nav__bar a, .site-header__tools > *')].map(e => e.textContent.trim() + ' ' + Math.round(e.getBoundingClientRect().width)))
                .join(', ')
            """);
        Assert.True(Math.Abs(rows[0] - rows[2]) < 8 && Math.Abs(rows[0] - rows[4]) < 8, $"Brand, menu and tools are not on one row: tops {rows[0]}, {rows[2]}, {rows[4]}; widths: {widths}.");
        session.AssertNoProblems();
    }
}
