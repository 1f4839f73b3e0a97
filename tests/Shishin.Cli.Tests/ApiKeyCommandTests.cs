using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core;
using Shishin.Core.ApiKeys;
using Shishin.Core.Jobs;
using Shishin.Tests;

namespace Shishin.Cli.Tests;

public abstract class ApiKeyCommandTests(TestProvider provider)
{
    [Fact]
    public async Task ApiKeyCreate_KnownUser_PrintsOnlyAKeyThatAuthenticatesAsThatUser()
    {
        await using var database = TestDatabase.Create(provider);
        await CliRun.CreateAdminAsync(database, "robot@example.jp");

        var (exit, output, error) = await CliRun.RunAsync(database, "", "apikey", "create", "--email", "robot@example.jp", "--name", "nightly import", "--expires", "7", "--scope", "write");

        Assert.True(exit == 0, error);
        Assert.Matches("^shk_[A-Za-z0-9_-]{43}\n$", output.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Contains("Database:", error, StringComparison.Ordinal);
        await using var services = CoreServices(database);
        await using var scope = services.CreateAsyncScope();
        var check = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().AuthenticateAsync(output.Trim());
        Assert.True(check.Succeeded, check.Failure);
        Assert.Equal("robot@example.jp", check.User!.Email);
        Assert.Equal("nightly import", check.Key!.Name);
        Assert.Equal("read write", check.Key.Scopes);
        Assert.InRange((check.Key.ExpiresAt - check.Key.CreatedAt).TotalDays, 7, 7);
    }

    [Fact]
    public async Task ApiKeyCreate_DefaultScopeAndExpiry_ReadsFor90Days()
    {
        await using var database = TestDatabase.Create(provider);
        await CliRun.CreateAdminAsync(database, "reader@example.jp");

        var (exit, output, error) = await CliRun.RunAsync(database, "", "apikey", "create", "--email", "reader@example.jp", "--name", "dashboard");

        Assert.True(exit == 0, error);
        await using var services = CoreServices(database);
        await using var scope = services.CreateAsyncScope();
        var check = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().AuthenticateAsync(output.Trim());
        Assert.Equal("read", check.Key!.Scopes);
        Assert.InRange((check.Key.ExpiresAt - check.Key.CreatedAt).TotalDays, 90, 90);
    }

    [Fact]
    public async Task ApiKeyCreate_UnknownEmail_ExitsWith1AndPrintsNoKey()
    {
        await using var database = TestDatabase.Create(provider);

        var (exit, output, error) = await CliRun.RunAsync(database, "", "apikey", "create", "--email", "nobody@example.jp", "--name", "x");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("nobody@example.jp", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--expires", "0")]
    [InlineData("--expires", "366")]
    [InlineData("--expires", "soon")]
    [InlineData("--scope", "admin")]
    [InlineData("--name", "")]
    [InlineData("--name", "   ")]
    [InlineData("--name", "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789x")]
    public async Task ApiKeyCreate_BadValue_ExitsWith2AndPrintsNoKey(string option, string value)
    {
        await using var database = TestDatabase.Create(provider);
        var args = new List<string> { "apikey", "create", "--email", "someone@example.jp" };
        if (option != "--name")
        {
            args.AddRange(["--name", "k"]);
        }

        args.AddRange([option, value]);

        var (exit, output, _) = await CliRun.RunAsync(database, "", [.. args]);

        Assert.Equal(2, exit);
        // A parse error prints the command's help on standard output, never a key.
        Assert.DoesNotContain("shk_", output, StringComparison.Ordinal);
    }

    private static ServiceProvider CoreServices(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
        services.AddShishinCore(configuration);
        services.AddShishinJobs(configuration, JobsHost.Command);
        return services.BuildServiceProvider();
    }
}

public sealed class ApiKeyCommandTests_Sqlite() : ApiKeyCommandTests(TestProvider.Sqlite);

public sealed class ApiKeyCommandTests_Postgres() : ApiKeyCommandTests(TestProvider.Postgres);
