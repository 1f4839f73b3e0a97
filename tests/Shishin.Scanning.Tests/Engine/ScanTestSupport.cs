using Shishin.Scanning.Rules;
using Shishin.Scanning.Tests.Fixtures;

namespace Shishin.Scanning.Tests.Engine;

/// <summary>Runs scans of the fixture site and checks what every scan must leave behind: no browser process.</summary>
internal static class ScanTestSupport
{
    /// <summary>The rule ids found on each page, by the requested path; needs-review findings are marked.</summary>
    public static Dictionary<string, string[]> FindingsByPath(ScanResult result) =>
        result.Pages.ToDictionary(
            p => p.RequestedUrl.PathAndQuery,
            p => p.Findings.Select(f => f.Outcome == FindingOutcome.NeedsReview ? f.RuleId + " (review)" : f.RuleId).Order(StringComparer.Ordinal).ToArray(),
            StringComparer.Ordinal);

    /// <summary>
    /// Scans, recording the Chromium processes below this process while pages come in, and afterwards asserts that
    /// none of them (nor any other Chromium below this process) is still alive, and that every finding has a known id.
    /// </summary>
    public static async Task<ScanResult> ScanAsync(ScanOptions options, Action<PageResult>? onPage = null, CancellationToken cancellationToken = default)
    {
        var seen = new HashSet<int>();
        var progress = new SynchronousProgress(page =>
        {
            lock (seen)
            {
                seen.UnionWith(ChromiumProcesses.OfThisProcess());
            }

            onPage?.Invoke(page);
        });

        var result = await Scanner.ScanAsync(options, progress, cancellationToken);

        Assert.NotEmpty(seen);
        Assert.DoesNotContain(seen, ChromiumProcesses.IsAlive);
        Assert.Empty(ChromiumProcesses.OfThisProcess());
        Assert.All(result.Pages.SelectMany(p => p.Findings), f => Assert.True(ScannerRules.IsKnown(f.RuleId), f.RuleId));
        return result;
    }

    /// <summary>Writes what the scan found to the test output, which xUnit shows when a test fails.</summary>
    public static void Describe(ScanResult result, Xunit.Abstractions.ITestOutputHelper output)
    {
        output.WriteLine($"{result.Pages.Count} pages in {result.Duration}, restarts {result.BrowserRestarts}, cancelled {result.Cancelled}");
        foreach (var page in result.Pages)
        {
            output.WriteLine($"{page.RequestedUrl} -> {page.FinalUrl} [{page.StatusCode}] {page.Error?.Kind} {page.Error?.Message} weight={page.WeightBytes} requests={page.RequestCount} open={page.UnfinishedRequests} took={page.Duration.TotalSeconds:0.0}s");
            foreach (var finding in page.Findings)
            {
                output.WriteLine($"    {finding.RuleId} {finding.Outcome} {finding.Impact}: {finding.Message}");
            }
        }

        foreach (var blocked in result.BlockedRequests)
        {
            output.WriteLine($"blocked: {blocked.Target} {blocked.Reason} {blocked.Detail}");
        }
    }

    /// <summary>An <see cref="IProgress{T}"/> that reports on the scanner's thread, so the process list is read while the browser runs.</summary>
    private sealed class SynchronousProgress(Action<PageResult> report) : IProgress<PageResult>
    {
        public void Report(PageResult value) => report(value);
    }
}
