using System.Text.Json;
using Shishin.Scanning.Reports;
using Shishin.Scanning.Tests.Engine;
using Shishin.Scanning.Tests.Fixtures;
using Xunit.Abstractions;

namespace Shishin.Scanning.Tests.Journeys;

/// <summary>Signed-in scans of the fixture site's journey pages: steps files, storage states, headers and sign-out links.</summary>
[Collection(ScannerTestGroup.Name)]
public sealed class JourneyTests(FixtureSite site, ITestOutputHelper output) : IDisposable
{
    /// <summary>
    /// Issue 13, point 3 for journeys: a journey whose first scan step finds an image without alt text and whose second
    /// is on a page that turns busy after its load event (a script that never yields), so that step runs out of its
    /// budget after the response's checks and before the page can be read.
    /// </summary>
    public const string BusyStepSteps = """
        steps:
          - goto: /defects/image-alt
          - scan: Page with a defect
          - goto: /hostile/busy-after-load
          - scan: Busy page
        """;

    /// <summary>The budget of a scan step in <see cref="BusyStepSteps"/>: ample for the first page, never enough for the busy page.</summary>
    public static readonly TimeSpan BusyStepBudget = TimeSpan.FromSeconds(12);

    private static readonly SemaphoreSlim BusyJourneyLock = new(1, 1);
    private static (FixtureSite Site, ScanResult Result)? busyJourney;

    private readonly string scratch = Directory.CreateTempSubdirectory("shishin-journey-").FullName;

