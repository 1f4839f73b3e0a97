using Microsoft.Data.Sqlite;
using Npgsql;
using Shishin.Tests;

namespace Shishin.Cli.Tests;

public abstract class AdminCommandTests(TestProvider provider)
{
    [Fact]
    public async Task AdminCreate_PasswordOnStandardInput_CreatesAnAdministrator()
    {
        await using var database = TestDatabase.Create(provider);

        var (exit, output, error) = await CliRun.RunAsync(database, CliRun.PasswordInput, "admin", "create", "--email", "cli-admin@example.jp");

        Assert.True(exit == 0, error);
        Assert.Contains("cli-admin@example.jp", output, StringComparison.Ordinal);
        Assert.Equal(1L, await ScalarAsync(database,
            "SELECT COUNT(*) FROM \"AspNetUsers\" u JOIN \"AspNetUserRoles\" ur ON ur.\"UserId\" = u.\"Id\" JOIN \"AspNetRoles\" r ON r.\"Id\" = ur.\"RoleId\" WHERE u.\"Email\" = 'cli-admin@example.jp' AND r.\"Name\" = 'Admin'"));
        Assert.Equal(1L, await ScalarAsync(database, "SELECT COUNT(*) FROM \"AuditEvents\" WHERE \"ActorName\" = 'cli' AND \"Action\" = 'ShishinUser.created'"));
    }

    [Fact]
    public async Task AdminCreate_NoPasswordOnStandardInput_ExitsWith2()
    {
        await using var database = TestDatabase.Create(provider);

        var (exit, _, error) = await CliRun.RunAsync(database, "", "admin", "create", "--email", "x@example.jp");

        Assert.Equal(2, exit);
        Assert.Contains("standard input", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminCreate_ShortPassword_ExitsWith1AndSaysWhy()
    {
        await using var database = TestDatabase.Create(provider);

        var (exit, _, error) = await CliRun.RunAsync(database, "short\n", "admin", "create", "--email", "y@example.jp");

        Assert.Equal(1, exit);
        Assert.Contains("PasswordTooShort", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbMigrate_EmptyDatabase_CreatesSchemaAndSeed()
    {
        await using var database = TestDatabase.Create(provider);

        var (exit, output, error) = await CliRun.RunAsync(database, "", "db", "migrate");

        Assert.True(exit == 0, error);
        Assert.Contains("up to date", output, StringComparison.Ordinal);
        Assert.Equal(93L, await ScalarAsync(database, "SELECT COUNT(*) FROM \"Organizations\""));
    }

    [Fact]
    public async Task UnknownCommand_ExitsNonZero()
    {
        await using var database = TestDatabase.Create(provider);

        var (exit, _, _) = await CliRun.RunAsync(database, "", "no-such-command");

        Assert.NotEqual(0, exit);
    }

    private static async Task<long> ScalarAsync(TestDatabase database, string sql)
    {
        if (database.Provider == TestProvider.Sqlite)
        {
            await using var sqlite = new SqliteConnection(database.ConnectionString);
            await sqlite.OpenAsync();
            await using var command = sqlite.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        await using var postgres = new NpgsqlConnection(database.ConnectionString);
        await postgres.OpenAsync();
        await using var pgCommand = new NpgsqlCommand(sql, postgres);
        return Convert.ToInt64(await pgCommand.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class AdminCommandTests_Sqlite() : AdminCommandTests(TestProvider.Sqlite);

public sealed class AdminCommandTests_Postgres() : AdminCommandTests(TestProvider.Postgres)
{
    [Fact]
    public async Task DbMigrate_AsTheOwnerNamingTheApplicationRole_GrantsItDataAccessButNotTheAuditLog()
    {
        // Arrange: the release step knows only the owner's connection and the application role's name
        await using var database = TestDatabase.Create(TestProvider.Postgres);
        var role = database.ApplicationRole ?? throw new InvalidOperationException(
            "SHISHIN_TEST_POSTGRES_APP is not set. Run the tests with scripts/test.sh, which creates an owner and an application role.");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["Database:ApplicationRole"] = role };

        // Act
        var exit = await CliApp.RunAsync(["db", "migrate", "--connection", database.OwnerConnectionString], new StringReader(""), output, error, settings);

        // Assert: the application reads and writes data, and cannot empty the audit log
        Assert.True(exit == 0, error.ToString());
        await using var app = new NpgsqlConnection(database.ConnectionString);
        await app.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM \"Organizations\"", app);
        Assert.Equal(93L, (long)(await count.ExecuteScalarAsync())!);
        await using var delete = new NpgsqlCommand("DELETE FROM \"AuditEvents\"", app);
        Assert.Equal("42501", (await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync())).SqlState);
    }

    [Fact]
    public async Task DbMigrate_ApplicationRoleIsTheOwner_FailsAndSaysWhy()
    {
        // Arrange
        await using var database = TestDatabase.Create(TestProvider.Postgres);
        var owner = new NpgsqlConnectionStringBuilder(database.OwnerConnectionString).Username!;
        using var output = new StringWriter();
        using var error = new StringWriter();
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["Database:ApplicationRole"] = owner };

        // Act
        var exit = await CliApp.RunAsync(["db", "migrate", "--connection", database.OwnerConnectionString], new StringReader(""), output, error, settings);

        // Assert
        Assert.NotEqual(0, exit);
        Assert.Contains($"Database:ApplicationRole names '{owner}', the role that owns the tables", error.ToString(), StringComparison.Ordinal);
    }
}
