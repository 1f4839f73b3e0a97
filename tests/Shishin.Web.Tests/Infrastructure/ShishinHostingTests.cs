using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Shishin.Core.Data;
using Shishin.Tests;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Tests.Infrastructure;

/// <summary>Where the host listens and where it finds its content root, whatever it is started from.</summary>
public sealed class ShishinHostingTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("shishin-hosting-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    private static IConfiguration Configuration(params string[] commandLine) => new ConfigurationBuilder().AddCommandLine(commandLine).Build();

    [Fact]
    public void DefaultUrlsFor_NothingConfigured_IsLocalhost5080()
    {
        Assert.Equal("http://localhost:5080", ShishinHosting.DefaultUrlsFor(Configuration()));
    }

    /// <summary>The ways of naming addresses, as they reach the configuration (ASPNETCORE_URLS arrives as urls too).</summary>
    [Theory]
    [InlineData("--urls=http://127.0.0.1:6000")]
    [InlineData("--Urls=http://0.0.0.0:8080")]
    [InlineData("--http_ports=8080")]
    [InlineData("--https_ports=8443")]
    [InlineData("--Kestrel:Endpoints:Http:Url=http://127.0.0.1:6001")]
    public void DefaultUrlsFor_AddressesConfigured_IsNull(string setting)
    {
        Assert.Null(ShishinHosting.DefaultUrlsFor(Configuration(setting)));
    }

    [Theory]
    [InlineData("http://localhost:5080", "http://localhost:5080/")]
    [InlineData("http://127.0.0.1:6000;https://127.0.0.1:6001", "http://127.0.0.1:6000/")]
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080/")]
    [InlineData("http://*:8080", "http://localhost:8080/")]
    [InlineData("http://[::]:8080", "http://localhost:8080/")]
    [InlineData("https://dev.example.jp", "https://dev.example.jp/")]
    public void DevelopmentPublicUrl_ListeningAddress_IsWhereALocalBrowserReachesIt(string urls, string expected)
    {
        Assert.Equal(expected, ShishinHosting.DevelopmentPublicUrl(urls));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("unix:/run/shishin.sock")]
    public void DevelopmentPublicUrl_NoUsableAddress_IsNull(string? urls)
    {
        Assert.Null(ShishinHosting.DevelopmentPublicUrl(urls));
    }

    [Fact]
    public void ContentRoot_WorkingDirectoryHoldsAppsettings_LeavesItToAspNetCore()
    {
        File.WriteAllText(Path.Combine(scratch, "appsettings.json"), "{}");

        Assert.Null(ShishinHosting.ContentRoot([], scratch, "/opt/shishin/"));
    }

    [Fact]
    public void ContentRoot_StartedFromAnotherFolder_IsTheProgramsFolder()
    {
        Assert.Equal("/opt/shishin/", ShishinHosting.ContentRoot([], scratch, "/opt/shishin/"));
    }

    [Fact]
    public void ContentRoot_GivenOnTheCommandLine_LeavesItToAspNetCore()
    {
        Assert.Null(ShishinHosting.ContentRoot(["--contentRoot", "/srv/shishin"], scratch, "/opt/shishin/"));
    }
}

/// <summary>
/// The host says which database it opened (that the words never hold a password is DatabaseLocationTests' job), and opens
/// the shared data directory's file by default.
/// </summary>
public abstract class HostDatabaseTests(TestProvider provider)
{
    protected TestProvider Provider => provider;

    [Fact]
    public async Task Startup_AnyDatabase_LogsWhichOneItOpened()
    {
        var app = new LoggingAppFactory(provider);
        try
        {
            await app.InitializeAsync();

            var line = Assert.Single(app.Log, m => m.StartsWith("Database: ", StringComparison.Ordinal));
            Assert.Equal($"Database: {app.Services.GetRequiredService<DatabaseLocation>().Description}", line);
            if (provider == TestProvider.Sqlite)
            {
                Assert.Equal($"Database: SQLite {new SqliteConnectionStringBuilder(app.Database.ConnectionString).DataSource}", line);
            }
            else
            {
                var connection = new NpgsqlConnectionStringBuilder(app.Database.ConnectionString);
                Assert.StartsWith($"Database: PostgreSQL database {connection.Database} on {connection.Host}:{connection.Port}", line, StringComparison.Ordinal);
            }
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    /// <summary>The real host with its log captured; <paramref name="dataDirectory"/> replaces the test database's connection.</summary>
    protected sealed class LoggingAppFactory(TestProvider provider, string? dataDirectory = null) : ShishinAppFactory(provider)
    {
        private readonly CaptureProvider capture = new();

        public IReadOnlyCollection<string> Log => capture.Messages;

        protected override void ConfigureMore(IWebHostBuilder builder)
        {
            builder.UseSetting("Logging:LogLevel:Shishin.Web", "Information");
            builder.ConfigureLogging(l => l.AddProvider(capture));
            if (dataDirectory is not null)
            {
                builder.UseSetting("ConnectionStrings:Shishin", "");
                builder.UseSetting(DataDirectory.ConfigurationKey, dataDirectory);
            }
        }

        private sealed class CaptureProvider : ILoggerProvider
        {
            public ConcurrentQueue<string> Messages { get; } = new();

            public ILogger CreateLogger(string categoryName) => new Capture(Messages);

            public void Dispose()
            {
            }
        }

        private sealed class Capture(ConcurrentQueue<string> log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                log.Enqueue(formatter(state, exception));
        }
    }
}

public sealed class HostDatabaseTests_Sqlite() : HostDatabaseTests(TestProvider.Sqlite)
{
    [Fact]
    public async Task Startup_NoConnectionString_OpensShishinDbInTheDataDirectoryAndCreatesIt()
    {
        var scratch = Directory.CreateTempSubdirectory("shishin-host-datadir-").FullName;
        var dataDirectory = Path.Combine(scratch, "not-yet", "data");
        var app = new LoggingAppFactory(Provider, dataDirectory);
        try
        {
            await app.InitializeAsync();

            var file = Path.Combine(dataDirectory, "shishin.db");
            Assert.Contains($"Database: SQLite {file}", app.Log);
            Assert.True(File.Exists(file));
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"AspNetUsers\" WHERE \"Email\" = '{ShishinAppFactory.SetupAdminEmail}'";
            Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(scratch, recursive: true);
        }
    }
}

public sealed class HostDatabaseTests_Postgres() : HostDatabaseTests(TestProvider.Postgres);
