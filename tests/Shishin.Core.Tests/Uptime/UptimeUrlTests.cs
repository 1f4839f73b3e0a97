using Shishin.Core.Uptime;

namespace Shishin.Core.Tests.Uptime;

public sealed class UptimeUrlTests
{
    [Fact]
    public void Urls_EntryUrlsWithReservedAndOtherSchemes_KeepOnlyProbeableHttpUrlsOnce()
    {
        var urls = UptimeChecks.Urls(
            "https://city.example.jp/ https://city.example.jp/ https://nursery.demo.shishin.example/ http://x.invalid/ ftp://files.example.jp/ not-a-url http://127.0.0.1:8080/apply");

        Assert.Equal(["http://127.0.0.1:8080/apply", "https://city.example.jp/"], urls.Order(StringComparer.Ordinal));
    }
}
