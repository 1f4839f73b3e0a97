using Microsoft.Data.Sqlite;
using Npgsql;

namespace Shishin.Tests;

public enum TestProvider
{
    Sqlite,
    Postgres,
}

/// <summary>A fresh, empty database on a real server or file for each test fixture.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(TestProvider provider, string connectionString, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.postgresName = postgresName;
    }

    private readonly string? postgresName;

    public TestProvider Provider { get; }
    public string ConnectionString { get; }

    public Dictionary<string, string?> Settings => new()
    {
        ["Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Shishin"] = ConnectionString,
    };

    /// <summary>The PostgreSQL server that scripts/test.sh starts; without it the PostgreSQL tests fail, never skip.</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("SHISHIN_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "SHISHIN_TEST_POSTGRES is not set. Run the tests with scripts/test.sh, which starts a throwaway PostgreSQL server.");

    public static TestDatabase Create(TestProvider provider)
    {
        if (provider == TestProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "shishin-tests");
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
            return new TestDatabase(provider, new SqliteConnectionStringBuilder { DataSource = path }.ToString(), null);
        }

        var name = $"shishin_test_{Guid.NewGuid():N}";
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name };
        return new TestDatabase(provider, builder.ToString(), name);
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
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
