using Microsoft.Data.Sqlite;
using Npgsql;

namespace Shishin.Tests;

public enum TestProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A fresh, empty database on a real server or file for each test fixture. On PostgreSQL with
/// <c>SHISHIN_TEST_POSTGRES_APP</c> set (scripts/test.sh sets it), the database is created and migrated by the owner
/// role of <c>SHISHIN_TEST_POSTGRES</c> and the application connects as the application role, as in production.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(TestProvider provider, string connectionString, string ownerConnectionString, string? applicationRole, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        OwnerConnectionString = ownerConnectionString;
        ApplicationRole = applicationRole;
        this.postgresName = postgresName;
    }

    private readonly string? postgresName;

    public TestProvider Provider { get; }

    /// <summary>The application's connection.</summary>
    public string ConnectionString { get; }

    /// <summary>The owner's connection, which migrates; the same as <see cref="ConnectionString"/> when roles are not split.</summary>
    public string OwnerConnectionString { get; }

    /// <summary>The PostgreSQL role the application connects as, when it is not the owner.</summary>
    public string? ApplicationRole { get; }

    public Dictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["Database:Provider"] = Provider.ToString(),
                ["ConnectionStrings:Shishin"] = ConnectionString,
            };
            if (ApplicationRole is not null)
            {
                settings["ConnectionStrings:ShishinOwner"] = OwnerConnectionString;
                settings["Database:ApplicationRole"] = ApplicationRole;
            }

            return settings;
        }
    }

    /// <summary>
    /// The PostgreSQL server that scripts/test.sh starts, reached as a role that may create databases (the owner);
    /// without it the PostgreSQL tests fail, never skip.
    /// </summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("SHISHIN_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "SHISHIN_TEST_POSTGRES is not set. Run the tests with scripts/test.sh, which starts a throwaway PostgreSQL server.");

    /// <summary>The same server reached as the application role (LOGIN only), or null to run everything as the owner.</summary>
    public static string? PostgresApplicationServer =>
        Environment.GetEnvironmentVariable("SHISHIN_TEST_POSTGRES_APP") is { Length: > 0 } value ? value : null;

    public static TestDatabase Create(TestProvider provider)
    {
        if (provider == TestProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "shishin-tests");
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
            var sqlite = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
            return new TestDatabase(provider, sqlite, sqlite, null, null);
        }

        var name = $"shishin_test_{Guid.NewGuid():N}";
        var owner = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name };
        if (PostgresApplicationServer is not { } appServer)
        {
            return new TestDatabase(provider, owner.ToString(), owner.ToString(), null, name);
        }

        var app = new NpgsqlConnectionStringBuilder(appServer) { Database = name };
        return new TestDatabase(provider, app.ToString(), owner.ToString(), app.Username, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == TestProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var path = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // Left in the temp folder; harmless.
                }
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        // From the maintenance database: the owner role has no database of its own name to connect to by default.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres" }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
