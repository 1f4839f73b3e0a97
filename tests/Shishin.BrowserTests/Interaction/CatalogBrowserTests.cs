using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shishin.BrowserTests.Accessibility;
using Shishin.BrowserTests.Infrastructure;
using Shishin.Core.Auditing;
using Shishin.Core.Catalog;
using Xunit.Abstractions;

namespace Shishin.BrowserTests.Interaction;

/// <summary>
/// The browser fixture with a catalogue that has moved on: the shipped 1.0.0 and 1.1.0 (with its changelog), then 1.2.0
/// (P3-01 changed, P3-90 added), and a
/// draft (P2-01 changed) that only admins may read. Its own app, so the shared fixtures keep the default catalogue.
/// </summary>
public sealed class CatalogBrowserFixture : BrowserFixture
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "browser test";
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogService>();

        var draft = await catalog.CreateDraftAsync();
        var changed = CatalogJson.Clone(draft.Document).FindCheckpoint("P3-01")!;
        changed.Title = new("ウェブアクセシビリティ方針の公開と更新", "Accessibility policy published and kept current");
        draft = await catalog.SaveCheckpointAsync(draft.Revision, "P3-01", changed);
        var added = CatalogJson.Clone(draft.Document).FindCheckpoint("P3-02")!;
        added.Id = "P3-90";
        added.Title = new("新しい確認項目", "A new checkpoint");
        draft = await catalog.SaveCheckpointAsync(draft.Revision, null, added);
        await catalog.PublishAsync(draft.Revision, "1.2.0", new("P3-01 を更新し、P3-90 を追加しました。", "Updated P3-01 and added P3-90."));

        var next = await catalog.CreateDraftAsync();
        var drafted = CatalogJson.Clone(next.Document).FindCheckpoint("P2-01")!;
        drafted.Title = drafted.Title with { En = "Only in the draft" };
        await catalog.SaveCheckpointAsync(next.Revision, "P2-01", drafted);
    }
}

/// <summary>The catalogue in a real browser: filters without JavaScript, the A4 print style sheet, reflow and axe.</summary>
public sealed partial class CatalogBrowserTests(CatalogBrowserFixture fixture, ITestOutputHelper output) : IClassFixture<CatalogBrowserFixture>
{
    private const string Rows = "main table.data-table tbody th[scope=row] a";

