using Xunit.Abstractions;
using Shishin.Scanning.Tests.Fixtures;

namespace Shishin.Scanning.Tests.Engine;

/// <summary>A scanner that runs for weeks in a worker must not leave a browser or a driver behind after any scan.</summary>
[Collection(ScannerTestGroup.Name)]
public sealed class ProcessLeakTests(FixtureSite site, ITestOutputHelper output)
{
    /// <summary>
    /// How many scans run, four at a time so that launches and shutdowns overlap. A browser is left behind, if at all,
    /// where a scan ends, so each way of ending keeps the count it had when this test ran a hundred scans: ten
    /// cancellations spread from launch through navigation to axe-core, and four pages that hang their renderer. The
    /// plain endings went from 86 to 26: they are all alike, and each costs a Chromium launch.
    /// </summary>
    private const int Scans = 40;

    [Fact]
    public async Task FortyScans_TenCancelledFourHung_LeaveNoChromiumAndNoDriverBehind()
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
        var scans = Enumerable.Range(0, Scans).Select(async i =>
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

        Assert.Equal(Scans, outcomes.Count);
        Assert.Contains("cancelled", outcomes);
        // 26 plain endings; a cancellation may come after its scan has finished. On a starved machine a plain page may
        // miss its load budget: that is a plain ending too (the scan ends normally, with the page failed).
        Assert.InRange(outcomes.Count(o => o == "scanned" || o.StartsWith("failed: ", StringComparison.Ordinal)), 26, 36);
        Assert.Equal(4, outcomes.Count(o => o.StartsWith("hung: ", StringComparison.Ordinal)));
        Assert.True(seen.Count >= Scans, $"only {seen.Count} Chromium processes were seen while scanning");
        Assert.DoesNotContain(seen, ChromiumProcesses.IsAlive);
        Assert.Empty(ChromiumProcesses.OfThisProcess());
        Assert.Equal(driversBefore, ChromiumProcesses.DescendantsNamed("node").Count);
    }

    /// <summary>Scan <paramref name="i"/>: most scan a page; every fourth is cancelled part way, every tenth meets a page that hangs its renderer.</summary>
    private async Task<string> ScanAsync(int i)
    {
        var hung = i % 10 == 9;
        var options = site.Options(site.Http(hung ? "/hostile/busy-loop" : "/from-sitemap")) with
        {
            MaxDepth = 0,
            ReadSitemaps = false,
            CheckLinks = false,
            NavigationTimeout = TimeSpan.FromSeconds(hung ? 3 : 10),
            PageBudget = TimeSpan.FromSeconds(hung ? 5 : 20),
        };
        using var cancellation = new CancellationTokenSource();
        if (i % 4 == 2)
        {
            // Spread evenly over launch, navigation and axe-core: after 100, 250, … 1450 ms.
            cancellation.CancelAfter(TimeSpan.FromMilliseconds(100 + (i / 4 * 150)));
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
