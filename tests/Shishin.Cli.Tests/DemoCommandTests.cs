using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Core.Jobs;
using Shishin.Core.Services;
using Shishin.Tests;

namespace Shishin.Cli.Tests;

/// <summary><c>shishin demo seed|remove</c>: exit codes, the one-time passwords, and the configuration it reads.</summary>
public abstract class DemoCommandTests(TestProvider provider)
{
    private static async Task<(int Exit, string Output, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await CliApp.RunAsync(args, new StringReader(""), output, error, database.Settings);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Shishin.Core on the test's database, to look at what the command did.</summary>
    private static ServiceProvider Open(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
        services.AddShishinCore(configuration);
        services.AddShishinJobs(configuration, JobsHost.Command);
        return services.BuildServiceProvider();
    }

    private static async Task<int> DemoServicesAsync(TestDatabase database)
    {
        await using var services = Open(database);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().Services.CountAsync(s => s.IsDemo);
    }

    [Fact]
    public async Task DemoSeed_EmptyDatabase_PrintsTheCountsAndEachDemoUsersWorkingPasswordOnce()
    {
        await using var database = TestDatabase.Create(provider);

        var (exit, output, error) = await RunAsync(database, "demo", "seed");

        Assert.True(exit == 0, error);
        Assert.Contains("public) of 14 bureaus and 11 municipalities", output, StringComparison.Ordinal);
        var accounts = output.Split('\n').Select(l => l.Trim().Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(p => p.Length == 3 && p[0].EndsWith("@demo.shishin.example", StringComparison.Ordinal)).ToList();
        Assert.Equal(Roles.All.ToHashSet(), accounts.Select(a => a[1]).ToHashSet());
        await using var services = Open(database);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ShishinUser>>();
        foreach (var account in accounts)
        {
            Assert.Single(output.Split(account[2]).Skip(1));
            Assert.DoesNotContain(account[2], error, StringComparison.Ordinal);
            Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync(account[0]))!, account[2]), account[0]);
        }
    }

    [Fact]
    public async Task DemoSeed_RealServicePresent_ExitsWith1WithoutForceAnd0WithForce()
    {
        // Arrange: an instance with a service of its own
        await using var database = TestDatabase.Create(provider);
        Assert.Equal(0, (await RunAsync(database, "db", "migrate")).Exit);
        await using (var services = Open(database))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            var owner = await db.Organizations.SingleAsync(o => o.Key == "chiyoda");
            db.Services.Add(new Service { Key = "real-service", NameJa = "本物", NameEn = "Real", OwnerOrganizationId = owner.Id });
            await db.SaveChangesAsync();
        }

        // Act
        var refused = await RunAsync(database, "demo", "seed");
        var forced = await RunAsync(database, "demo", "seed", "--force");

        // Assert
        Assert.Equal(1, refused.Exit);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("demo.shishin.example", refused.Output, StringComparison.Ordinal);
        Assert.True(forced.Exit == 0, forced.Error);
    }

    [Fact]
    public async Task DemoSeedThenSeedThenRemove_SecondSeedRefusesAndRemoveEmptiesTheDemoData()
    {
        await using var database = TestDatabase.Create(provider);
        Assert.Equal(0, (await RunAsync(database, "demo", "seed")).Exit);

        var again = await RunAsync(database, "demo", "seed");
        var removed = await RunAsync(database, "demo", "remove");
        var removedAgain = await RunAsync(database, "demo", "remove");

        Assert.Equal(1, again.Exit);
        Assert.Contains("Demo data already present", again.Error, StringComparison.Ordinal);
        Assert.True(removed.Exit == 0, removed.Error);
        Assert.StartsWith("Removed the demo data: 38 services", removed.Output, StringComparison.Ordinal);
        Assert.Equal(0, removedAgain.Exit);
        Assert.Contains("no demo data", removedAgain.Output, StringComparison.Ordinal);
        Assert.Equal(0, await DemoServicesAsync(database));
    }

    [Fact]
    public async Task DemoSeed_DatabaseNamedOnlyByEnvironmentVariables_SeedsThatDatabase()
    {
        // Arrange: the command as an operator runs it, in its own process, configured like the web app through
        // Database__Provider and ConnectionStrings__Shishin, with the default data directory pointing somewhere else
        await using var database = TestDatabase.Create(provider);
        var scratch = Directory.CreateTempSubdirectory("shishin-cli-demo-").FullName;
        try
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = scratch,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[] { CliBuildOutput(), "demo", "seed" })
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var (key, value) in database.Settings)
            {
                start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }

            start.Environment["Shishin__DataDirectory"] = Path.Combine(scratch, "unused");

            // Act
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            // Assert
            Assert.True(process.ExitCode == 0, await output + await error);
            Assert.Equal(38, await DemoServicesAsync(database));
            Assert.False(Directory.Exists(Path.Combine(scratch, "unused")));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>The CLI's own build output: the copy in the tests' folder takes ASP.NET Core from the shared framework and cannot run alone.</summary>
    private static string CliBuildOutput()
    {
        var testsFolder = Path.Combine("tests", "Shishin.Cli.Tests") + Path.DirectorySeparatorChar;
        var path = Path.Combine(AppContext.BaseDirectory.Replace(testsFolder, Path.Combine("src", "Shishin.Cli") + Path.DirectorySeparatorChar, StringComparison.Ordinal), "shishin.dll");
        Assert.True(File.Exists(path), $"The CLI is not built at {path}.");
        return path;
    }
}

public sealed class DemoCommandTests_Sqlite() : DemoCommandTests(TestProvider.Sqlite);

public sealed class DemoCommandTests_Postgres() : DemoCommandTests(TestProvider.Postgres);
