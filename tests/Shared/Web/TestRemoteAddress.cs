using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Shishin.Tests;

/// <summary>
/// The test server has no real client address; a request carrying <see cref="Header"/> arrives from that address, as if
/// from the network (before the forwarded headers middleware, which then sees it like any connection).
/// </summary>
public sealed class TestRemoteAddress : IStartupFilter
{
    public const string Header = "X-Test-Remote-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value.ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
                context.Request.Headers.Remove(Header);
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}

public static class TestRemoteAddressExtensions
{
    /// <summary>A client whose requests come from the given address.</summary>
    public static HttpClient From(this HttpClient client, string address)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Remove(TestRemoteAddress.Header);
        client.DefaultRequestHeaders.Add(TestRemoteAddress.Header, address);
        return client;
    }
}
