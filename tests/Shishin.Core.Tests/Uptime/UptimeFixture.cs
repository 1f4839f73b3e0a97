using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Data;
using Shishin.Core.Uptime;
using Shishin.Tests;

namespace Shishin.Core.Tests.Uptime;

/// <summary>Shishin.Core with the uptime services on a fresh real database, allowed to probe loopback.</summary>
public class UptimeFixture(TestProvider provider) : IAsyncLifetime
{
    public TestDatabase Database { get; } = TestDatabase.Create(provider);

    public ServiceProvider Services { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Services = Build(allowPrivateNetworks: true);
        await Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }

    /// <summary>Another container on the same database, e.g. with private networks refused.</summary>
    public ServiceProvider Build(bool allowPrivateNetworks)
    {
        var settings = new Dictionary<string, string?>(Database.Settings)
        {
            ["Scanning:AllowPrivateNetworks"] = allowPrivateNetworks ? "true" : "false",
            ["Uptime:PerHostConcurrency"] = "2",
            ["Uptime:Jitter"] = "00:00:00",
            ["Uptime:Timeout"] = "00:00:05",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddShishinCore(configuration);
        services.AddShishinUptime(configuration);
        return services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}

public sealed class SqliteUptimeFixture() : UptimeFixture(TestProvider.Sqlite);

public sealed class PostgresUptimeFixture() : UptimeFixture(TestProvider.Postgres);
