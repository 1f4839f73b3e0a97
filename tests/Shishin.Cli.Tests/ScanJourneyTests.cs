using System.Globalization;
using Shishin.Scanning.Tests.Fixtures;

namespace Shishin.Cli.Tests;

/// <summary><c>shishin scan --steps / --auth / --header</c>: exit codes, file errors, and secrets kept out of every output.</summary>
[Collection(ScanCommandGroup.Name)]
public sealed class ScanJourneyTests(FixtureSite site) : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("shishin-scan-journey-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await CliApp.RunAsync(args, new StringReader(""), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private string[] ScanArgs(string path, params string[] more) =>
        ["scan", site.Http(path).AbsoluteUri, "--allow-private", "--browser", FixtureSite.BrowserPath(), "--lang", "en", .. more];

    private string Write(string name, string text)
    {
        var path = Path.Combine(scratch, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Steps_MultiStepForm_SecretsAppearNeitherOnStandardErrorNorInAnyReport()
    {
        JourneySteps.SetSecrets();
        var steps = Write("apply.yaml", JourneySteps.ToStep2);

        var outputs = new List<string>();
        foreach (var format in new[] { "json", "html", "sarif", "junit" })
        {
            var report = Path.Combine(scratch, "report." + format);
            var (exit, output, error) = await RunAsync(ScanArgs("/journeys/sign-in", "--steps", steps, "--format", format, "--output", report, "--header", $"X-Journey-Key: {FixtureSite.JourneyKey}"));

            Assert.True(exit == 1, output + error);
            Assert.Contains($"{site.Http("/journeys/apply/2").AbsoluteUri} [Step 2]", error, StringComparison.Ordinal);
            outputs.AddRange([output, error, await File.ReadAllTextAsync(report)]);
        }

        Assert.Contains(outputs, o => o.Contains("Step 2", StringComparison.Ordinal) && o.Contains("\"label\"", StringComparison.Ordinal));
        Assert.All(outputs, o =>
        {
            Assert.DoesNotContain(FixtureSite.JourneyPassword, o, StringComparison.Ordinal);
            Assert.DoesNotContain("Confidential", o, StringComparison.Ordinal);
            Assert.DoesNotContain(FixtureSite.JourneyKey, o, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Steps_FileWithErrors_Exits2WithFileLineAndColumn()
    {
        var steps = Write("bad.yaml", "steps:\n  - goto: /journeys/sign-in\n  - clik: \"#next\"\n  - scan\n");

        var (exit, output, error) = await RunAsync(ScanArgs("/journeys/sign-in", "--steps", steps));

        Assert.Equal(2, exit);
        Assert.Contains($"{steps}:3:5: unknown step \"clik\"", error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task Auth_UnreadableStorageState_Exits2()
    {
        var (exit, _, error) = await RunAsync(ScanArgs("/journeys/account", "--auth", Path.Combine(scratch, "missing.json")));

        Assert.Equal(2, exit);
        Assert.Contains("missing.json cannot be used: the file cannot be read", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Header_Malformed_Exits2WithoutEchoingTheValue()
    {
        var (exit, _, error) = await RunAsync(ScanArgs("/journeys/gateway", "--header", "Cookie: sid=hidden-8812"));

        Assert.Equal(2, exit);
        Assert.Contains("--header takes", error, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden-8812", error, StringComparison.Ordinal);
    }
}
