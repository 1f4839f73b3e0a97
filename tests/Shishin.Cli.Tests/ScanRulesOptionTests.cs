using System.Globalization;
using System.Text.Json;
using Shishin.Scanning.Tests.Fixtures;

namespace Shishin.Cli.Tests;

/// <summary>
/// <c>shishin scan --rules</c>: which axe-core rule profiles run, with <c>--wcag22</c> as the alias of adding wcag22aa;
/// and <c>--timeout</c>, how long a page may take to load.
/// </summary>
[Collection(ScanCommandGroup.Name)]
public sealed class ScanRulesOptionTests(FixtureSite site)
{
    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await CliApp.RunAsync(args, new StringReader(""), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<(string[] Rules, string[] Findings)> ScanAsync(params string[] more)
    {
        var (exit, output, error) = await RunAsync(
            ["scan", site.Http("/profiles/outside-landmarks").AbsoluteUri, "--allow-private", "--browser", FixtureSite.BrowserPath(), "--max-pages", "1", "--lang", "en", "--format", "json", "--fail-on", "none", .. more]);
        Assert.True(exit == 0, output + error);
        using var report = JsonDocument.Parse(output);
        var rules = report.RootElement.GetProperty("options").GetProperty("rules").EnumerateArray().Select(r => r.GetString()!).ToArray();
        var findings = report.RootElement.GetProperty("pages")[0].GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()!).Order(StringComparer.Ordinal).ToArray();
        return (rules, findings);
    }

    [Fact]
    public async Task Rules_Default_IsThePlatformProfile()
    {
        var (rules, findings) = await ScanAsync();

        Assert.Equal(["wcag22aa", "best-practice"], rules);
        Assert.Equal(["landmark-one-main", "region", "security.https", "target-size"], findings);
    }

    [Fact]
    public async Task Rules_Wcag2aa_WithWcag22_RunsWcag22aaToo()
    {
        var (rules, findings) = await ScanAsync("--rules", "wcag2aa", "--wcag22");

        Assert.Equal(["wcag2aa", "wcag22aa"], rules);
        Assert.Equal(["security.https", "target-size"], findings);
    }

    [Fact]
    public async Task Rules_Combined_RunsEveryNamedProfile()
    {
        var (rules, findings) = await ScanAsync("--rules", "wcag2aa,best-practice,aaa");

        Assert.Equal(["wcag2aa", "best-practice", "aaa"], rules);
        Assert.Equal(["color-contrast-enhanced", "landmark-one-main", "region", "security.https"], findings);
    }

    [Theory]
    [InlineData("wcag21aa")]
    [InlineData("wcag2aa,")]
    [InlineData("")]
    public async Task Rules_UnknownProfile_ExitsWith2_NamingTheProfiles(string value)
    {
        var (exit, _, error) = await RunAsync("scan", "http://127.0.0.1/", "--rules", value);

        Assert.Equal(2, exit);
        Assert.Contains("wcag2aa, wcag22aa, best-practice, aaa", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("601")]
    [InlineData("NaN")]
    public async Task Timeout_OutOfRange_ExitsWith2_SayingTheRange(string value)
    {
        var (exit, _, error) = await RunAsync("scan", "http://127.0.0.1/", "--timeout", value);

        Assert.Equal(2, exit);
        Assert.Contains("--timeout must be between 1 and 600 seconds.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeout_ShorterThanThePage_ReportsTheTimeoutGiven()
    {
        // The fixture's slow page answers after 3 s.
        var (exit, output, error) = await RunAsync(
            "scan", site.Http("/defects/slow").AbsoluteUri, "--allow-private", "--browser", FixtureSite.BrowserPath(), "--max-pages", "1",
            "--format", "json", "--fail-on", "none", "--timeout", "1");

        Assert.True(exit == 0, output + error);
        using var report = JsonDocument.Parse(output);
        var page = report.RootElement.GetProperty("pages")[0];
        Assert.Equal("The page did not load within 1 s.", page.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Help_ExplainsTheProfiles_AndShowsTheDefault()
    {
        var (exit, output, error) = await RunAsync("scan", "--help");

        Assert.True(exit == 0, error);
        Assert.Contains("--rules", output, StringComparison.Ordinal);
        Assert.Contains("best-practice", output, StringComparison.Ordinal);
        Assert.Contains("[default: wcag22aa,best-practice]", output, StringComparison.Ordinal);
    }
}
