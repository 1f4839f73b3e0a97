using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Shishin.Core.Auditing;

namespace Shishin.Core.Data;

/// <summary>
/// Gives the application's PostgreSQL role exactly what it needs on every table the owner holds, after every migration
/// (see docs/adr/0012-postgres-roles.md): SELECT and INSERT on append-only tables, SELECT on the migration history,
/// SELECT/INSERT/UPDATE/DELETE on the rest; never ownership, TRUNCATE, REFERENCES or TRIGGER. Each table's privileges
/// are first revoked and then granted in one transaction, so running it again is harmless and repairs drift.
/// </summary>
internal static class PostgresPrivileges
{
    private static readonly Type[] AppendOnly = [typeof(AuditEvent)];

    public static async Task GrantAsync(ShishinDbContext db, string role, ILogger logger, CancellationToken cancellationToken)
    {
        var tables = await db.Database.SqlQueryRaw<string>(
            "SELECT c.relname AS \"Value\" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace " +
            "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) " +
            "ORDER BY c.relname").ToListAsync(cancellationToken);
        if (tables.Count == 0)
        {
            // This process connects as the application (no owner connection configured): granting is the owner's job.
            return;
        }

        var current = await ScalarAsync<string>(db, "SELECT current_user AS \"Value\"", [], cancellationToken);
        if (current == role)
        {
            throw new InvalidOperationException(
                $"Database:ApplicationRole names '{role}', the role that owns the tables; the application needs a role of its own (docs/postgresql.md).");
        }

        if (!await ScalarAsync<bool>(db, "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {0}) AS \"Value\"", [role], cancellationToken))
        {
            throw new InvalidOperationException(
                $"Database:ApplicationRole names the role '{role}', which does not exist. Create it first (CREATE ROLE … LOGIN PASSWORD …); see docs/postgresql.md.");
        }

        // A superuser, or a member of the owner role, could switch the audit log's triggers off whatever is granted.
        if (await ScalarAsync<bool>(db, "SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = {0}) OR pg_has_role({0}, current_user, 'MEMBER') AS \"Value\"", [role], cancellationToken))
        {
            throw new InvalidOperationException(
                $"The application role '{role}' is a superuser or a member of the owner role '{current}', so it could alter or empty the audit log. Use a role with LOGIN only; see docs/postgresql.md.");
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var appendOnly = AppendOnly.Select(t => db.Model.FindEntityType(t)!.GetTableName()).ToHashSet(StringComparer.Ordinal);
        var grantee = sql.DelimitIdentifier(role);
        var statements = new List<string>
        {
            "GRANT USAGE ON SCHEMA " + sql.DelimitIdentifier(await ScalarAsync<string>(db, "SELECT current_schema() AS \"Value\"", [], cancellationToken)) + " TO " + grantee,
        };
        foreach (var table in tables)
        {
            var name = sql.DelimitIdentifier(table);
            var privileges = appendOnly.Contains(table) ? "SELECT, INSERT"
                : table == HistoryRepository.DefaultTableName ? "SELECT"
                : "SELECT, INSERT, UPDATE, DELETE";
            statements.Add("REVOKE ALL ON TABLE " + name + " FROM " + grantee);
            statements.Add("GRANT " + privileges + " ON TABLE " + name + " TO " + grantee);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var statement in statements)
        {
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Granted the application role {Role} its privileges on {Count} tables", role, tables.Count);

        // PostgreSQL 14 and older let everyone create tables in the public schema; only the schema's owner can stop that.
        if (await ScalarAsync<bool>(db, "SELECT has_schema_privilege({0}, current_schema(), 'CREATE') AS \"Value\"", [role], cancellationToken))
        {
            logger.LogWarning("The application role {Role} may create objects in the schema; run REVOKE CREATE ON SCHEMA public FROM PUBLIC as its owner (docs/postgresql.md)", role);
        }
    }

    private static async Task<T> ScalarAsync<T>(ShishinDbContext db, string sql, object[] parameters, CancellationToken cancellationToken) =>
        (await db.Database.SqlQueryRaw<T>(sql, parameters).ToListAsync(cancellationToken)).Single();
}
