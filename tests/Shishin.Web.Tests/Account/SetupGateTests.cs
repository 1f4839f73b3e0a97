using System.Net;
using Microsoft.AspNetCore.Http;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Tests.Account;

/// <summary>Who may open /setup without the token: loopback clients whose request shows no sign of a proxy.</summary>
public sealed class SetupGateTests
{
    [Fact]
    public void MayUseSetup_LoopbackWithoutForwardingHeaders_IsAllowed()
    {
        Assert.True(new SetupState().MayUseSetup(Request("127.0.0.1"), token: null));
        Assert.True(new SetupState().MayUseSetup(Request("::1"), token: null));
    }

    [Theory]
    [InlineData("Forwarded", "for=203.0.113.7")]
    [InlineData("X-Real-IP", "203.0.113.7")]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("X-Forwarded-Host", "shishin.example.jp")]
    [InlineData("X-Forwarded-Proto", "https")]
    [InlineData("X-Client-IP", "203.0.113.7")]
    [InlineData("True-Client-IP", "203.0.113.7")]
    [InlineData("CF-Connecting-IP", "203.0.113.7")]
    [InlineData("X-Original-For", "203.0.113.7:4711")]
    [InlineData("Via", "1.1 proxy")]
    [InlineData("x-real-ip", "203.0.113.7")]
    public void MayUseSetup_LoopbackWithAForwardingHeader_IsRefused(string header, string value)
    {
        var context = Request("127.0.0.1");
        context.Request.Headers[header] = value;

        Assert.False(new SetupState().MayUseSetup(context, token: null));
    }

    [Fact]
    public void MayUseSetup_OtherAddressWithoutToken_IsRefusedAndWithTheTokenAllowed()
    {
        var state = new SetupState();

        Assert.False(state.MayUseSetup(Request("203.0.113.7"), token: null));
        Assert.False(state.MayUseSetup(Request("203.0.113.7"), token: "0123456789abcdef0123456789abcdef"));
        Assert.True(state.MayUseSetup(Request("203.0.113.7"), state.Token));
    }

    private static DefaultHttpContext Request(string remote)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        return context;
    }
}
