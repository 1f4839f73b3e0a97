using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shishin.Core.Data;
using Shishin.Tests;

namespace Shishin.Core.Tests.Data;

/// <summary>
/// On PostgreSQL the application connects as a role that owns nothing (docs/adr/0012-postgres-roles.md), so even
/// with SQL access through its connection it cannot switch the audit log's append-only triggers off.
/// </summary>
public sealed class PostgresRoleTests(PostgresCoreFixture fixture) : IClassFixture<PostgresCoreFixture>
{
    // PostgreSQL's insufficient_privilege: refused by the privilege system, not by the audit trigger (P0001).
    private const string InsufficientPrivilege = "42501";

    private static readonly string[] Privileges = ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"];

    public static TheoryData<string> Tampering => new()
    {
        "ALTER TABLE \"AuditEvents\" DISABLE TRIGGER USER",
        "ALTER TABLE \"AuditEvents\" DISABLE TRIGGER ALL",
        "ALTER TABLE \"AuditEvents\" OWNER TO CURRENT_USER",
        "DROP TRIGGER audit_events_append_only ON \"AuditEvents\"",
        "CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END; $$",
        "UPDATE \"AuditEvents\" SET \"Action\" = 'tampered'",
        "DELETE FROM \"AuditEvents\"",
        "TRUNCATE \"AuditEvents\"",
        "DROP TABLE \"AuditEvents\"",
        "DROP TABLE \"Organizations\" CASCADE",
        "ALTER TABLE \"CatalogVersions\" DISABLE TRIGGER USER",
        "CREATE TABLE \"Smuggled\" (\"Id\" integer)",
        "DELETE FROM \"__EFMigrationsHistory\"",
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task ApplicationRole_AltersOrEmptiesTheSchema_IsRefusedByPrivileges(string statement)
    {
        // Arrange
        SplitRole();
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var before = await db.AuditEvents.CountAsync();

        // Act
        var refused = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(statement));

        // Assert: refused for lack of rights, and the log and its trigger are intact
        Assert.Equal(InsufficientPrivilege, refused.SqlState);
        Assert.Equal(before, await db.AuditEvents.CountAsync());
        Assert.Equal("O", await OwnerScalarAsync<string>("SELECT tgenabled::text FROM pg_trigger WHERE tgname = 'audit_events_append_only'"));
    }

    [Fact]
    public async Task ApplicationRole_AfterInitialize_HoldsExactlyTheDataPrivilegesItNeeds()
    {
        // Arrange: a table a later migration might add, then the start-up work of every release
        var role = SplitRole();
        await OwnerExecuteAsync("CREATE TABLE IF NOT EXISTS \"LaterFeature\" (\"Id\" integer PRIMARY KEY)");
        await fixture.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await fixture.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();

        // Act
        var tables = await OwnerListAsync("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename");
        var held = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            var granted = new List<string>();
            foreach (var privilege in Privileges)
            {
                if (await OwnerScalarAsync<bool>($"SELECT has_table_privilege('{role}', '\"{table}\"', '{privilege}')"))
                {
                    granted.Add(privilege);
                }
            }

            held[table] = string.Join(",", granted);
        }

        // Assert: append-only tables SELECT and INSERT; the history read-only; every other table plain data access; nothing owned
        Assert.Contains("LaterFeature", tables);
        Assert.Contains("AuditEvents", tables);
        Assert.All(tables, table => Assert.Equal(
            table switch
            {
                "AuditEvents" => "SELECT,INSERT",
                "__EFMigrationsHistory" => "SELECT",
                _ => "SELECT,INSERT,UPDATE,DELETE",
            },
            held[table]));
        Assert.Equal(0L, await OwnerScalarAsync<long>($"SELECT COUNT(*) FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = '{role}')"));
    }

    [Fact]
    public async Task ApplicationRole_WritingThroughTheApplication_AppendsAuditEvents()
    {
        // Arrange
        SplitRole();
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var before = await db.AuditEvents.CountAsync();
        var organization = await db.Organizations.SingleAsync(o => o.Key == "hachioji");

        // Act
        organization.NameEn = "Hachioji City (role test)";
        await db.SaveChangesAsync();

        // Assert
        Assert.Equal(before + 1, await db.AuditEvents.CountAsync());
        Assert.Equal(fixture.Database.ApplicationRole, await db.Database.SqlQueryRaw<string>("SELECT current_user AS \"Value\"").SingleAsync());
    }

    private string SplitRole() => fixture.Database.ApplicationRole ?? throw new InvalidOperationException(
        "SHISHIN_TEST_POSTGRES_APP is not set, so the tests run as the owner. Run them with scripts/test.sh, which creates an owner and an application role.");

    private async Task OwnerExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<T> OwnerScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<string>> OwnerListAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
