using System.Net;
using System.Net.Sockets;
using System.Text;
using Shishin.Scanning.Safety;

namespace Shishin.Scanning.Tests.Safety;

public sealed class EgressProxyTests
{
    private static async Task<string> SendAsync(Uri proxy, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, proxy.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.Latin1);
        var read = reader.ReadToEndAsync();
        return await read.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Connect_ToLoopback_IsRefusedAndRecorded_AndTheCanaryNeverHearsFromIt()
    {
        using var canary = new HttpCanary();
        await using var proxy = new EgressProxy(new EgressGuard(new EgressPolicy { AllowedPorts = null }));
        var seen = new List<BlockedRequest>();
        proxy.RequestBlocked += (_, b) => seen.Add(b);

        var connect = await SendAsync(proxy.Address, $"CONNECT 127.0.0.1:{canary.Port} HTTP/1.1\r\nHost: 127.0.0.1:{canary.Port}\r\n\r\n");
        var plain = await SendAsync(proxy.Address, $"GET http://localhost:{canary.Port}/ HTTP/1.1\r\nHost: localhost:{canary.Port}\r\n\r\n");
        var mapped = await SendAsync(proxy.Address, $"CONNECT [::ffff:127.0.0.1]:{canary.Port} HTTP/1.1\r\n\r\n");
        var numeric = await SendAsync(proxy.Address, $"GET http://2130706433:{canary.Port}/ HTTP/1.1\r\n\r\n");

        Assert.All(new[] { connect, plain, mapped, numeric }, r => Assert.StartsWith("HTTP/1.1 403", r, StringComparison.Ordinal));
        Assert.Equal(0, canary.Connections);
        Assert.Equal(4, proxy.Blocked.Count);
        Assert.Equal(4, seen.Count);
        Assert.Contains(proxy.Blocked, b => b.Reason == EgressBlockReason.NumericHostForm);
        Assert.Contains(proxy.Blocked, b => b.Reason == EgressBlockReason.InternalName);
    }

    [Fact]
    public async Task AllowedRequests_AreForwarded_PlainAndTunnelled()
    {
        using var canary = new HttpCanary();
        await using var proxy = new EgressProxy(new EgressGuard(new EgressPolicy { AllowPrivate = true, AllowedPorts = null }));

        var plain = await SendAsync(proxy.Address, $"GET http://127.0.0.1:{canary.Port}/page?x=1 HTTP/1.1\r\nHost: 127.0.0.1:{canary.Port}\r\nProxy-Connection: keep-alive\r\n\r\n");
        var tunnel = await SendAsync(proxy.Address, $"CONNECT 127.0.0.1:{canary.Port} HTTP/1.1\r\n\r\nGET /through HTTP/1.1\r\nHost: x\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 OK", plain, StringComparison.Ordinal);
        Assert.EndsWith("ok", plain, StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 200 Connection Established", tunnel, StringComparison.Ordinal);
        Assert.Contains("HTTP/1.1 200 OK", tunnel, StringComparison.Ordinal);
        Assert.Equal(["GET /page?x=1 HTTP/1.1", "GET /through HTTP/1.1"], canary.RequestLines);
        Assert.DoesNotContain(canary.Heads, h => h.Contains("Proxy-Connection", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(proxy.Blocked);
    }

    [Fact]
    public async Task Garbage_GetsABadRequest_AndTheProxyKeepsWorking()
    {
        using var canary = new HttpCanary();
        await using var proxy = new EgressProxy(new EgressGuard(new EgressPolicy { AllowPrivate = true, AllowedPorts = null }));

        Assert.StartsWith("HTTP/1.1 400", await SendAsync(proxy.Address, "NONSENSE\r\n\r\n"), StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 400", await SendAsync(proxy.Address, "CONNECT nowhere HTTP/1.1\r\n\r\n"), StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 200", await SendAsync(proxy.Address, $"GET http://127.0.0.1:{canary.Port}/ HTTP/1.1\r\n\r\n"), StringComparison.Ordinal);
    }

    /// <summary>A loopback HTTP server that answers "ok" once per connection and remembers what it was asked.</summary>
    private sealed class HttpCanary : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private int connections;

        public HttpCanary()
        {
            listener.Start();
            _ = ServeAsync();
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public int Connections => Volatile.Read(ref connections);

        public List<string> Heads { get; } = [];

        public List<string> RequestLines => [.. Heads.Select(h => h.Split("\r\n")[0])];

        private async Task ServeAsync()
        {
            try
            {
                while (true)
                {
                    using var socket = await listener.AcceptSocketAsync();
                    Interlocked.Increment(ref connections);
                    using var stream = new NetworkStream(socket);
                    var buffer = new byte[8192];
                    var length = 0;
                    while (!Encoding.Latin1.GetString(buffer, 0, length).Contains("\r\n\r\n", StringComparison.Ordinal))
                    {
                        var read = await stream.ReadAsync(buffer.AsMemory(length));
                        if (read == 0)
                        {
                            break;
                        }

                        length += read;
                    }

                    lock (Heads)
                    {
                        Heads.Add(Encoding.Latin1.GetString(buffer, 0, length));
                    }

                    await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"u8.ToArray());
                }
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException or IOException)
            {
            }
        }

        public void Dispose() => listener.Stop();
    }
}
