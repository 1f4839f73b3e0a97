using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Shishin.Core.Data;
using Shishin.Tests;

namespace Shishin.Cli.Tests;

/// <summary>Which database the commands open, how they say so, and that only they offer the database options.</summary>
public abstract class CliDatabaseTests(TestProvider provider)
{
    private static async Task<(int Exit, string Output, string Error)> RunAsync(IDictionary<string, string?> settings, params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await CliApp.RunAsync(args, new StringReader(""), output, error, settings);
        return (exit, output.ToString(), error.ToString());
    }

    protected static string FirstLine(string text) => text.Split('\n')[0].TrimEnd('\r');

    private static string Expected(TestDatabase database) => database.Provider == TestProvider.Sqlite
        ? $"Database: SQLite {new SqliteConnectionStringBuilder(database.ConnectionString).DataSource}"
        : $"Database: PostgreSQL database {new NpgsqlConnectionStringBuilder(database.ConnectionString).Database} on ";

    [Fact]
    public async Task DbMigrate_AnyDatabase_NamesItOnTheFirstLineOfStandardError()
    {
        await using var database = TestDatabase.Create(provider);

        var (exit, _, error) = await RunAsync(database.Settings, "db", "migrate");

        Assert.True(exit == 0, error);
        Assert.StartsWith(Expected(database), FirstLine(error), StringComparison.Ordinal);
        Assert.DoesNotContain("Password", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CatalogExportJson_AnyDatabase_NamesItOnStandardErrorAndKeepsStandardOutputJson()
    {
        await using var database = TestDatabase.Create(provider);

        var (exit, output, error) = await RunAsync(database.Settings, "catalog", "export", "--format", "json");

        Assert.True(exit == 0, error);
        Assert.StartsWith(Expected(database), FirstLine(error), StringComparison.Ordinal);
        using var document = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
    }

    [Fact]
    public async Task AdminCreate_ConnectionOptionAfterTheCommand_UsesThatDatabase()
    {
        await using var database = TestDatabase.Create(provider);
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = provider.ToString() };
        foreach (var (key, value) in database.Settings.Where(s => s.Key != "ConnectionStrings:Shishin"))
        {
            settings[key] = value;
        }

        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await CliApp.RunAsync(
            ["admin", "create", "--email", "option-admin@example.jp", "--connection", database.ConnectionString],
            new StringReader("a long enough password\n"), output, error, settings);

        Assert.True(exit == 0, error.ToString());
        Assert.StartsWith(Expected(database), FirstLine(error.ToString()), StringComparison.Ordinal);
    }
}

public sealed class CliDatabaseTests_Sqlite() : CliDatabaseTests(TestProvider.Sqlite)
{
    /// <summary>
    /// The CLI's own build output (built with this project): the copy in the tests' folder cannot run on its own,
    /// because the tests take the ASP.NET Core framework's assemblies from the shared framework instead.
    /// </summary>
    private static string CliBuildOutput()
    {
        var testsFolder = Path.Combine("tests", "Shishin.Cli.Tests") + Path.DirectorySeparatorChar;
        var path = Path.Combine(AppContext.BaseDirectory.Replace(testsFolder, Path.Combine("src", "Shishin.Cli") + Path.DirectorySeparatorChar, StringComparison.Ordinal), "shishin.dll");
        Assert.True(File.Exists(path), $"The CLI is not built at {path}.");
        return path;
    }

