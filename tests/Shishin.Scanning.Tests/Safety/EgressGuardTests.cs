using System.Net;
using System.Net.Sockets;
using Shishin.Scanning.Safety;
using Shishin.Scanning.Tests.Fixtures;

namespace Shishin.Scanning.Tests.Safety;

public sealed class EgressGuardTests
{
    private static readonly EgressGuard Default = new(new EgressPolicy());

    [Theory]
    [InlineData("127.0.0.1", AddressKind.Loopback)]
    [InlineData("127.255.0.9", AddressKind.Loopback)]
    [InlineData("10.1.2.3", AddressKind.Private)]
    [InlineData("172.31.255.255", AddressKind.Private)]
    [InlineData("192.168.0.1", AddressKind.Private)]
    [InlineData("169.254.169.254", AddressKind.LinkLocal)]
    [InlineData("100.64.0.1", AddressKind.CarrierGradeNat)]
    [InlineData("224.0.0.1", AddressKind.Multicast)]
    [InlineData("0.0.0.0", AddressKind.Unspecified)]
    [InlineData("255.255.255.255", AddressKind.Reserved)]
    [InlineData("198.18.0.1", AddressKind.Reserved)]
    [InlineData("::1", AddressKind.Loopback)]
    [InlineData("::", AddressKind.Unspecified)]
    [InlineData("::ffff:127.0.0.1", AddressKind.Loopback)]
    [InlineData("::ffff:169.254.169.254", AddressKind.LinkLocal)]
    [InlineData("::127.0.0.1", AddressKind.Loopback)]
    [InlineData("64:ff9b::10.0.0.1", AddressKind.Private)]
    [InlineData("64:ff9b::7f00:1", AddressKind.Loopback)]
    [InlineData("2002:7f00:1::", AddressKind.Loopback)]
    [InlineData("2002:c0a8:101::1", AddressKind.Private)]
    [InlineData("fd00::1", AddressKind.UniqueLocal)]
    [InlineData("fe80::1", AddressKind.LinkLocal)]
    [InlineData("ff02::1", AddressKind.Multicast)]
    [InlineData("2001::1", AddressKind.Reserved)]
    [InlineData("2001:db8::1", AddressKind.Reserved)]
    [InlineData("93.184.216.34", AddressKind.Public)]
    [InlineData("8.8.8.8", AddressKind.Public)]
    [InlineData("2606:4700::1111", AddressKind.Public)]
    [InlineData("64:ff9b::808:808", AddressKind.Public)]
    // Enum, not AddressKind: a public test method cannot take the internal type; xUnit still shows the member's name.
    public void Classify_KnownRanges(string address, Enum expected)
    {
        Assert.Equal(expected, AddressClassifier.Classify(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("ftp://example.jp/", EgressBlockReason.Scheme)]
    [InlineData("file:///etc/passwd", EgressBlockReason.Scheme)]
    [InlineData("javascript:alert(1)", EgressBlockReason.Scheme)]
    [InlineData("http://example.jp@127.0.0.1/", EgressBlockReason.UserInfo)]
    [InlineData("http://user:pass@example.jp/", EgressBlockReason.UserInfo)]
    [InlineData("http://2130706433/", EgressBlockReason.NumericHostForm)]
    [InlineData("http://0x7f000001/", EgressBlockReason.NumericHostForm)]
    [InlineData("http://0177.0.0.1/", EgressBlockReason.NumericHostForm)]
    [InlineData("http://127.1/", EgressBlockReason.NumericHostForm)]
    [InlineData("http://0x7f.0.0.1/", EgressBlockReason.NumericHostForm)]
    [InlineData("http://localhost/", EgressBlockReason.InternalName)]
    [InlineData("http://app.localhost/", EgressBlockReason.InternalName)]
    [InlineData("http://metadata.google.internal/computeMetadata/v1/", EgressBlockReason.InternalName)]
    [InlineData("http://printer.local/", EgressBlockReason.InternalName)]
    [InlineData("http://127.0.0.1/", EgressBlockReason.Address)]
    [InlineData("http://169.254.169.254/latest/meta-data/", EgressBlockReason.Address)]
    [InlineData("http://[::1]/", EgressBlockReason.Address)]
    [InlineData("http://[::ffff:127.0.0.1]/", EgressBlockReason.Address)]
    [InlineData("http://[64:ff9b::a00:1]/", EgressBlockReason.Address)]
    [InlineData("http://example.jp:22/", EgressBlockReason.Port)]
    [InlineData("not a url", EgressBlockReason.Malformed)]
    public void CheckForm_Refuses(string url, EgressBlockReason reason)
    {
        var decision = Default.CheckForm(url);

        Assert.False(decision.Allowed);
        Assert.Equal(reason, decision.Reason);
        Assert.NotEmpty(decision.Detail);
    }

    [Theory]
    [InlineData("https://www.metro.tokyo.lg.jp/")]
    [InlineData("http://93.184.216.34/")]
    [InlineData("https://example.jp:443/path?q=1#x")]
    public void CheckForm_Allows_PublicAddresses(string url)
    {
        Assert.True(Default.CheckForm(url).Allowed);
    }

    [Fact]
    public async Task Resolve_NameWithAnyInternalAddress_IsRefused_EvenWhenAnotherIsPublic()
    {
        var guard = new EgressGuard(new EgressPolicy(), (_, _) => Task.FromResult(new[] { IPAddress.Parse("93.184.216.34"), IPAddress.Parse("127.0.0.1") }));

        var decision = await guard.CheckAsync("https://rebind.example/");

        Assert.Equal(EgressBlockReason.Address, decision.Reason);
    }

    [Fact]
    public async Task Resolve_UnknownName_IsRefusedAsUnresolvable()
    {
        var guard = new EgressGuard(new EgressPolicy(), (_, _) => Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound)));

        Assert.Equal(EgressBlockReason.Unresolvable, (await guard.CheckAsync("https://nowhere.example/")).Reason);
    }

    [Fact]
    public async Task Handler_ToALoopbackCanary_NeverConnects()
    {
        using var canary = new Canary();
        var guard = new EgressGuard(new EgressPolicy { AllowedPorts = null });
        using var client = new HttpClient(guard.CreateHandler());

        var blocked = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://127.0.0.1:{canary.Port}/")));
        var viaName = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://localhost:{canary.Port}/")));
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://[::ffff:127.0.0.1]:{canary.Port}/")));

        Assert.IsType<EgressBlockedException>(blocked.InnerException ?? blocked, exactMatch: false);
        Assert.Contains("Loopback", (blocked.InnerException ?? blocked).Message, StringComparison.Ordinal);
        Assert.NotNull(viaName);
        Assert.Equal(0, canary.Connections);
    }

    [Fact]
    public async Task Handler_ConnectsToTheAddressItChecked_NotToASecondLookup()
    {
        using var canary = new Canary();
        var lookups = 0;
        var guard = new EgressGuard(new EgressPolicy { AllowPrivate = true, AllowedPorts = null }, (_, _) =>
        {
            lookups++;
            return Task.FromResult(new[] { IPAddress.Loopback });
        });
        using var client = new HttpClient(guard.CreateHandler()) { Timeout = TimeSpan.FromSeconds(5) };

        // The name exists only in the guard's resolver: reaching the canary proves the checked address was used.
        await Assert.ThrowsAnyAsync<Exception>(() => client.GetAsync(new Uri($"http://scan-target.test:{canary.Port}/")));

        // HttpClient retries a connection closed without an answer; each attempt is one lookup and one connection.
        Assert.True(canary.Connections >= 1);
        Assert.Equal(lookups, canary.Connections);
    }
}
