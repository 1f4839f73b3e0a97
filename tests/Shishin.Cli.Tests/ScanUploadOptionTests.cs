using System.Globalization;

namespace Shishin.Cli.Tests;

/// <summary>
/// <c>shishin scan --upload</c>'s settings are checked before anything is scanned: a mistake is a usage error (2) at
/// once, never a whole scan followed by a failed upload, and the key is never echoed. The upload itself, against a real
/// Shishin instance, is tested in Shishin.BrowserTests (ScanUploadTests).
/// </summary>
public sealed class ScanUploadOptionTests
{
    private const string Key = "shk_secret-test-key-0123456789";

    /// <summary>Arguments after <c>scan http://127.0.0.1:9/</c> separated by '|', and words of the message.</summary>
    public static TheoryData<string, string> Refused => new()
    {
        { $"--upload|ftp://shishin.example.jp/|--service|svc|--api-key|{Key}", "http or https" },
        { $"--upload|not a url|--service|svc|--api-key|{Key}", "http or https" },
        { $"--upload|https://user:pw@shishin.example.jp/|--service|svc|--api-key|{Key}", "http or https" },
        { $"--upload|http://shishin.example.jp/|--service|svc|--api-key|{Key}", "--allow-insecure-upload" },
        { $"--upload|http://192.0.2.10/|--service|svc|--api-key|{Key}", "--allow-insecure-upload" },
        { $"--upload|https://shishin.example.jp/|--api-key|{Key}", "--service" },
        { "--upload|https://shishin.example.jp/|--service|svc", "SHISHIN_API_KEY" },
        { "--service|svc", "--upload" },
        { $"--api-key|{Key}", "--upload" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Upload_BadSettings_Exits2BeforeScanning_WithoutEchoingTheKey(string arguments, string expected)
    {
        Assert.Null(Environment.GetEnvironmentVariable("SHISHIN_API_KEY"));
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);

        var exit = await CliApp.RunAsync(["scan", "http://127.0.0.1:9/", "--lang", "en", .. arguments.Split('|')], new StringReader(""), output, error);

        Assert.True(exit == 2, $"{output}{error}");
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
        // Nothing was scanned: no progress line, no summary.
        Assert.DoesNotContain("[1/", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Summary", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, output.ToString() + error, StringComparison.Ordinal);
    }
}
