using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core;
using Shishin.Core.Data;
using Shishin.Tests;

namespace Shishin.Core.Tests;

/// <summary>Shishin.Core wired as the CLI wires it, on a fresh real database.</summary>
public class CoreFixture(TestProvider provider) : IAsyncLifetime
{
    public TestDatabase Database { get; } = TestDatabase.Create(provider);
    public ServiceProvider Services { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Database.Settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddShishinCore(configuration);
        Services = services.BuildServiceProvider();
        await Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}

public sealed class SqliteCoreFixture() : CoreFixture(TestProvider.Sqlite);

public sealed class PostgresCoreFixture() : CoreFixture(TestProvider.Postgres);
