using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Shishin.Core.Tests.Notifications;

/// <summary>
/// A webhook endpoint on a loopback port (HttpListener) that answers with the given statuses in turn (the last one
/// repeats) and checks each request's signature on its own, as a receiver following docs/notifications.md would.
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Queue<int> statuses;
    private readonly int lastStatus;
    private readonly List<Received> received = [];
    private readonly Task loop;

    public sealed record Received(DateTime At, string Body, string? Timestamp, string? Signature, string? Delivery, string? Event, bool SignatureValid);

    public WebhookReceiver(string secret, params int[] answers)
    {
        Secret = secret;
        statuses = new Queue<int>(answers);
        lastStatus = answers[^1];
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    /// <summary>The secret the receiver checks with; settable because Shishin makes it when the webhook is created.</summary>
    public string Secret { get; set; }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hook";

    public IReadOnlyList<Received> Requests
    {
        get
        {
            lock (received)
            {
                return received.ToList();
            }
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(reader);
            var body = reader.ToArray();
            var timestamp = context.Request.Headers["Shishin-Timestamp"];
            var signature = context.Request.Headers["Shishin-Signature"];
            // The check of docs/notifications.md, written out here rather than calling Shishin's own code.
            var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
            var expected = "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signed)).ToLowerInvariant();
            var valid = signature is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature))
                && long.TryParse(timestamp, out var seconds) && Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) < 300;
            int status;
            lock (received)
            {
                received.Add(new Received(DateTime.UtcNow, Encoding.UTF8.GetString(body), timestamp, signature,
                    context.Request.Headers["Shishin-Delivery"], context.Request.Headers["Shishin-Event"], valid));
                status = statuses.Count > 0 ? statuses.Dequeue() : lastStatus;
            }

            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        loop.Wait(TimeSpan.FromSeconds(5));
    }
}
