using Shishin.Core.Scans;
using Shishin.Core.Services;

namespace Shishin.Core.Tests.Scans;

/// <summary>The platform's scans reach the same ports as <c>shishin scan</c>: 80, 443 and the start URLs' own.</summary>
public class ScanOptionsFactoryTests
{
    private static readonly Service Service = new() { Key = "ports", NameJa = "ポート", NameEn = "Ports", EntryUrls = "https://www.example.lg.jp/" };

    [Fact]
    public void Build_StartUrlsOnTheirOwnPortsWithoutAllowPrivateNetworks_AllowsThosePortsBeside80And443Only()
    {
        var profile = new ScanProfile { StartUrls = "https://www.example.lg.jp:8443/apply http://www.example.lg.jp/" };

        var options = ScanOptionsFactory.Build(profile, Service, null, new ScanningOptions());
        var overridden = ScanOptionsFactory.Build(profile, Service, new ScanRunOverrides([new Uri("https://staging.example.lg.jp:9000/")]), new ScanningOptions());

        Assert.False(options.AllowPrivate);
        Assert.Equal([80, 443, 8443], options.AllowedPorts!.Order());
        Assert.Equal([80, 443, 9000], overridden.AllowedPorts!.Order());
    }

    [Fact]
    public void Build_AllowPrivateNetworks_AllowsEveryPort()
    {
        var options = ScanOptionsFactory.Build(new ScanProfile(), Service, null, new ScanningOptions { AllowPrivateNetworks = true });

        Assert.True(options.AllowPrivate);
        Assert.Null(options.AllowedPorts);
    }

    [Fact]
    public async Task RefusedStartUrls_WithoutAllowPrivateNetworks_RefusesExactlyTheNonPublicOnesWhateverTheirPort()
    {
        Uri[] urls =
        [
            new("https://www.example.lg.jp:8443/"), new("http://127.0.0.1:5080/"), new("http://localhost/"), new("http://192.168.1.10:8080/"),
            new("http://[::1]:8080/"), new("http://printer.local/"), new("http://93.184.215.14:8080/"),
        ];

        var refused = await ScanOptionsFactory.RefusedStartUrlsAsync(urls, new ScanningOptions(), resolve: false);
        var allowed = await ScanOptionsFactory.RefusedStartUrlsAsync(urls, new ScanningOptions { AllowPrivateNetworks = true }, resolve: false);

        Assert.Equal(["http://127.0.0.1:5080/", "http://localhost/", "http://192.168.1.10:8080/", "http://[::1]:8080/", "http://printer.local/"], refused.Select(r => r.Target));
        Assert.Empty(allowed);
    }

    [Fact]
    public void Refusal_WithoutAllowPrivateNetworks_NamesEachUrlAndTheSetting()
    {
        var refused = new List<Shishin.Scanning.Safety.BlockedRequest>
        {
            new("http://10.0.0.1/", Shishin.Scanning.Safety.EgressBlockReason.Address, "10.0.0.1 is not a public address (Private).", DateTimeOffset.UnixEpoch),
        };

        Assert.Equal(
            "The SSRF guard refuses every start URL: http://10.0.0.1/ (10.0.0.1 is not a public address (Private)). The platform scans only public addresses unless Scanning:AllowPrivateNetworks is true.",
            ScanOptionsFactory.Refusal(refused, new ScanningOptions()));
    }
}
