using Shishin.Scanning.Engine;
using Shishin.Scanning.Safety;

namespace Shishin.Scanning.Tests.Engine;

public sealed class CrawlFrontierTests
{
    private static CrawlFrontier Frontier(int maxDepth = 3, string[]? include = null, string[]? exclude = null) => new(new ScanOptions
    {
        StartUrls = [new Uri("https://example.jp/")],
        MaxDepth = maxDepth,
        Include = include ?? [],
        Exclude = exclude ?? [],
    });

    [Fact]
    public void SamePageSpelledDifferently_IsQueuedOnce()
    {
        var frontier = Frontier();

        Assert.True(frontier.Add(new Uri("https://example.jp/a/?b=2&a=1#top"), 1));
        Assert.False(frontier.Add(new Uri("https://EXAMPLE.jp:443/a?a=1&b=2"), 1));
        Assert.Equal(1, frontier.Count);
    }

    [Fact]
    public void OtherOrigins_DeepLinks_AndFiles_AreNotQueued()
    {
        var frontier = Frontier(maxDepth: 2);

        Assert.False(frontier.Add(new Uri("https://other.example.jp/"), 1));
        Assert.False(frontier.Add(new Uri("http://example.jp/"), 1));
        Assert.False(frontier.Add(new Uri("https://example.jp/deep"), 3));
        Assert.False(frontier.Add(new Uri("https://example.jp/report.PDF"), 1));
        Assert.Contains(frontier.Skipped, s => s.Reason == SkipReason.NotAPage);
        Assert.Equal(0, frontier.Count);
    }

    [Fact]
    public void IncludeAndExclude()
    {
        var frontier = Frontier(include: ["/news/**"], exclude: ["/news/archive/**"]);

        Assert.True(frontier.Add(new Uri("https://example.jp/news/2026/x"), 1));
        Assert.False(frontier.Add(new Uri("https://example.jp/about"), 1));
        Assert.False(frontier.Add(new Uri("https://example.jp/news/archive/old"), 1));
        Assert.Equal(2, frontier.Skipped.Count(s => s.Reason == SkipReason.Filtered));
    }

    [Fact]
    public void RedirectTarget_BringsItsOriginIntoScope()
    {
        var frontier = Frontier();
        Assert.False(frontier.InScope(new Uri("https://www.example.jp/")));

        frontier.AddOrigin(new Uri("https://www.example.jp/start"));

        Assert.True(frontier.Add(new Uri("https://www.example.jp/page"), 1));
    }

    [Fact]
    public void TakeFirst_SkipsHostsThatAreNotReady_AndRetryGoesFirst()
    {
        var frontier = Frontier();
        frontier.Add(new Uri("https://example.jp/1"), 1);
        frontier.Add(new Uri("https://example.jp/2"), 1);

        Assert.Null(frontier.TakeFirst(_ => false));
        var first = frontier.TakeFirst(_ => true)!;
        frontier.Retry(first);

        var again = frontier.TakeFirst(_ => true)!;
        Assert.Equal(first.Url, again.Url);
        Assert.True(again.Retry);
    }
}

public sealed class SiteDirectoryTests
{
    private static readonly Uri Location = new("https://example.jp/.well-known/security.txt");

    [Theory]
    [InlineData("text/plain", "Contact: mailto:security@example.jp\nExpires: 2099-01-01T00:00:00Z\n", false)]
    [InlineData("text/html", "Contact: mailto:security@example.jp\nExpires: 2099-01-01T00:00:00Z\n", true)]
    [InlineData("text/plain", "Expires: 2099-01-01T00:00:00Z\n", true)]
    [InlineData("text/plain", "Contact: mailto:security@example.jp\n", true)]
    [InlineData("text/plain", "Contact: mailto:security@example.jp\nExpires: 2020-01-01T00:00:00Z\n", true)]
    [InlineData("text/plain", "# comment\nContact: https://example.jp/report\nExpires: not a date\n", true)]
    public void SecurityTxt(string mediaType, string text, bool problem) =>
        Assert.Equal(problem, SiteDirectory.SecurityTxtProblem(Location, mediaType, text, DateTimeOffset.UtcNow) is not null);
}

public sealed class EgressPolicyEndpointTests
{
    [Fact]
    public async Task AllowedEndpoint_OpensExactlyThatHostAndPort()
    {
        var guard = new EgressGuard(new EgressPolicy { AllowedEndpoints = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "127.0.0.1:8080", "[::1]:9090" } });

        Assert.True(guard.CheckForm("http://127.0.0.1:8080/").Allowed);
        Assert.True((await guard.CheckAsync("http://127.0.0.1:8080/x")).Allowed);
        Assert.True((await guard.CheckAsync("http://[::1]:9090/")).Allowed);
        Assert.Equal(EgressBlockReason.Port, guard.CheckForm("http://127.0.0.1:8081/").Reason);
        Assert.Equal(EgressBlockReason.Address, guard.CheckForm("http://127.0.0.1/").Reason);
        Assert.False(guard.CheckForm("http://localhost:8080/").Allowed);
        Assert.False((await guard.ResolveAsync("127.0.0.2", 8080)).Allowed);
    }
}

public sealed class ScannerArgumentTests
{
    [Fact]
    public async Task NoBrowser_IsAScanException_ThatSaysHowToInstallOne()
    {
        var options = new ScanOptions { StartUrls = [new Uri("https://example.jp/")], BrowserPath = "/nonexistent/chromium" };

        var e = await Assert.ThrowsAsync<ScanException>(() => Scanner.ScanAsync(options));

        Assert.Equal(ScanFailure.BrowserNotFound, e.Failure);
        Assert.Contains(Shishin.Scanning.Browser.BrowserLocator.InstallHelp, e.Message, StringComparison.Ordinal);
        Assert.Equal(2, ScanException.ExitCode);
    }

    [Theory]
    [InlineData("ftp://example.jp/")]
    [InlineData("/relative")]
    public async Task StartUrl_MustBeAbsoluteHttp(string url)
    {
        var options = new ScanOptions { StartUrls = [new Uri(url, UriKind.RelativeOrAbsolute)] };

        await Assert.ThrowsAsync<ArgumentException>(() => Scanner.ScanAsync(options));
    }

    [Fact]
    public async Task NoStartUrl_IsRefused() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Scanner.ScanAsync(new ScanOptions { StartUrls = [] }));
}
