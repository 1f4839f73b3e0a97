using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shishin.Scanning.Tests.Fixtures;

namespace Shishin.Cli.Tests;

/// <summary>The scan tests share the fixture site and run one after another, each with its own Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class ScanCommandGroup : ICollectionFixture<FixtureSite>
{
    public const string Name = "Scan command";
}

/// <summary>
/// <c>shishin scan</c> in process against the scanner's fixture site: exit codes, where progress, summary and report
/// go, and cancellation. The report formats themselves are checked in Shishin.Scanning.Tests.
/// </summary>
[Collection(ScanCommandGroup.Name)]
public sealed class ScanCommandTests(FixtureSite site) : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("shishin-scan-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    private static async Task<(int Exit, string Output, string Error)> RunAsync(TextWriter? error, CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var ownError = new StringWriter(CultureInfo.InvariantCulture);
        var errorWriter = error ?? ownError;
        var exit = await CliApp.RunAsync(args, new StringReader(""), output, errorWriter, cancellationToken: cancellationToken);
        return (exit, output.ToString(), errorWriter.ToString()!);
    }

    private static Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => RunAsync(null, CancellationToken.None, args);

    private string[] ScanArgs(string path, params string[] more) =>
        // English whatever the machine's locale; ScanLanguageTests covers the default.
        // A generous load timeout: on a CI machine starved by the tests beside it, a loopback page once took over 30 s.
        ["scan", site.Http(path).AbsoluteUri, "--allow-private", "--browser", FixtureSite.BrowserPath(), "--lang", "en", "--timeout", "120", .. more];

    [Fact]
    public async Task PlantedDefect_AtOrAboveFailOn_ExitsWith1_WithProgressOnStandardErrorAndTheTablesOnStandardOutput()
    {
        var (exit, output, error) = await RunAsync(ScanArgs("/defects/image-alt", "--max-pages", "1", "--fail-on", "critical"));

        Assert.True(exit == 1, output + error);
        // The count is not fixed: on a starved machine, a page over the timing thresholds adds performance violations.
        Assert.Matches($@"\[1/1\] 200 {Regex.Escape(site.Http("/defects/image-alt").AbsoluteUri)}  [2-9] violations", error);
        Assert.Contains("image-alt", output, StringComparison.Ordinal);
        Assert.Contains("Summary", output, StringComparison.Ordinal);
        Assert.Contains("Violations: critical", output, StringComparison.Ordinal);
        Assert.Contains("1 violation(s) at or above critical", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailOnNone_ExitsWith0_JsonGoesToStandardOutput_AndTheSummaryToStandardError()
    {
        var (exit, output, error) = await RunAsync(ScanArgs("/defects/image-alt", "--max-pages", "1", "--fail-on", "none", "--format", "json"));

        Assert.True(exit == 0, output + error);
        using var report = JsonDocument.Parse(output);
        Assert.Equal(1, report.RootElement.GetProperty("summary").GetProperty("pages").GetInt32());
        Assert.Equal(1, report.RootElement.GetProperty("summary").GetProperty("violations").GetProperty("critical").GetInt32());
        Assert.Contains("Summary", error, StringComparison.Ordinal);
        Assert.Contains("--fail-on none", error, StringComparison.Ordinal);
    }

    /// <summary>Command lines, their arguments separated by '|'.</summary>
    public static TheoryData<string> UsageErrors => new()
    {
        "scan",
        "scan|http://127.0.0.1/|--format|xml",
        "scan|http://127.0.0.1/|--fail-on|severe",
        "scan|http://127.0.0.1/|--max-pages|0",
        "scan|http://127.0.0.1/|--max-pages|many",
        "scan|http://127.0.0.1/|--lang|de",
        "scan|http://127.0.0.1/|--cookie|novalue",
        "scan|http://127.0.0.1/|--cookie|name=a;b",
        "scan|http://127.0.0.1/|--delay|-1",
        "scan|http://127.0.0.1/|--delay|soon",
        "scan|http://127.0.0.1/|--no-such-option",
        "scan|ftp://127.0.0.1/",
        "scan|not a url",
        "scan|http://127.0.0.1/|--output|report.txt",
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task UsageError_ExitsWith2_BeforeAnyBrowserStarts(string commandLine)
    {
        var (exit, output, error) = await RunAsync(commandLine.Split('|'));

        Assert.True(exit == 2, $"exit {exit}\n{output}\n{error}");
        Assert.NotEmpty(error);
    }

    [Fact]
    public async Task MissingBrowser_ExitsWith2_AndSaysHowToInstallOne()
    {
        var (exit, _, error) = await RunAsync("scan", site.Http("/").AbsoluteUri, "--allow-private", "--browser", Path.Combine(scratch, "no-such-chromium"));

        Assert.Equal(2, exit);
        // The exact text is the scanner's (pinned in Shishin.Scanning.Tests); the CLI must pass on how to install a browser.
        Assert.Contains("No Chromium-family browser was found.", error, StringComparison.Ordinal);
        Assert.Contains("--browser PATH or SHISHIN_BROWSER=PATH", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelled_EndsWithinFiveSeconds_AndStillWritesThePartialReport()
    {
        var path = Path.Combine(scratch, "reports", "partial.json");
        using var cancellation = new CancellationTokenSource();
        var sinceCancel = new Stopwatch();
        // Ctrl+C as the invocation sees it: its token is cancelled once the first page is done.
        using var error = new CallbackWriter(line =>
        {
            if (line.StartsWith("[1/", StringComparison.Ordinal) && !sinceCancel.IsRunning)
            {
                sinceCancel.Start();
                cancellation.Cancel();
            }
        });

        var (exit, output, errorText) = await RunAsync(error, cancellation.Token, ScanArgs("/slow-crawl/0", "--max-pages", "50", "--format", "json", "--output", path));
        sinceCancel.Stop();

        Assert.True(exit == 2, output + errorText);
        Assert.True(sinceCancel.Elapsed < TimeSpan.FromSeconds(5), sinceCancel.Elapsed.ToString());
        Assert.Contains("cancelled", errorText, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        Assert.True(report.RootElement.GetProperty("cancelled").GetBoolean());
        Assert.InRange(report.RootElement.GetProperty("pages").GetArrayLength(), 1, 10);
        Assert.Contains("Summary (scan cancelled)", output, StringComparison.Ordinal);
        Assert.Empty(ChromiumProcesses.OfThisProcess());
    }

    /// <summary>A writer that reports every finished line, so a test can act on the command's progress.</summary>
    private sealed class CallbackWriter(Action<string> onLine) : StringWriter(CultureInfo.InvariantCulture)
    {
        private readonly StringBuilder line = new();

        public override void Write(char value)
        {
            base.Write(value);
            if (value == '\n')
            {
                onLine(line.ToString());
                line.Clear();
            }
            else
            {
                line.Append(value);
            }
        }

        public override void Write(string? value)
        {
            foreach (var c in value ?? "")
            {
                Write(c);
            }
        }

        public override void WriteLine(string? value)
        {
            Write(value);
            Write(NewLine);
        }

        public override Task WriteLineAsync(string? value)
        {
            WriteLine(value);
            return Task.CompletedTask;
        }

        public override Task WriteAsync(string? value)
        {
            Write(value);
            return Task.CompletedTask;
        }
    }
}
