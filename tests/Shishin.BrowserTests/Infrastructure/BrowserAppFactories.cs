using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Tests;

namespace Shishin.BrowserTests.Infrastructure;

/// <summary>The real Shishin host on SQLite, served by Kestrel on a free loopback port so that a real browser can reach it.</summary>
public sealed class BrowserAppFactory : ShishinAppFactory
{
    private readonly int port = FreePort();

    private readonly IReadOnlyDictionary<string, string> settings;

    public BrowserAppFactory()
        : this(new Dictionary<string, string>())
    {
    }

    /// <param name="settings">Configuration on top of the deployment-like defaults (the scan tests allow loopback).</param>
    /// <remarks>Internal: xUnit builds a class fixture through its one public constructor.</remarks>
    internal BrowserAppFactory(IReadOnlyDictionary<string, string> settings)
        : base(TestProvider.Sqlite)
    {
        this.settings = settings;
        UseKestrel(port);
    }

    // Absolute links and redirects (sign-in, access denied) are built from Shishin:PublicUrl, so it must be where Kestrel listens.
    protected override void ConfigureMore(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        ConfigureLikeADeployment(builder, port);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>
    /// What an operator configures (the self-scan checks it): the public address, and a security contact with its
    /// expiry for /.well-known/security.txt.
    /// </summary>
    internal static void ConfigureLikeADeployment(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder, int port)
    {
        builder.UseSetting("Shishin:PublicUrl", $"http://127.0.0.1:{port}/");
        builder.UseSetting("Shishin:SecurityContact", "mailto:security@example.jp");
        builder.UseSetting("Shishin:SecurityTxtExpires", DateTimeOffset.UtcNow.AddDays(180).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static readonly Lock PortGate = new();
    private static int nextPort = 20_000 + Random.Shared.Next(10_000);

    /// <summary>
    /// A loopback port free now, known before the server starts so that the public address can name it. Taken below
    /// Linux's ephemeral range (32768 and up), so no outgoing connection of the test run can take it before Kestrel binds.
    /// </summary>
    internal static int FreePort()
    {
        lock (PortGate)
        {
            for (var tries = 0; tries < 2_000; tries++)
            {
                var port = nextPort;
                nextPort = nextPort >= 32_000 ? 20_000 : nextPort + 1;
                try
                {
                    using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
                    listener.Start();
                    listener.Stop();
                    return port;
                }
                catch (System.Net.Sockets.SocketException)
                {
                    // Taken by something else; try the next one.
                }
            }
        }

        throw new InvalidOperationException("No free loopback port between 20000 and 32000.");
    }

    /// <summary>Where Kestrel listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => KestrelAddress(this);

    internal static Uri KestrelAddress(ShishinAppFactory factory)
    {
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
    }
}

/// <summary>A fresh instance without an administrator, for the setup page, on Kestrel.</summary>
public sealed class BrowserNewInstanceFactory : NewInstanceFactory
{
    private readonly int port = BrowserAppFactory.FreePort();

    public BrowserNewInstanceFactory()
        : base(TestProvider.Sqlite) => UseKestrel(port);

    protected override void ConfigureMore(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
        BrowserAppFactory.ConfigureLikeADeployment(builder, port);

    public Uri BaseAddress => BrowserAppFactory.KestrelAddress(this);
}