    [Fact]
    public async Task AdminCreate_FromAnotherWorkingDirectory_WritesToShishinDbInTheDataDirectoryTheWebAppResolves()
    {
        // Arrange: the command as a person runs it, in its own process, started from a folder that is not the data directory
        var scratch = Directory.CreateTempSubdirectory("shishin-cli-datadir-").FullName;
        try
        {
            var dataDirectory = Path.Combine(scratch, "data");
            var elsewhere = Directory.CreateDirectory(Path.Combine(scratch, "elsewhere")).FullName;
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = elsewhere,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[] { CliBuildOutput(), "admin", "create", "--email", "first@example.jp" })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment.Remove("ConnectionStrings__Shishin");
            start.Environment.Remove("Database__Provider");
            start.Environment["Shishin__DataDirectory"] = dataDirectory;

            // Act
            using var process = Process.Start(start)!;
            await process.StandardInput.WriteLineAsync("a long enough password");
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            // Assert: the file the web app opens with the same setting (DataDirectory's default) holds the new administrator
            Assert.True(process.ExitCode == 0, await output + await error);
            var webAppDatabase = new SqliteConnectionStringBuilder(DataDirectory.DefaultSqliteConnectionString(
                new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [DataDirectory.ConfigurationKey] = dataDirectory }).Build())).DataSource;
            Assert.Equal(Path.Combine(dataDirectory, "shishin.db"), webAppDatabase);
            Assert.Equal($"Database: SQLite {webAppDatabase}", FirstLine(await error));
            Assert.Empty(Directory.GetFileSystemEntries(elsewhere));
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = webAppDatabase, Pooling = false }.ToString());
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM \"AspNetUsers\" WHERE \"Email\" = 'first@example.jp'";
            Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(scratch, recursive: true);
        }
    }
    [Fact]
    public async Task DbMigrate_WorkingDirectoryWithAppsettings_OpensTheDatabaseItsEnvironmentFileNames()
    {
        // Arrange: a deployment folder as the web app reads it: appsettings.json, overridden by appsettings.Staging.json
        var scratch = Directory.CreateTempSubdirectory("shishin-cli-appsettings-").FullName;
        try
        {
            var baseDatabase = Path.Combine(scratch, "base.db");
            var stagingDatabase = Path.Combine(scratch, "staging.db");
            await File.WriteAllTextAsync(Path.Combine(scratch, "appsettings.json"), JsonSerializer.Serialize(new
            {
                Database = new { Provider = "Sqlite" },
                ConnectionStrings = new { Shishin = $"Data Source={baseDatabase}" },
            }));
            await File.WriteAllTextAsync(Path.Combine(scratch, "appsettings.Staging.json"), JsonSerializer.Serialize(new
            {
                ConnectionStrings = new { Shishin = $"Data Source={stagingDatabase}" },
            }));
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = scratch,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add(CliBuildOutput());
            start.ArgumentList.Add("db");
            start.ArgumentList.Add("migrate");
            start.Environment.Remove("ConnectionStrings__Shishin");
            start.Environment.Remove("Database__Provider");
            start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
            start.Environment["DOTNET_ENVIRONMENT"] = "Staging";

            // Act
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            // Assert: the environment's file wins over the base file, as in the web app
            Assert.True(process.ExitCode == 0, await output + await error);
            Assert.Equal($"Database: SQLite {stagingDatabase}", FirstLine(await error));
            Assert.True(File.Exists(stagingDatabase));
            Assert.False(File.Exists(baseDatabase));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(scratch, recursive: true);
        }
    }
}

public sealed class CliDatabaseTests_Postgres() : CliDatabaseTests(TestProvider.Postgres);

/// <summary>The database options belong to the commands that open a database, not to the whole command line.</summary>
public sealed class CliDatabaseOptionsTests
{
    private static async Task<string> HelpAsync(params string[] command)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await CliApp.RunAsync([.. command, "--help"], new StringReader(""), output, error);
        Assert.True(exit == 0, error.ToString());
        return output.ToString();
    }

    [Fact]
    public async Task ScanHelp_OffersNoDatabaseOptions()
    {
        var help = await HelpAsync("scan");

        Assert.Contains("--max-pages", help, StringComparison.Ordinal);
        Assert.DoesNotContain("--provider", help, StringComparison.Ordinal);
        Assert.DoesNotContain("--connection", help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("db migrate")]
    [InlineData("admin create")]
    [InlineData("catalog export")]
    [InlineData("catalog import")]
    public async Task DatabaseCommandHelp_OffersProviderAndConnection(string command)
    {
        var help = await HelpAsync(command.Split(' '));

        Assert.Contains("--provider", help, StringComparison.Ordinal);
        Assert.Contains("--connection", help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("catalog validate")]
    [InlineData("db")]
    [InlineData("")]
    public async Task CommandsWithoutADatabaseHelp_OfferNoDatabaseOptions(string command)
    {
        var help = await HelpAsync(command.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.DoesNotContain("--provider", help, StringComparison.Ordinal);
        Assert.DoesNotContain("--connection", help, StringComparison.Ordinal);
    }
}
