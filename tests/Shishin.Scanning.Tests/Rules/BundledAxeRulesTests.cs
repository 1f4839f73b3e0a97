using System.Text.Json;
using Microsoft.Playwright;
using Shishin.Scanning.Browser;
using Shishin.Scanning.Checks;
using Shishin.Scanning.Rules;
using Shishin.Scanning.Tests.Fixtures;

namespace Shishin.Scanning.Tests.Rules;

/// <summary>
/// The registry of <see cref="ScannerRules"/> against the axe-core the scanner injects, evaluated in real Chromium: the
/// same rules, and for each rule profile exactly the rules the registry says it runs, as axe-core runs them with the
/// scanner's own run options.
/// </summary>
[Collection(ScannerTestGroup.Name)]
public sealed class BundledAxeRulesTests(BundledAxeRulesTests.ScannerChromium chromium) : IClassFixture<BundledAxeRulesTests.ScannerChromium>
{
    private const string Content = "<!doctype html><html lang=\"en\"><head><title>Rules</title></head><body><main><h1>Rules</h1><p>Text.</p></main></body></html>";

    private static readonly IEnumerable<ScannerRule> Registered = ScannerRules.All.Where(r => r.Category == RuleCategory.Accessibility);

    public static TheoryData<RuleProfiles> Profiles() =>
    [
        RuleProfiles.Wcag2aa, RuleProfiles.Wcag22aa, RuleProfiles.BestPractice, RuleProfiles.Aaa, ScanOptions.PlatformRules,
        RuleProfiles.Wcag2aa | RuleProfiles.Aaa,
    ];

    [Fact]
    public async Task Registry_HoldsExactlyTheRulesOfTheBundledAxeCore()
    {
        var bundled = await BundledRulesAsync();

        Assert.Equal(bundled.Keys.Order(StringComparer.Ordinal), Registered.Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RulesOfNoProfile_AreExactlyAxeCoresExperimentalAndDeprecatedRules()
    {
        var bundled = await BundledRulesAsync();

        Assert.Equal(
            bundled.Where(r => r.Value.Contains("experimental") || r.Value.Contains("deprecated")).Select(r => r.Key).Order(StringComparer.Ordinal),
            Registered.Where(r => r.Profiles == RuleProfiles.None).Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task Profile_RunsExactlyTheRulesTheRegistryGivesIt(RuleProfiles profiles)
    {
        var ran = await InPageAsync(async page =>
        {
            var json = await page.EvaluateAsync<string>(
                """
                async (options) => {
                  const result = await axe.run(document, options);
                  return JSON.stringify([...result.passes, ...result.violations, ...result.incomplete, ...result.inapplicable].map((r) => r.id));
                }
                """,
                AxeChecks.RunOptions(profiles));
            return JsonSerializer.Deserialize<string[]>(json)!;
        });

        Assert.Equal(
            Registered.Where(r => r.RunsUnder(profiles)).Select(r => r.Id).Order(StringComparer.Ordinal),
            ran.Order(StringComparer.Ordinal));
    }

    /// <summary><c>axe.getRules()</c> of the injected axe-core: every rule id with its tags (read once for this class's tests).</summary>
    private Task<Dictionary<string, string[]>> BundledRulesAsync() => chromium.BundledRules.Value;

    /// <summary>Runs <paramref name="action"/> in a new page of the scanner's own Chromium setup, with axe-core injected as a scan injects it.</summary>
    private Task<T> InPageAsync<T>(Func<IPage, Task<T>> action) => chromium.InPageAsync(action);

    /// <summary>
    /// One Chromium, launched as a scan launches it, for this class's tests, each of which gets a new context and page:
    /// a launch per test cost more than the test. It is closed when the class ends, before the collection's next scan
    /// counts the Chromium processes left behind.
    /// </summary>
    public sealed class ScannerChromium : IAsyncLifetime
    {
        // The proxy is the discard port: the page is set from a string and loads nothing.
        private readonly BrowserHost host = new(FixtureSite.BrowserPath(), new Uri("http://127.0.0.1:9"));

        public ScannerChromium() => BundledRules = new(() => InPageAsync(async page =>
        {
            var json = await page.EvaluateAsync<string>("() => JSON.stringify(axe.getRules().map((r) => ({ id: r.ruleId, tags: r.tags })))");
            using var document = JsonDocument.Parse(json);
            return document.RootElement.EnumerateArray().ToDictionary(
                r => r.GetProperty("id").GetString()!,
                r => r.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToArray(),
                StringComparer.Ordinal);
        }));

        public Lazy<Task<Dictionary<string, string[]>>> BundledRules { get; }

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await host.DisposeAsync();

        public async Task<T> InPageAsync<T>(Func<IPage, Task<T>> action)
        {
            var browser = await host.GetAsync(CancellationToken.None);
            await using var context = await browser.NewContextAsync();
            var page = await context.NewPageAsync();
            await page.SetContentAsync(Content);
            await page.EvaluateAsync(AxeChecks.Source);
            Assert.Equal(ScannerRules.AxeCoreVersion, await page.EvaluateAsync<string>("() => axe.version"));
            return await action(page);
        }
    }
}
