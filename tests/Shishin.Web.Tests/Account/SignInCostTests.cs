using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Identity;
using Shishin.Tests;

namespace Shishin.Web.Tests.Account;

/// <summary>
/// Every failed sign-in costs one password hash, whether the account exists, is locked or is deactivated, so response
/// times do not say which accounts exist. The latency figures are in docs/benchmarks.md (bench/signin-timing).
/// </summary>
public abstract class SignInCostTests(HasherCountingFactory app)
{
    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}@example.jp";

    private async Task<int> HashesForAsync(string email, string password)
    {
        var client = app.NewClient();
        var token = await client.AntiforgeryTokenAsync("/account/sign-in");
        var before = app.Hasher.Verifications;
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return app.Hasher.Verifications - before;
    }

    [Fact]
    public async Task FailedSignIn_EveryKindOfAccount_VerifiesExactlyOneHash()
    {
        var known = Unique("known");
        var locked = Unique("locked");
        var deactivated = Unique("deactivated");
        await app.CreateUserAsync(known, [Roles.Reviewer]);
        var (lockedUser, _) = await app.CreateUserAsync(locked, [Roles.Reviewer]);
        await app.CreateUserAsync(deactivated, [Roles.Reviewer], active: false);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ShishinUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(lockedUser.Id.ToString()))!, DateTimeOffset.UtcNow.AddHours(1));
        }

        Assert.Equal(1, await HashesForAsync(Unique("nobody"), "a wrong password of some length"));
        Assert.Equal(1, await HashesForAsync(known, "a wrong password of some length"));
        Assert.Equal(1, await HashesForAsync(locked, ShishinAppFactory.Password));
        Assert.Equal(1, await HashesForAsync(deactivated, ShishinAppFactory.Password));
    }
}

/// <summary>Identity's real hasher, counting its verifications.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<ShishinUser>
{
    private readonly PasswordHasher<ShishinUser> inner = new();
    private int verifications;

    public int Verifications => Volatile.Read(ref verifications);

    public string HashPassword(ShishinUser user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(ShishinUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref verifications);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public class HasherCountingFactory(TestProvider provider) : ShishinAppFactory(provider)
{
    public CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureMore(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<ShishinUser>>(Hasher));
}

public sealed class SqliteHasherCountingFactory() : HasherCountingFactory(TestProvider.Sqlite);

public sealed class PostgresHasherCountingFactory() : HasherCountingFactory(TestProvider.Postgres);

public sealed class SignInCostTests_Sqlite(SqliteHasherCountingFactory app) : SignInCostTests(app), IClassFixture<SqliteHasherCountingFactory>;

public sealed class SignInCostTests_Postgres(PostgresHasherCountingFactory app) : SignInCostTests(app), IClassFixture<PostgresHasherCountingFactory>;
