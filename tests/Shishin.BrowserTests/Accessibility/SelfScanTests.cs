extern alias cli;

using System.Globalization;
using System.Text;
using System.Text.Json;
using cli::Shishin.Cli;
using Shishin.Scanning.Rules;
using Xunit.Abstractions;

namespace Shishin.BrowserTests.Accessibility;

/// <summary>
/// Shishin passes its own scanner: <c>shishin scan</c>, run in process through the command line's own entry
/// (<see cref="CliApp.RunAsync"/>), over every public page of <see cref="PageTable"/> and, with the signed-in admin's
/// session cookies (<c>--cookie</c>), over every admin page, of a real instance on Kestrel. The scanner checks more than
/// the axe tests do (page basics, security headers, links), and the test fails on any violation of an axe-core,
/// <c>page.*</c> or <c>security.*</c> rule except those in <see cref="Excepted"/>. <c>performance.*</c> findings are left
/// out: they measure this shared machine's speed, and tests make no timing assertions. Findings that need review
/// (axe-core's "incomplete", links that could not be checked because no name resolves on a closed network) are not
/// violations.
/// </summary>
public sealed class SelfScanTests(AxeFixture fixture, ITestOutputHelper output) : IClassFixture<AxeFixture>, IDisposable
{
    /// <summary>The rule ids not counted, each with the reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> Excepted = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // The test instance listens on plain HTTP on loopback; TLS, the HTTPS redirect and HSTS belong to a real
        // deployment (the scanner checks HSTS only on HTTPS pages, so security.hsts* cannot fire here).
        [ScannerRules.SecurityHttps] = "plain HTTP on loopback in the test",
    };

    /// <summary>
    /// Pages of <see cref="PageTable"/> that answer an error status on purpose: for them alone <c>page.http-status</c>
    /// is expected.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ErrorStatusPages = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/errors/404"] = "the not-found page answers 404, as it must",
        ["/account/invitation/no-such-invitation-token"] = "an unknown invitation is not found (404)",
        ["/account/reset-password"] = "a reset link with an unknown account or token is not found (404)",
        ["/account/confirm-email"] = "a confirmation link without its token is not found (404)",
    };

    private readonly string scratch = Directory.CreateTempSubdirectory("shishin-self-scan-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task Scan_EveryPublicPage_HasNoViolations()
    {
        var pages = PageTable.All
            .Where(c => c.Viewers.HasFlag(Viewer.Anonymous) && c.Before is null)
            .Select(c => new Uri(c.NewInstance ? fixture.NewInstance.BaseAddress : fixture.App.BaseAddress, fixture.Resolve(c.Path)))
            .DistinctBy(u => u.AbsoluteUri)
            .ToList();

        var report = await ScanAsync(pages, []);

        AssertScanned(report, pages);
        AssertNoViolations(report);
    }

    [Fact]
    public async Task Scan_EveryAdminPageSignedIn_HasNoViolations()
    {
        var pages = PageTable.All
            .Where(c => c.Viewers.HasFlag(Viewer.Admin) && c.Before is null && !c.NewInstance)
            .Select(c => new Uri(fixture.App.BaseAddress, fixture.Resolve(c.Path)))
            .DistinctBy(u => u.AbsoluteUri)
            .ToList();
        var cookies = SessionCookies(await fixture.AdminStateAsync());
        Assert.NotEmpty(cookies);

        var report = await ScanAsync(pages, cookies);

        // Signed in: every admin page is itself, not the sign-in page it redirects to without the cookies.
        AssertScanned(report, pages);
        Assert.All(cookies, c => Assert.DoesNotContain(c.Value, report, StringComparison.Ordinal));
        AssertNoViolations(report);
    }

    /// <summary>Runs <c>shishin scan</c> over exactly <paramref name="pages"/> (depth 0) and returns the JSON report.</summary>
    private async Task<string> ScanAsync(List<Uri> pages, IReadOnlyList<(string Name, string Value)> cookies)
    {
        // The OpenAPI document (linked from every footer) is generated on its first request; on a starved CI machine that
        // took over the scanner's 10 s link timeout. A running instance has long served it, so it is served once first.
        using (var warm = new HttpClient { Timeout = TimeSpan.FromMinutes(2) })
        {
            using var document = await warm.GetAsync(new Uri(fixture.App.BaseAddress, "/openapi/v1.json"));
        }

        var reportPath = Path.Combine(scratch, "report.json");
        string[] args =
        [
            "scan", .. pages.Select(p => p.AbsoluteUri),
            "--depth", "0", "--max-pages", (pages.Count + 50).ToString(CultureInfo.InvariantCulture),
            "--allow-private", "--browser", Infrastructure.BrowserFixture.HeadlessShellPath(),
            "--format", "json", "--output", reportPath, "--fail-on", "none", "--lang", "ja",
            // WCAG 2.1 AA, as this test has always checked; the platform's profile adds best practices and WCAG 2.2.
            "--rules", "wcag2aa",
            .. cookies.SelectMany(c => new[] { "--cookie", $"{c.Name}={c.Value}" }),
        ];
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);

        var exit = await CliApp.RunAsync(args, new StringReader(""), stdout, stderr);

        output.WriteLine(stderr.ToString());
        Assert.True(exit == 0, $"shishin scan exited with {exit}:\n{stdout}\n{stderr}");
        Assert.All(cookies, c => Assert.DoesNotContain(c.Value, stdout + stderr.ToString(), StringComparison.Ordinal));
        return await File.ReadAllTextAsync(reportPath);
    }

    private static void AssertScanned(string report, List<Uri> pages)
    {
        using var document = JsonDocument.Parse(report);
        var scanned = document.RootElement.GetProperty("pages").EnumerateArray()
            .ToDictionary(p => p.GetProperty("requestedUrl").GetString()!, p => p.TryGetProperty("finalUrl", out var f) ? f.GetString() : null, StringComparer.Ordinal);
        // The report names each page by its normalised URL (query parameters sorted).
        pages = [.. pages.Select(Shishin.Scanning.Crawling.UrlNormalizer.Normalize)];
        var missing = pages.Where(p => !scanned.ContainsKey(p.AbsoluteUri)).ToList();
        Assert.True(missing.Count == 0, "Not scanned: " + string.Join(", ", missing));
        var moved = pages
            .Where(p => scanned[p.AbsoluteUri] is { } final && new Uri(final).AbsolutePath != p.AbsolutePath && !PageTable.All.Any(c => c.ExpectedPath == new Uri(final).AbsolutePath))
            .Select(p => $"{p} -> {scanned[p.AbsoluteUri]}")
            .ToList();
        Assert.True(moved.Count == 0, "Redirected elsewhere (signed out?): " + string.Join(", ", moved));
    }

    /// <summary>Fails with one line per violation: page, rule, impact, message and each selector.</summary>
    private static void AssertNoViolations(string report)
    {
        using var document = JsonDocument.Parse(report);
        var lines = new List<string>();
        foreach (var page in document.RootElement.GetProperty("pages").EnumerateArray())
        {
            var url = page.GetProperty("requestedUrl").GetString();
            foreach (var finding in page.GetProperty("findings").EnumerateArray())
            {
                var rule = finding.GetProperty("ruleId").GetString()!;
                if (finding.GetProperty("outcome").GetString() != "violation"
                    || finding.GetProperty("category").GetString() == "performance"
                    || Excepted.ContainsKey(rule)
                    || (rule == ScannerRules.PageHttpStatus && ErrorStatusPages.ContainsKey(new Uri(url!).AbsolutePath)))
                {
                    continue;
                }

                var line = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{url}  {rule} ({finding.GetProperty("impact").GetString()}): {finding.GetProperty("message").GetString()}"));
                foreach (var node in finding.GetProperty("nodes").EnumerateArray())
                {
                    line.Append(CultureInfo.InvariantCulture, $"\n    {node.GetProperty("selector").GetString()}");
                    if (node.TryGetProperty("detail", out var detail))
                    {
                        line.Append(CultureInfo.InvariantCulture, $"  {detail.GetString()?.ReplaceLineEndings(" ")}");
                    }
                }

                lines.Add(line.ToString());
            }
        }

        Assert.True(lines.Count == 0, $"{lines.Count} violation(s) found by shishin scan:\n" + string.Join("\n", lines));
    }

    /// <summary>The cookies of a Playwright storage state: the admin's authentication cookie (and its chunks).</summary>
    private static List<(string Name, string Value)> SessionCookies(string storageState)
    {
        using var state = JsonDocument.Parse(storageState);
        return state.RootElement.GetProperty("cookies").EnumerateArray()
            .Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("value").GetString()!))
            .ToList();
    }
}
