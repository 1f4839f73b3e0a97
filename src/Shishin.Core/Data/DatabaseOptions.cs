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

    /// <summary>
    /// PostgreSQL only: the role the application connects as. Whoever migrates (the owner) grants it the privileges it
    /// needs after every migration, and no more; see docs/adr/0012-postgres-roles.md.
    /// </summary>
    public string? ApplicationRole { get; set; }

    /// <summary>
    /// <c>ConnectionStrings:ShishinOwner</c>: PostgreSQL only, the owner's connection that applies migrations, grants and
    /// seed data. Without it they run on the application's own connection.
    /// </summary>
    internal string? OwnerConnectionString { get; set; }

    public const string OwnerConnectionStringName = "ShishinOwner";
}
