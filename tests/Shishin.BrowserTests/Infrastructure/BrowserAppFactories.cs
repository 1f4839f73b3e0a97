using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Tests;

namespace Shishin.BrowserTests.Infrastructure;

/// <summary>The real Shishin host on SQLite, served by Kestrel on a free loopback port so that a real browser can reach it.</summary>
public sealed class BrowserAppFactory : ShishinAppFactory
{
    public BrowserAppFactory()
        : base(TestProvider.Sqlite) => UseKestrel(0);

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
    public BrowserNewInstanceFactory()
        : base(TestProvider.Sqlite) => UseKestrel(0);

    public Uri BaseAddress => BrowserAppFactory.KestrelAddress(this);
}
