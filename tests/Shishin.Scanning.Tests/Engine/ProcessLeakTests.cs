using Xunit.Abstractions;
using Shishin.Scanning.Tests.Fixtures;

namespace Shishin.Scanning.Tests.Engine;

/// <summary>A scanner that runs for weeks in a worker must not leave a browser or a driver behind after any scan.</summary>
[Collection(ScannerTestGroup.Name)]
public sealed class ProcessLeakTests(FixtureSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task AHundredScans_SomeCancelledOrHung_LeaveNoChromiumAndNoDriverBehind()
    {
        var driversBefore = ChromiumProcesses.DescendantsNamed("node").Count;
        var seen = new HashSet<int>();
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                lock (seen)
                {
                    seen.UnionWith(ChromiumProcesses.OfThisProcess());
                }

                await Task.Delay(100);
            }
        });

        var outcomes = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var slots = new SemaphoreSlim(4);
        var scans = Enumerable.Range(0, 100).Select(async i =>
        {
            await slots.WaitAsync();
            try
            {
                outcomes.Add(await ScanAsync(i));
            }
            finally
            {
                slots.Release();
            }
        });
        await Task.WhenAll(scans);
        await sampling.CancelAsync();
        await sampler;

        foreach (var group in outcomes.GroupBy(o => o).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{group.Key}: {group.Count()}");
        }

        Assert.Equal(100, outcomes.Count);
        Assert.Contains("cancelled", outcomes);
        // 86 plain scans; a cancellation may come after its scan has finished.
        Assert.InRange(outcomes.Count(o => o == "scanned"), 86, 96);
        Assert.Equal(4, outcomes.Count(o => o.StartsWith("hung: ", StringComparison.Ordinal)));
        Assert.True(seen.Count >= 100, $"only {seen.Count} Chromium processes were seen while scanning");
        Assert.DoesNotContain(seen, ChromiumProcesses.IsAlive);
        Assert.Empty(ChromiumProcesses.OfThisProcess());
        Assert.Equal(driversBefore, ChromiumProcesses.DescendantsNamed("node").Count);
    }

    /// <summary>Scan <paramref name="i"/>: most scan a page; every tenth is cancelled part way, every 25th meets a page that hangs its renderer.</summary>
    private async Task<string> ScanAsync(int i)
    {
        var hung = i % 25 == 24;
        var options = site.Options(site.Http(hung ? "/hostile/busy-loop" : "/from-sitemap")) with
        {
            MaxDepth = 0,
            ReadSitemaps = false,
            CheckLinks = false,
            NavigationTimeout = TimeSpan.FromSeconds(hung ? 3 : 10),
            PageBudget = TimeSpan.FromSeconds(hung ? 5 : 20),
        };
        using var cancellation = new CancellationTokenSource();
        if (i % 10 == 5)
        {
            // Spread over launch, navigation and axe-core.
            cancellation.CancelAfter(TimeSpan.FromMilliseconds(100 + (i * 37 % 1500)));
        }

        try
        {
            var result = await Scanner.ScanAsync(options, progress: null, cancellation.Token);
            return result.Cancelled ? "cancelled"
                : hung ? "hung: " + (result.Pages.SingleOrDefault()?.Error?.Kind.ToString() ?? "no error")
                : result.Pages.Count == 1 && result.Pages[0].Error is null ? "scanned"
                : "failed: " + (result.Pages.Count > 0 ? result.Pages[0].Error?.Message : "no page");
        }
        catch (OperationCanceledException)
        {
            return "cancelled";
        }
    }
}