    /// <summary>
    /// The scan of <see cref="BusyStepSteps"/> from /defects/image-alt with <see cref="BusyStepBudget"/>, made once for
    /// <see cref="Steps_ScanStepOverrunsItsBudget_KeepsWhatWasGathered_AsPartial"/> and the report tests of the same
    /// journey (Reports/JourneyReportTests), which read the very same result: each scan of it spins a renderer for the
    /// whole budget.
    /// </summary>
    internal static async Task<ScanResult> BusyJourneyAsync(FixtureSite site, ITestOutputHelper output)
    {
        await BusyJourneyLock.WaitAsync();
        try
        {
            if (busyJourney is not { } done || !ReferenceEquals(done.Site, site))
            {
                var folder = Directory.CreateTempSubdirectory("shishin-journey-busy-").FullName;
                try
                {
                    var steps = Path.Combine(folder, "busy.yaml");
                    await File.WriteAllTextAsync(steps, BusyStepSteps);
                    var options = site.Options(site.Http("/defects/image-alt")) with { StepsPath = steps, PageBudget = BusyStepBudget };
                    var result = await ScanTestSupport.ScanAsync(options);
                    ScanTestSupport.Describe(result, output);
                    busyJourney = (site, result);
                }
                finally
                {
                    Directory.Delete(folder, recursive: true);
                }
            }

            return busyJourney.Value.Result;
        }
        finally
        {
            BusyJourneyLock.Release();
        }
    }

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(scratch, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Steps_MultiStepForm_ScansEachStepAndFindsTheDefectOfStep2()
    {
        JourneySteps.SetSecrets();
        var options = site.Options(site.Http("/journeys/sign-in")) with { StepsPath = Write("apply.yaml", JourneySteps.Application) };

        var result = await ScanTestSupport.ScanAsync(options);
        ScanTestSupport.Describe(result, output);

        Assert.Equal(["Step 1", "Step 2", "Step 3"], result.Pages.Select(p => p.Step));
        Assert.All(result.Pages, p => Assert.Null(p.Error));
        Assert.Equal(
            ["/journeys/apply/1", "/journeys/apply/2", "/journeys/apply/3"],
            result.Pages.Select(p => p.RequestedUrl.AbsolutePath));
        var labels = result.Pages.Select(p => p.Findings.Any(f => f.RuleId == "label" && f.Outcome == FindingOutcome.Violation)).ToList();
        Assert.Equal([false, true, false], labels);
        // The unlabelled field shows the name typed in step 1, a secret: its snippet carries the mark instead.
        var node = Assert.Single(result.Pages[1].Findings.Single(f => f.RuleId == "label").Nodes);
        Assert.Contains("[redacted]", node.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Steps_SecretsFromTheEnvironment_AppearInNoReport()
    {
        JourneySteps.SetSecrets();
        var options = site.Options(site.Http("/journeys/sign-in")) with { StepsPath = Write("apply.yaml", JourneySteps.Application) };

        var result = await ScanTestSupport.ScanAsync(options);

        Assert.Equal(3, result.Pages.Count(p => p.Error is null));
        foreach (var format in Enum.GetValues<ReportFormat>())
        {
            foreach (var language in new[] { ReportLanguage.English, ReportLanguage.Japanese })
            {
                var report = ScanReport.ToText(result, format, language);
                Assert.DoesNotContain(FixtureSite.JourneyPassword, report, StringComparison.Ordinal);
                Assert.DoesNotContain("Confidential-93af", report, StringComparison.Ordinal);
                Assert.DoesNotContain("Confidential", report, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Steps_FailingStep_IsReportedAndTheLaterScanIsNotDropped()
    {
        var steps = Write("broken.yaml", """
            steps:
              - goto: /journeys/sign-in
              - scan: Before
              - click: "#no-such-button"
              - scan: After
            """);
        var options = site.Options(site.Http("/journeys/sign-in")) with { StepsPath = steps, NavigationTimeout = TimeSpan.FromSeconds(2) };

        var result = await ScanTestSupport.ScanAsync(options);
        ScanTestSupport.Describe(result, output);

        Assert.Equal(3, result.Pages.Count);
        Assert.Null(result.Pages[0].Error);
        Assert.Equal("Before", result.Pages[0].Step);
        var failed = result.Pages[1].Error;
        Assert.Equal(PageErrorKind.StepFailed, failed?.Kind);
        Assert.StartsWith("step 3 (click \"#no-such-button\", broken.yaml:4:5) failed: ", failed!.Message, StringComparison.Ordinal);
        Assert.Equal("After", result.Pages[2].Step);
        Assert.Equal(PageErrorKind.StepFailed, result.Pages[2].Error?.Kind);
        Assert.Contains("Not scanned: step 3", result.Pages[2].Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Steps_ScanStepOverrunsItsBudget_KeepsWhatWasGathered_AsPartial()
    {
        var result = await BusyJourneyAsync(site, output);

        Assert.Equal(["Page with a defect", "Busy page"], result.Pages.Select(p => p.Step));
        Assert.Equal(PageStatus.Complete, result.Pages[0].Status);
        var busy = result.Pages[1];
        Assert.Equal(PageStatus.Partial, busy.Status);
        Assert.Equal(PageErrorKind.BudgetExceeded, busy.Error?.Kind);
        Assert.StartsWith("step 4 (scan \"Busy page\", busy.yaml:5:5) took longer than its budget of 12 s", busy.Error!.Message, StringComparison.Ordinal);
        // What the step gathered before the page hung is kept: the document's status and the checks on its headers
        // (the /hostile/ pages send no security headers).
        Assert.Equal("/hostile/busy-after-load", busy.RequestedUrl.AbsolutePath);
        Assert.Equal(200, busy.StatusCode);
        Assert.Contains(busy.Findings, f => f.RuleId == "security.csp");
        Assert.Contains(busy.Findings, f => f.RuleId == "page.navigation-error");
        Assert.Equal([PageGapKind.PageChecks, PageGapKind.AccessibilityChecks], busy.Gaps.Select(g => g.Kind));
        Assert.All(busy.Gaps, g => Assert.EndsWith("took longer than its budget of 12 s.", g.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuthState_SignedInStorageState_ReachesTheSignedInPage()
    {
        var token = site.IssueJourneySession();
        var state = Write("state.json", JsonSerializer.Serialize(new
        {
            cookies = new object[]
            {
                new { name = "journey_session", value = token, domain = "127.0.0.1", path = "/", expires = -1, httpOnly = true, secure = false, sameSite = "Lax" },
                new { name = "tracker", value = "t-1", domain = ".tracker.example", path = "/", expires = -1, httpOnly = false, secure = true, sameSite = "None" },
            },
            origins = new object[]
            {
                new { origin = site.Http("/").GetLeftPart(UriPartial.Authority), localStorage = new[] { new { name = "theme", value = "dark" } } },
            },
        }));
        var options = site.Options(site.Http("/journeys/account")) with { AuthStatePath = state, MaxDepth = 0, ReadSitemaps = false };

        var result = await ScanTestSupport.ScanAsync(options);
        ScanTestSupport.Describe(result, output);

        var page = Assert.Single(result.Pages);
        Assert.Equal(200, page.StatusCode);
        Assert.Equal("Your account", page.Title);
        Assert.Equal("/journeys/account", page.FinalUrl?.AbsolutePath);
    }

    [Fact]
    public async Task Headers_GatewayPage_IsReached_AndNoOtherOriginReceivesTheHeader()
    {
        var options = site.Options(site.Http("/journeys/gateway")) with
        {
            Headers = [new ScanHeader("X-Journey-Key", FixtureSite.JourneyKey)],
            MaxDepth = 0,
            ReadSitemaps = false,
        };

        var result = await ScanTestSupport.ScanAsync(options);
        ScanTestSupport.Describe(result, output);

        var page = Assert.Single(result.Pages);
        Assert.Equal(200, page.StatusCode);
        Assert.Equal("Behind the gateway", page.Title);
        Assert.Equal(FixtureSite.JourneyKey, site.JourneyKeys[$"{site.HttpPort}/journeys/gateway"]);
        Assert.Equal(FixtureSite.JourneyKey, site.JourneyKeys[$"{site.HttpPort}/journeys/bounce.png"]);
        // Both pictures of the other origin were fetched — one directly, one through a redirect — without the header.
        Assert.Equal("", site.JourneyKeys[$"{site.HttpsPort}/journeys/third-party.png"]);
        Assert.Equal("", site.JourneyKeys[$"{site.HttpsPort}/journeys/bounced.png"]);
        Assert.DoesNotContain(FixtureSite.JourneyKey, ScanReport.ToText(result, ReportFormat.Json), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionCrawl_SignOutLinks_AreNeitherFollowedNorChecked()
    {
        var token = site.IssueJourneySession();
        var options = site.Options(site.Http("/journeys/account")) with
        {
            Cookies = [new ScanCookie("journey_session", token)],
            MaxDepth = 1,
            ReadSitemaps = false,
        };

        var result = await ScanTestSupport.ScanAsync(options);
        ScanTestSupport.Describe(result, output);

        Assert.Equal(
            ["/journeys/account", "/journeys/account/notices", "/journeys/apply/1"],
            result.Pages.Select(p => p.RequestedUrl.AbsolutePath).Order(StringComparer.Ordinal));
        Assert.All(result.Pages, p => Assert.Equal(200, p.StatusCode));
        Assert.Equal(0, site.SignOuts);
        Assert.True(site.IsJourneySessionValid(token));
    }
}
