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
    /// plain endings went from 86 to 26 and then to 6: they are all alike, each costs a Chromium launch and a page, and
    /// six of them still overlap, four at a time, with each other and with the cancellations and hangs.
    /// </summary>
    private const int Scans = 20;

    [Fact]
    public async Task TwentyScans_TenCancelledFourHung_LeaveNoChromiumAndNoDriverBehind()
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
        // 6 plain endings; a cancellation may come after its scan has finished. On a starved machine a plain page may
        // miss its load budget: that is a plain ending too (the scan ends normally, with the page failed).
        Assert.InRange(outcomes.Count(o => o == "scanned" || o.StartsWith("failed: ", StringComparison.Ordinal)), 6, 16);
        Assert.Equal(4, outcomes.Count(o => o.StartsWith("hung: ", StringComparison.Ordinal)));
        Assert.True(seen.Count >= Scans, $"only {seen.Count} Chromium processes were seen while scanning");
        Assert.DoesNotContain(seen, ChromiumProcesses.IsAlive);
        Assert.Empty(ChromiumProcesses.OfThisProcess());
        Assert.Equal(driversBefore, ChromiumProcesses.DescendantsNamed("node").Count);
    }

    /// <summary>Scan <paramref name="i"/>: every second is cancelled part way; of the others, the 2nd, 4th, 6th and 8th meet a page that hangs its renderer, the rest scan a page.</summary>
    private async Task<string> ScanAsync(int i)
    {
        var hung = i % 4 == 3 && i < 16;
        var options = site.Options(site.Http(hung ? "/hostile/busy-loop" : "/from-sitemap")) with
        {
            MaxDepth = 0,
            ReadSitemaps = false,
            CheckLinks = false,
            NavigationTimeout = TimeSpan.FromSeconds(hung ? 3 : 10),
            PageBudget = TimeSpan.FromSeconds(hung ? 5 : 20),
        };
        using var cancellation = new CancellationTokenSource();
        if (i % 2 == 0)
        {
            // Spread evenly over launch, navigation and axe-core: after 100, 250, … 1450 ms.
            cancellation.CancelAfter(TimeSpan.FromMilliseconds(100 + (i / 2 * 150)));
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
