using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Shishin.Scanning.Safety;

/// <summary>A request the proxy refused, as the scan report shows it.</summary>
public sealed record BlockedRequest(string Target, EgressBlockReason Reason, string Detail, DateTimeOffset At);

/// <summary>
/// An HTTP proxy on loopback that all of Chromium's traffic goes through, so that every navigation, redirect,
/// subresource, fetch, XHR and WebSocket passes the <see cref="EgressGuard"/>: each host is resolved once, checked,
/// and connected to at the checked address. It speaks CONNECT (HTTPS and WebSockets) and absolute-form HTTP requests,
/// one request per connection, so a kept-alive connection can never be reused for a host that was not checked.
/// </summary>
internal sealed class EgressProxy : IAsyncDisposable
{
    private const int MaxHeadBytes = 32 * 1024;
    private static readonly TimeSpan HeadTimeout = TimeSpan.FromSeconds(30);

    private readonly EgressGuard guard;
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<BlockedRequest> blocked = new();
    private readonly ConcurrentDictionary<Task, byte> connections = new();
    private readonly Task acceptLoop;

    private readonly TimeProvider time;

    /// <summary>Starts the proxy on a free loopback port; <paramref name="time"/> dates the requests it refuses (the system clock by default).</summary>
    public EgressProxy(EgressGuard guard, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(guard);
        this.guard = guard;
        this.time = time ?? TimeProvider.System;
        listener.Start();
        Address = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}"));
        acceptLoop = AcceptAsync();
    }

    /// <summary>The proxy's address, for Chromium's <c>--proxy-server</c>.</summary>
    public Uri Address { get; }

    /// <summary>Every request refused so far.</summary>
    public IReadOnlyCollection<BlockedRequest> Blocked => [.. blocked];

    /// <summary>Raised for each refused request (the scanner records it against the page being scanned).</summary>
    public event EventHandler<BlockedRequest>? RequestBlocked;

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var task = HandleAsync(client);
            connections.TryAdd(task, 0);
            _ = task.ContinueWith(t => connections.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task HandleAsync(Socket clientSocket)
    {
        using var client = new NetworkStream(clientSocket, ownsSocket: true);
        try
        {
            using var headTimeout = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
            headTimeout.CancelAfter(HeadTimeout);
            var (head, extra) = await ReadHeadAsync(client, headTimeout.Token).ConfigureAwait(false);
            if (head is null)
            {
                return;
            }

            var lines = head.Split("\r\n");
            var requestLine = lines[0].Split(' ');
            if (requestLine.Length != 3)
            {
                await RespondAsync(client, 400, "Bad Request").ConfigureAwait(false);
                return;
            }

            if (string.Equals(requestLine[0], "CONNECT", StringComparison.OrdinalIgnoreCase))
            {
                await TunnelAsync(client, requestLine[1], extra).ConfigureAwait(false);
            }
            else
            {
                await ForwardAsync(client, requestLine, lines[1..], extra).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The browser or the site hung up, or the proxy is stopping; nothing to report for this connection.
        }
    }

    private async Task TunnelAsync(NetworkStream client, string authority, ReadOnlyMemory<byte> extra)
    {
        var colon = authority.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(authority[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            await RespondAsync(client, 400, "Bad Request").ConfigureAwait(false);
            return;
        }

        var host = authority[..colon];
        var decision = await guard.ResolveAsync(host, port, stopping.Token).ConfigureAwait(false);
        if (!decision.Allowed)
        {
            await RefuseAsync(client, authority, decision).ConfigureAwait(false);
            return;
        }

        using var upstream = await ConnectAsync(decision.Address!, port).ConfigureAwait(false);
        await client.WriteAsync("HTTP/1.1 200 Connection Established\r\n\r\n"u8.ToArray(), stopping.Token).ConfigureAwait(false);
        if (!extra.IsEmpty)
        {
            await upstream.WriteAsync(extra, stopping.Token).ConfigureAwait(false);
        }

        await PipeAsync(client, upstream).ConfigureAwait(false);
    }

    private async Task ForwardAsync(NetworkStream client, string[] requestLine, string[] headers, ReadOnlyMemory<byte> extra)
    {
        var target = requestLine[1];
        if (!Uri.TryCreate(target, UriKind.Absolute, out var uri))
        {
            await RespondAsync(client, 400, "Bad Request").ConfigureAwait(false);
            return;
        }

        var form = guard.CheckForm(target);
        var decision = form.Allowed ? await guard.ResolveAsync(uri.IdnHost, uri.Port, stopping.Token).ConfigureAwait(false) : form;
        if (!decision.Allowed)
        {
            await RefuseAsync(client, target, decision).ConfigureAwait(false);
            return;
        }

        using var upstream = await ConnectAsync(decision.Address!, uri.Port).ConfigureAwait(false);
        var head = new StringBuilder()
            .Append(requestLine[0]).Append(' ').Append(uri.PathAndQuery).Append(' ').Append(requestLine[2]).Append("\r\n");
        foreach (var header in headers)
        {
            if (header.Length == 0
                || header.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase)
                || header.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase)
                || header.StartsWith("Keep-Alive:", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            head.Append(header).Append("\r\n");
        }

        // One request per connection: the browser opens a new one (and the guard checks again) for the next request.
        head.Append("Connection: close\r\n\r\n");
        await upstream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), stopping.Token).ConfigureAwait(false);
        if (!extra.IsEmpty)
        {
            await upstream.WriteAsync(extra, stopping.Token).ConfigureAwait(false);
        }

        await PipeAsync(client, upstream).ConfigureAwait(false);
    }

    private async Task RefuseAsync(NetworkStream client, string target, EgressDecision decision)
    {
        var entry = new BlockedRequest(target, decision.Reason, decision.Detail, time.GetUtcNow());
        blocked.Enqueue(entry);
        RequestBlocked?.Invoke(this, entry);
        await RespondAsync(client, 403, "Forbidden by Shishin's SSRF guard").ConfigureAwait(false);
    }

    private async Task<NetworkStream> ConnectAsync(IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            await socket.ConnectAsync(new IPEndPoint(address, port), timeout.Token).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task PipeAsync(NetworkStream client, NetworkStream upstream)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        var up = client.CopyToAsync(upstream, done.Token);
        var down = upstream.CopyToAsync(client, done.Token);
        await Task.WhenAny(up, down).ConfigureAwait(false);
        await done.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(up, down).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Either side closing ends the exchange.
        }
    }

    private static async Task<(string? Head, ReadOnlyMemory<byte> Extra)> ReadHeadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxHeadBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return (null, ReadOnlyMemory<byte>.Empty);
            }

            length += read;
            var end = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                return (Encoding.Latin1.GetString(buffer, 0, end), buffer.AsMemory(end + 4, length - end - 4));
            }
        }

        return (null, ReadOnlyMemory<byte>.Empty);
    }

    private static Task RespondAsync(NetworkStream client, int status, string reason)
    {
        var response = string.Create(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        return client.WriteAsync(Encoding.ASCII.GetBytes(response)).AsTask();
    }

    /// <summary>Stops accepting, closes every open tunnel and waits for them to end.</summary>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        listener.Stop();
        try
        {
            await acceptLoop.ConfigureAwait(false);
            await Task.WhenAll(connections.Keys).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A connection stuck in the kernel must not keep the scan from ending.
        }

        stopping.Dispose();
    }
}
