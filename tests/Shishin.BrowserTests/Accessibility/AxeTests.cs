using System.Text;
using Deque.AxeCore.Commons;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Shishin.BrowserTests.Accessibility;

/// <summary>
/// axe-core (WCAG 2.0 and 2.1, A and AA) on every page of <see cref="PageTable"/> for each viewer, in Japanese on a
/// 320 CSS px screen (WCAG 1.4.10 Reflow: the same visit also checks that nothing but a table's own region scrolls
/// sideways and that every table sits in a named, focusable region) and in English on a desktop. The languages are two
/// classes so that xUnit runs them side by side, each with its own app and browser.
/// </summary>
public sealed class JapaneseAxeTests(AxeFixture fixture, ITestOutputHelper output) : IClassFixture<AxeFixture>
{
    public static TheoryData<string, Viewer> Rows => PageTable.Rows();

    [Theory]
    [MemberData(nameof(Rows))]
    public Task Axe_Page_NoViolationsAndNoConsoleProblems(string page, Viewer viewer) => AxeCheck.RunAsync(fixture, output, page, viewer, "ja", narrow: true);

    [Fact]
    public void PageTable_EveryRazorPageRoute_IsListed()
    {
        var provider = fixture.App.Services.GetRequiredService<IActionDescriptorCollectionProvider>();
        var routes = provider.ActionDescriptors.Items
            .OfType<PageActionDescriptor>()
            .Select(d => d.AttributeRouteInfo?.Template?.Trim('/') ?? "")
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var listed = PageTable.All.Select(c => c.Route).Concat(PageTable.NotPages.Keys).ToHashSet(StringComparer.Ordinal);
        var missing = routes.Where(r => !listed.Contains(r)).Order(StringComparer.Ordinal).ToList();
        var stale = listed.Where(r => !routes.Contains(r)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "Pages missing from PageTable: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "PageTable lists routes the app does not have: " + string.Join(", ", stale));
    }
}

/// <summary>The same pages in English, chosen by the culture cookie that the language switch sets.</summary>
public sealed class EnglishAxeTests(AxeFixture fixture, ITestOutputHelper output) : IClassFixture<AxeFixture>
{
    public static TheoryData<string, Viewer> Rows => PageTable.Rows();

    [Theory]
    [MemberData(nameof(Rows))]
    public Task Axe_Page_NoViolationsAndNoConsoleProblems(string page, Viewer viewer) => AxeCheck.RunAsync(fixture, output, page, viewer, "en");
}

/// <summary>
/// One row: bring a new context to the page's state, check that it is the page and language claimed, run axe, and
/// fail on any violation (rule, impact, help, targets) or on any CSP violation, console or script error seen meanwhile.
/// </summary>
public static class AxeCheck
{
    internal static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        // Only violations are reported; leaving out the passes keeps each run short.
        ResultTypes = [ResultType.Violations],
    };

    /// <param name="narrow">On a 320 × 640 screen, with the reflow and table-region check; otherwise on 1280 × 800.</param>
    public static async Task RunAsync(AxeFixture fixture, ITestOutputHelper output, string page, Viewer viewer, string language, bool narrow = false)
    {
        // Arrange
        var pageCase = PageTable.Find(page);
        var baseAddress = pageCase.NewInstance ? fixture.NewInstance.BaseAddress : fixture.App.BaseAddress;
        await using var session = await fixture.NewSessionAsync(
            language, await fixture.StateAsync(viewer), width: narrow ? 320 : 1280, height: narrow ? 640 : 800, baseAddress: baseAddress);
        if (pageCase.Before is not null)
        {
            await pageCase.Before(session);
        }

        await session.GotoAsync(fixture.Resolve(pageCase.Path));
        if (pageCase.After is not null)
        {
            await pageCase.After(session);
        }

        // The row checks the page and state it claims to, in the language it claims.
        var state = await session.Page.EvaluateAsync<PageState>(
            """
            () => {
                const summaries = Array.from(document.querySelectorAll('.error-summary'), e => e.innerText);
                const broken = Array.from(document.querySelectorAll('.error-summary a[href^="#"]'), a => a.getAttribute('href'))
                    .filter(href => document.getElementById(decodeURIComponent(href.slice(1))) === null);
                return {
                    path: location.pathname, lang: document.documentElement.lang,
                    errorSummaries: summaries.length, errors: summaries.join(' / '), brokenErrorLinks: broken.join(' '),
                };
            }
            """);
        Assert.Equal(fixture.Resolve(pageCase.ExpectedPath ?? pageCase.Path.Split('?')[0]), state.Path);
        Assert.Equal(language, state.Lang);
        Assert.True(
            state.ErrorSummaries == (pageCase.ShowsErrors ? 1 : 0),
            $"Expected {(pageCase.ShowsErrors ? "an" : "no")} error summary; found: {state.Errors}");
        Assert.True(state.BrokenErrorLinks.Length == 0, $"Error summary links to missing fields: {state.BrokenErrorLinks}");

        // Act
        var result = await AxeRunner.RunAsync(session.Page, WcagAa);
        var layout = narrow ? await session.Page.EvaluateAsync<string>(ReflowProblems) : "";

        // Assert
        var report = Report(result, session.Problems) + (layout.Length > 0 ? "320 px: " + layout + Environment.NewLine : "");
        if (report.Length > 0)
        {
            output.WriteLine(report);
        }

        Assert.True(report.Length == 0, $"{page} ({viewer}, {language}) at {session.Page.Url}:{Environment.NewLine}{report}");
    }

    /// <summary>
    /// What scrolls sideways at the current width (besides a table's own region), and every table that is not in a
    /// named, focusable region (the shared &lt;table-region&gt;); empty when all is well.
    /// </summary>
    internal const string ReflowProblems = """
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
        """;

    private sealed class PageState
    {
        public string Path { get; set; } = "";
        public string Lang { get; set; } = "";
        public int ErrorSummaries { get; set; }
        public string Errors { get; set; } = "";
        public string BrokenErrorLinks { get; set; } = "";
    }

    internal static string Report(AxeResult result, IReadOnlyList<string> consoleProblems)
    {
        var report = new StringBuilder();
        foreach (var violation in result.Violations)
        {
            report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"axe {violation.Id} [{violation.Impact}]: {violation.Help}");
            foreach (var node in violation.Nodes)
            {
                report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"    {node.Target}  {node.Html}");
                foreach (var check in node.Any.Concat(node.All).Concat(node.None))
                {
                    report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"      {check.Message}");
                }
            }
        }

        foreach (var problem in consoleProblems)
        {
            report.AppendLine(problem);
        }

        return report.ToString();
    }
}