    [Fact]
    public async Task CheckpointFilters_JavaScriptDisabled_FilterSearchAndClear()
    {
        // Arrange
        await using var session = await fixture.NewSessionAsync(javaScript: false);
        await session.GotoAsync("/catalog/checkpoints");
        var all = await session.Page.Locator(Rows).CountAsync();
        Assert.True(all >= 60, $"{all} checkpoints listed.");

        // Act: a mapping and a phase, through the plain GET form.
        await session.Page.Locator("#Mapping").FillAsync("WCAG 1.4.3");
        await session.Page.Locator("#Phase").SelectOptionAsync("development");
        await session.ClickAndWaitForLoadAsync("main form.filter-form button[type=submit]");

        // Assert
        Assert.Equal("/catalog/checkpoints", session.Path);
        Assert.Contains("Mapping=WCAG+1.4.3", session.Page.Url, StringComparison.Ordinal);
        Assert.Equal(["UX-03"], await session.Page.Locator(Rows).AllInnerTextsAsync());
        Assert.Contains($"{all} 件のうち 1 件", await session.Page.Locator("main [role=status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await session.Page.Locator("#Phase option[value=development][selected]").CountAsync());
        Assert.Equal("WCAG 1.4.3", await session.Page.Locator("#Mapping").GetAttributeAsync("value"));

        // Act: clear, then search Japanese words.
        await session.ClickAndWaitForLoadAsync("main form.filter-form a.button--secondary");
        Assert.Equal(all, await session.Page.Locator(Rows).CountAsync());
        await session.Page.Locator("#Q").FillAsync("ウェブアクセシビリティ方針");
        await session.ClickAndWaitForLoadAsync("main form.filter-form button[type=submit]");

        // Assert
        Assert.Contains("P3-01", await session.Page.Locator(Rows).AllInnerTextsAsync());

        // Act: an English search with a check type and the principle.
        await session.Page.Locator("#Q").FillAsync("accessibility");
        await session.Page.Locator("#CheckType").SelectOptionAsync("H");
        await session.Page.Locator("#Principle").SelectOptionAsync("3");
        await session.ClickAndWaitForLoadAsync("main form.filter-form button[type=submit]");

        // Assert
        var found = await session.Page.Locator(Rows).AllInnerTextsAsync();
        Assert.NotEmpty(found);
        Assert.All(found, id => Assert.StartsWith("P3-", id, StringComparison.Ordinal));
        session.AssertNoProblems();
    }

    [Fact]
    public async Task CheckpointFilters_JavaScriptDisabled_BadMappingShowsTheFieldMessage()
    {
        // Arrange
        await using var session = await fixture.NewSessionAsync("en", javaScript: false);
        await session.GotoAsync("/catalog/checkpoints");

        // Act
        await session.Page.Locator("#Mapping").FillAsync("banana");
        await session.ClickAndWaitForLoadAsync("main form.filter-form button[type=submit]");

        // Assert
        Assert.Equal(1, await session.Page.Locator(".error-summary a[href='#Mapping']").CountAsync());
        Assert.Contains("Write a mapping such as WCAG 1.4.3", await session.Page.Locator("#Mapping-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await session.Page.Locator(Rows).CountAsync());
        session.AssertNoProblems();
    }

    [Fact]
    public async Task Print_MediaPrint_UsesTheA4StyleSheet()
    {
        // Arrange
        await using var session = await fixture.NewSessionAsync();
        await session.GotoAsync("/catalog/print");

        // Act
        await session.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var print = await session.Page.EvaluateAsync<PrintState>(PrintStateScript);

        // Assert
        Assert.Equal("none", print.Header);
        Assert.Equal("none", print.Nav);
        Assert.Equal("none", print.Footer);
        Assert.Equal("none", print.Breadcrumbs);
        Assert.Equal("page", print.PartBreakBefore);
        Assert.Equal("avoid", print.CheckpointBreakInside);
        Assert.Equal("none", print.LinkDecoration);
        Assert.Equal("rgb(0, 0, 0)", print.LinkColor);
        Assert.Equal("rgb(0, 0, 0)", print.TextColor);
        Assert.Contains("size: a4;", print.PageRule, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("margin: 15mm;", print.PageRule, StringComparison.Ordinal);

        // Act: on screen the same page keeps the site's header and navigation.
        await session.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        var screen = await session.Page.EvaluateAsync<PrintState>(PrintStateScript);

        // Assert
        Assert.NotEqual("none", screen.Header);
        Assert.NotEqual("page", screen.PartBreakBefore);
        session.AssertNoProblems();
    }

    [Fact]
    public async Task Print_Pdf_IsA4WithEveryPrincipleOnItsOwnPage()
    {
        // Arrange
        await using var session = await fixture.NewSessionAsync();
        await session.GotoAsync("/catalog/print");

        // Act
        var pdf = System.Text.Encoding.Latin1.GetString(await session.Page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true }));

        // Assert: A4 is 595 × 842 points; 10 principles, 3 themes and the parameters each begin a page.
        var box = MediaBox().Match(pdf);
        Assert.True(box.Success, "The PDF has no MediaBox.");
        Assert.InRange(double.Parse(box.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 594, 597);
        Assert.InRange(double.Parse(box.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), 841, 843);
        Assert.True(PageObject().Count(pdf) >= 14, $"Only {PageObject().Count(pdf)} pages.");
    }

    [Theory]
    [InlineData("/catalog", "ja")]
    [InlineData("/catalog/checkpoints?Mapping=WCAG", "ja")]
    [InlineData("/catalog/checkpoints/UX-03", "en")]
    [InlineData("/catalog/diff?from=1.1.0&to=1.2.0", "en")]
    [InlineData("/catalog/print", "ja")]
    public async Task Reflow_320PixelViewport_NoHorizontalPageScroll(string path, string language)
    {
        // Arrange
        await using var session = await fixture.NewSessionAsync(language, width: 320, height: 640);

        // Act
        await session.GotoAsync(path);

        // Assert
        var overflow = await session.Page.EvaluateAsync<string>("""
            () => {
                const width = window.innerWidth;
                if (document.documentElement.scrollWidth <= width) return '';
                const wide = Array.from(document.body.querySelectorAll('*'))
                    .filter(e => e.getBoundingClientRect().right > width && !e.closest('.table-wrap'))
                    .slice(0, 5)
                    .map(e => `${e.tagName.toLowerCase()}.${Array.from(e.classList).join('.')} right=${Math.round(e.getBoundingClientRect().right)}`);
                return `scrollWidth ${document.documentElement.scrollWidth} > innerWidth ${width}: ${wide.join('; ')}`;
            }
            """);
        Assert.True(overflow.Length == 0, overflow);
        session.AssertNoProblems();
    }

    /// <summary>States the shared page table cannot reach on the default catalogue: a real diff, an older version, the draft.</summary>
    [Theory]
    [InlineData("/catalog/diff?from=1.1.0&to=1.2.0", false, "ja")]
    [InlineData("/catalog/diff?from=1.1.0&to=1.2.0", false, "en")]
    [InlineData("/catalog/versions/1.2.0", false, "ja")]
    [InlineData("/catalog/versions/1.1.0", false, "en")]
    [InlineData("/catalog/diff?from=1.0.0&to=1.1.0", false, "ja")]
    [InlineData("/catalog/principles/3?version=1.1.0", false, "en")]
    [InlineData("/catalog/checkpoints/P3-01?version=1.1.0", false, "ja")]
    [InlineData("/catalog?version=draft", true, "ja")]
    [InlineData("/catalog/versions", true, "en")]
    [InlineData("/catalog/versions/draft", true, "en")]
    [InlineData("/catalog/diff?from=1.2.0&to=draft", true, "ja")]
    public async Task Axe_CatalogueState_NoViolations(string path, bool admin, string language)
    {
        // Arrange
        await using var session = await fixture.NewSessionAsync(language, admin ? await fixture.AdminStateAsync() : null);

        // Act
        await session.GotoAsync(path);
        Assert.Equal(path.Split('?')[0], session.Path);
        Assert.Equal(language, await session.LangAsync());
        var result = await AxeRunner.RunAsync(session.Page, AxeCheck.WcagAa);

        // Assert
        var report = AxeCheck.Report(result, session.Problems);
        if (report.Length > 0)
        {
            output.WriteLine(report);
        }

        Assert.True(report.Length == 0, $"{path} ({language}):{Environment.NewLine}{report}");
    }

    private const string PrintStateScript = """
        () => {
            const style = selector => { const e = document.querySelector(selector); return e ? getComputedStyle(e) : null; };
            let pageRule = '';
            for (const sheet of document.styleSheets) {
                if (!sheet.href || !sheet.href.includes('catalog-print.css')) continue;
                for (const rule of sheet.cssRules) {
                    if (!(rule instanceof CSSMediaRule) || rule.media.mediaText !== 'print') continue;
                    for (const inner of rule.cssRules) {
                        if (inner instanceof CSSPageRule) pageRule = inner.cssText;
                    }
                }
            }
            return {
                header: style('.site-header').display,
                nav: style('.site-nav').display,
                footer: style('.site-footer').display,
                breadcrumbs: style('.breadcrumbs').display,
                partBreakBefore: style('.catalog-print__part').breakBefore,
                checkpointBreakInside: style('.catalog-print__checkpoint').breakInside,
                linkDecoration: style('.catalog-print__checkpoint h4 a').textDecorationLine,
                linkColor: style('.catalog-print__checkpoint h4 a').color,
                textColor: style('body').color,
                pageRule,
            };
        }
        """;

    private sealed class PrintState
    {
        public string Header { get; set; } = "";
        public string Nav { get; set; } = "";
        public string Footer { get; set; } = "";
        public string Breadcrumbs { get; set; } = "";
        public string PartBreakBefore { get; set; } = "";
        public string CheckpointBreakInside { get; set; } = "";
        public string LinkDecoration { get; set; } = "";
        public string LinkColor { get; set; } = "";
        public string TextColor { get; set; } = "";
        public string PageRule { get; set; } = "";
    }

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")]
    private static partial Regex MediaBox();

    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PageObject();
}
