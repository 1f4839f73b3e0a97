using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Shishin.Core.Tests.Uptime;

/// <summary>
/// A small HTTP/1.1 server on loopback for probes: answers every request with <see cref="Status"/> after
/// <see cref="Delay"/>, optionally over TLS, and counts the requests that overlap (overall and per path).
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly X509Certificate2? certificate;
    private readonly Task accepting;
    private readonly ConcurrentDictionary<string, int> activeByPath = new();
    private readonly object gate = new();
    private int active;

    public LoopbackHttpServer(X509Certificate2? certificate = null)
    {
        this.certificate = certificate;
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Status { get; set; } = 200;

    public TimeSpan Delay { get; set; }

    /// <summary>The body of every answer; HTML with <see cref="ContentType"/> text/html lets a browser scan it.</summary>
    public string Body { get; set; } = "ok";

    public string ContentType { get; set; } = "text/plain";

    public int Requests;

    public int MaxConcurrent { get; private set; }

    public ConcurrentDictionary<string, int> MaxConcurrentByPath { get; } = new();

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public string Url(string path = "/") => $"{(certificate is null ? "http" : "https")}://127.0.0.1:{Port}{path}";

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                Stream stream = client.GetStream();
                if (certificate is not null)
                {
                    var tls = new SslStream(stream);
                    await tls.AuthenticateAsServerAsync(certificate);
                    stream = tls;
                }

                using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
                while (await reader.ReadLineAsync(stop.Token) is { Length: > 0 } requestLine)
                {
                    while (await reader.ReadLineAsync(stop.Token) is { Length: > 0 })
                    {
                        // Headers are not needed; probes send no body.
                    }

                    var path = requestLine.Split(' ')[1];
                    Interlocked.Increment(ref Requests);
                    Enter(path);
                    try
                    {
                        await Task.Delay(Delay, stop.Token);
                    }
                    finally
                    {
                        Leave(path);
                    }

                    var body = Encoding.UTF8.GetBytes(Body);
                    var head = $"HTTP/1.1 {Status} X\r\nContent-Length: {body.Length}\r\nContent-Type: {ContentType}\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(head), stop.Token);
                    await stream.WriteAsync(body, stop.Token);
                    await stream.FlushAsync(stop.Token);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or System.Security.Authentication.AuthenticationException or ObjectDisposedException)
            {
                // The client went away or refused the certificate.
            }
        }
    }

    private void Enter(string path)
    {
        lock (gate)
        {
            active++;
            MaxConcurrent = Math.Max(MaxConcurrent, active);
            var now = activeByPath.AddOrUpdate(path, 1, (_, n) => n + 1);
            MaxConcurrentByPath.AddOrUpdate(path, now, (_, n) => Math.Max(n, now));
        }
    }

    private void Leave(string path)
    {
        lock (gate)
        {
            active--;
            activeByPath.AddOrUpdate(path, 0, (_, n) => n - 1);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
        certificate?.Dispose();
    }
}
