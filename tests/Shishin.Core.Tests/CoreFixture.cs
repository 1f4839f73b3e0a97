using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Shishin.Core;
using Shishin.Core.Data;
using Shishin.Core.Jobs;
using Shishin.Tests;

namespace Shishin.Core.Tests;

/// <summary>
/// Shishin.Core wired as the CLI wires it (the core services, and Quartz on the persistent store of the same database,
/// not started), on a fresh real database. A slice's fixture adds its settings and, where its jobs must run, starts
/// the scheduler.
/// </summary>
public class CoreFixture(TestProvider provider) : IAsyncLifetime
{
    public TestDatabase Database { get; } = TestDatabase.Create(provider);
    public ServiceProvider Services { get; private set; } = default!;

    /// <summary>Settings beside the database's.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>Whether published jobs run (the scheduler is started), as on a node.</summary>
    protected virtual bool RunsJobs => false;

    public async Task InitializeAsync()
    {
        Services = Build();
        await Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        if (RunsJobs)
        {
            await (await Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).Start();
        }
    }

    /// <summary>Another container on the same database, with <paramref name="overrides"/> over the fixture's settings.</summary>
    public ServiceProvider Build(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Database.Settings)
            .AddInMemoryCollection(Settings)
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddShishinCore(configuration);
        services.AddShishinJobs(configuration, JobsHost.Command);
        return services.BuildServiceProvider();
    }

    public virtual async Task DisposeAsync()
    {
        // A test may have started the scheduler itself; shutting down one that never started is harmless.
        await (await Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).Shutdown(waitForJobsToComplete: true);
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}

public sealed class SqliteCoreFixture() : CoreFixture(TestProvider.Sqlite);

public sealed class PostgresCoreFixture() : CoreFixture(TestProvider.Postgres);
