using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Shishin.Tests;

/// <summary>An SMTP server in the test process on a loopback port, keeping every message it is given.</summary>
public sealed class TestSmtpServer : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Store store = new();
    private readonly Task running;

    public TestSmtpServer()
    {
        // A free loopback port: taken from the OS, released, then bound by the server straight away.
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Messages
    {
        get
        {
            lock (store.Messages)
            {
                return store.Messages.ToList();
            }
        }
    }

    /// <summary>The next <paramref name="times"/> messages to <paramref name="address"/> are refused (451, a temporary failure).</summary>
    public void Refuse(string address, int times)
    {
        lock (store.Messages)
        {
            store.Refusals[address.ToUpperInvariant()] = times;
        }
    }

    public IReadOnlyList<MimeMessage> To(string address) =>
        Messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>The first message to the address whose subject contains the text, waiting for it to arrive (it may be sent in the background).</summary>
    public async Task<MimeMessage> WaitForAsync(string address, string subjectContains)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var found = To(address).FirstOrDefault(m => (m.Subject ?? "").Contains(subjectContains, StringComparison.Ordinal));
            if (found is not null)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No e-mail \"{subjectContains}\" to {address}; got: {string.Join(" | ", Messages.Select(m => m.To + ": " + m.Subject))}");
            await Task.Delay(50);
        }
    }

    /// <summary>The first absolute link in the message's text part.</summary>
    public static string LinkIn(MimeMessage message, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.TextBody ?? "";
        var start = text.IndexOf(baseUrl, StringComparison.Ordinal);
        Assert.True(start >= 0, "No link in: " + text);
        var end = text.IndexOfAny(['\r', '\n', ' '], start);
        return text[start..(end < 0 ? text.Length : end)];
    }

    public void Dispose()
    {
        stop.Cancel();
        try
        {
            running.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Cancelled on purpose.
        }

        stop.Dispose();
    }

    private sealed class Store : MessageStore
    {
        public List<MimeMessage> Messages { get; } = [];

        /// <summary>Upper-case address → messages still to refuse; guarded by <see cref="Messages"/>.</summary>
        public Dictionary<string, int> Refusals { get; } = new(StringComparer.Ordinal);

        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            lock (Messages)
            {
                foreach (var to in message.To.Mailboxes.Select(m => m.Address.ToUpperInvariant()))
                {
                    if (Refusals.TryGetValue(to, out var left) && left > 0)
                    {
                        Refusals[to] = left - 1;
                        return new SmtpResponse((SmtpReplyCode)451, "Try again later");
                    }
                }

                Messages.Add(message);
            }

            return SmtpResponse.Ok;
        }
    }
}
