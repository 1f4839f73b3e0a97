using System.Globalization;
using System.Text.RegularExpressions;
using Shishin.Scanning.Tests.Fixtures;

namespace Shishin.Cli.Tests;

/// <summary>The language of what <c>shishin scan</c> shows on the terminal: <c>--lang</c>, else the environment's locale.</summary>
[Collection(ScanCommandGroup.Name)]
public sealed class ScanLanguageTests(FixtureSite site)
{
    /// <summary>Runs a one-page scan of a planted defect as if the environment's locale were <paramref name="locale"/>.</summary>
    private async Task<(int Exit, string Output, string Error)> ScanAsync(string locale, params string[] more)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(locale);
        try
        {
            using var output = new StringWriter(CultureInfo.InvariantCulture);
            using var error = new StringWriter(CultureInfo.InvariantCulture);
            var exit = await CliApp.RunAsync(
                ["scan", site.Http("/defects/image-alt").AbsoluteUri, "--allow-private", "--browser", FixtureSite.BrowserPath(), "--max-pages", "1", "--fail-on", "critical",
                    // A generous load timeout: on a CI machine starved by the tests beside it, a loopback page once took over 30 s.
                    "--timeout", "120", .. more],
                new StringReader(""), output, error);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public async Task Scan_NoLangInAJapaneseLocale_ShowsProgressTableAndSummaryInJapanese()
    {
        var (exit, output, error) = await ScanAsync("ja-JP");

        Assert.True(exit == 1, output + error);
        // The count is not fixed: on a starved machine, a page over the timing thresholds adds performance violations.
        Assert.Matches($@"\[1/1\] 200 {Regex.Escape(site.Http("/defects/image-alt").AbsoluteUri)}  違反 [2-9] 件", error);
        Assert.Contains("概要", output, StringComparison.Ordinal);
        Assert.Contains("違反：致命的", output, StringComparison.Ordinal);
        Assert.Contains("重大度「致命的」以上の違反：1 件（--fail-on）。", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Summary", output, StringComparison.Ordinal);
        Assert.DoesNotContain("violation", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_LangEnInAJapaneseLocale_ShowsEnglish()
    {
        var (exit, output, error) = await ScanAsync("ja-JP", "--lang", "en");

        Assert.True(exit == 1, output + error);
        Assert.Contains("Summary", output, StringComparison.Ordinal);
        Assert.Contains("1 violation(s) at or above critical (--fail-on).", output, StringComparison.Ordinal);
        Assert.DoesNotContain("概要", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_NoLangInAnotherLocale_ShowsEnglish()
    {
        var (exit, output, error) = await ScanAsync("fr-FR");

        Assert.True(exit == 1, output + error);
        Assert.Contains("Violations: critical", output, StringComparison.Ordinal);
        Assert.DoesNotContain("概要", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja", "ja")]
    [InlineData("ja-JP", "ja")]
    [InlineData("en-US", "en")]
    [InlineData("zh-Hans", "en")]
    [InlineData("", "en")]
    public void DefaultLanguage_Locale_IsJaOnlyForJapanese(string locale, string expected)
    {
        Assert.Equal(expected, ScanTerminalText.DefaultLanguage(new CultureInfo(locale)));
    }
}
