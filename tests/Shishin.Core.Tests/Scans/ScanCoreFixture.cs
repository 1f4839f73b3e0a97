using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Data;
using Shishin.Core.Jobs;
using Shishin.Tests;

namespace Shishin.Core.Tests.Scans;

/// <summary>Shishin.Core with the Quartz scheduler registered (not started), as profiles keep their triggers through it.</summary>
public class ScanCoreFixture(TestProvider provider) : IAsyncLifetime
{
    public TestDatabase Database { get; } = TestDatabase.Create(provider);
    public ServiceProvider Services { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Database.Settings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Jobs:Enabled"] = "false" }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddShishinCore(configuration);
        services.AddShishinJobs(configuration);
        Services = services.BuildServiceProvider();
        await Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}

public sealed class SqliteScanCoreFixture() : ScanCoreFixture(TestProvider.Sqlite);

public sealed class PostgresScanCoreFixture() : ScanCoreFixture(TestProvider.Postgres);
