using System.ComponentModel.DataAnnotations;

namespace Shishin.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    [EnumDataType(typeof(DatabaseProvider))]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations and seed reference data when the host starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    public const string DefaultSqliteConnectionString = "Data Source=data/shishin.db";
}
