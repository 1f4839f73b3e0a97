using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Shishin.Core.Data;

/// <summary>
/// Which database this process opened, in words for its log and the CLI's first line: the SQLite file, or the
/// PostgreSQL server, database and user. Never the password, so it is safe to print anywhere.
/// </summary>
public sealed class DatabaseLocation
{
    internal DatabaseLocation(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Description = provider == DatabaseProvider.Postgres ? DescribePostgres(connectionString) : DescribeSqlite(connectionString);
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The application's connection string (with its secret), for Quartz's job store in the same database.</summary>
    internal string ConnectionString { get; }

    /// <summary>E.g. <c>SQLite /srv/shishin/data/shishin.db</c> or <c>PostgreSQL database shishin on db.example.jp:5432 as shishin_app</c>.</summary>
    public string Description { get; }

    public override string ToString() => Description;

    private static string DescribeSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory
            ? "SQLite in memory"
            : $"SQLite {Path.GetFullPath(builder.DataSource)}";
    }

    private static string DescribePostgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var user = string.IsNullOrEmpty(builder.Username) ? "" : $" as {builder.Username}";
        return string.Create(CultureInfo.InvariantCulture, $"PostgreSQL database {builder.Database ?? "(default)"} on {builder.Host}:{builder.Port}{user}");
    }
}
