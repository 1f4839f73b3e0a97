using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.ApiKeys;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Tests;

namespace Shishin.Core.Tests.ApiKeys;

/// <summary>API keys on a real database of each provider; time is a manual clock so expiry and last-used are exact.</summary>
public abstract class ApiKeyServiceTests(CoreFixture fixture)
{
    private static readonly DateTimeOffset Start = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CreateAsync_NewKey_ReturnsItOnceAndStoresOnlyPrefixAndHash()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var user = await NewUserAsync(scope);

        var created = await Service(scope, new ManualClock(Start)).CreateAsync(user, " CI pipeline ", 30, [ApiKeyScopes.Read]);

        Assert.Matches("^shk_[A-Za-z0-9_-]{43}$", created.PlainText);
        var row = await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().ApiKeys.AsNoTracking().SingleAsync(k => k.Id == created.Key.Id);
        Assert.Equal(created.PlainText[..12], row.Prefix);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(created.PlainText))), row.Hash);
        Assert.DoesNotContain(created.PlainText[12..], row.Hash + row.Prefix + row.Name + row.Scopes, StringComparison.Ordinal);
        Assert.Equal("CI pipeline", row.Name);
        Assert.Equal("read", row.Scopes);
        Assert.Equal(Start.UtcDateTime.AddDays(30), row.ExpiresAt);
        Assert.Null(row.LastUsedAt);
    }

    [Fact]
    public async Task CreateAsync_WriteScope_AlsoReads()
    {
        await using var scope = fixture.Services.CreateAsyncScope();

        var created = await Service(scope, new ManualClock(Start)).CreateAsync(await NewUserAsync(scope), "writer", 1, [ApiKeyScopes.Write]);

        Assert.Equal("read write", created.Key.Scopes);
    }

    [Theory]
    [InlineData("", 90, "read")]
    [InlineData("name", 0, "read")]
    [InlineData("name", 366, "read")]
    [InlineData("name", 90, "admin")]
    [InlineData("name", 90, null)]
    public async Task CreateAsync_InvalidInput_ThrowsAndStoresNothing(string name, int days, string? scope)
    {
        await using var scope2 = fixture.Services.CreateAsyncScope();
        var user = await NewUserAsync(scope2);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Service(scope2, new ManualClock(Start)).CreateAsync(user, name, days, scope is null ? [] : [scope]));

        Assert.False(await scope2.ServiceProvider.GetRequiredService<ShishinDbContext>().ApiKeys.AnyAsync(k => k.UserId == user.Id));
    }

    [Fact]
    public async Task CreateAsync_NameOver100Characters_Throws()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var user = await NewUserAsync(scope);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Service(scope, new ManualClock(Start)).CreateAsync(user, new string('x', 101), 90, [ApiKeyScopes.Read]));
    }

    [Fact]
    public async Task AuthenticateAsync_ValidKey_ReturnsItsUserAndWritesLastUsedAtMostOnceAMinute()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var user = await NewUserAsync(scope);
        var clock = new ManualClock(Start);
        var keys = Service(scope, clock);
        var created = await keys.CreateAsync(user, "k", 90, [ApiKeyScopes.Read]);

        clock.Now = Start.AddMinutes(5);
        var first = await keys.AuthenticateAsync(created.PlainText);
        clock.Now = Start.AddMinutes(5).AddSeconds(59);
        var second = await keys.AuthenticateAsync(created.PlainText);
        var afterSecond = await LastUsedAsync(scope, created.Key.Id);
        clock.Now = Start.AddMinutes(6);
        var third = await keys.AuthenticateAsync(created.PlainText);

        Assert.True(first.Succeeded);
        Assert.Equal(user.Id, first.User!.Id);
        Assert.Equal([true, false, true], new[] { first.Touched, second.Touched, third.Touched });
        Assert.True(second.Succeeded);
        Assert.Equal(Start.UtcDateTime.AddMinutes(5), afterSecond);
        Assert.Equal(Start.UtcDateTime.AddMinutes(6), await LastUsedAsync(scope, created.Key.Id));
    }

    [Fact]
    public async Task AuthenticateAsync_AtOrAfterExpiry_FailsAsExpired()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var clock = new ManualClock(Start);
        var keys = Service(scope, clock);
        var created = await keys.CreateAsync(await NewUserAsync(scope), "k", 1, [ApiKeyScopes.Read]);

        clock.Now = Start.AddDays(1).AddSeconds(-1);
        var before = await keys.AuthenticateAsync(created.PlainText);
        clock.Now = Start.AddDays(1);
        var at = await keys.AuthenticateAsync(created.PlainText);

        Assert.True(before.Succeeded);
        Assert.Equal(ApiKeyCheck.Expired, at.Failure);
        Assert.Null(at.User);
    }

    [Fact]
    public async Task AuthenticateAsync_RevokedKey_FailsAsRevoked()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var user = await NewUserAsync(scope);
        var keys = Service(scope, new ManualClock(Start));
        var created = await keys.CreateAsync(user, "k", 90, [ApiKeyScopes.Read]);

        Assert.True(await keys.RevokeAsync(created.Key.Id, user.Id, actorIsAdmin: false));
        var check = await keys.AuthenticateAsync(created.PlainText);

        Assert.Equal(ApiKeyCheck.Revoked, check.Failure);
        Assert.Null(check.User);
    }

    [Fact]
    public async Task AuthenticateAsync_DeactivatedUser_FailsAsInactive()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var user = await NewUserAsync(scope);
        var keys = Service(scope, new ManualClock(Start));
        var created = await keys.CreateAsync(user, "k", 90, [ApiKeyScopes.Read]);
        var accounts = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();
        Assert.True((await accounts.SetActiveAsync((await accounts.FindAsync(user.Id))!, false)).Succeeded);

        var check = await keys.AuthenticateAsync(created.PlainText);

        Assert.Equal(ApiKeyCheck.Inactive, check.Failure);
        Assert.Null(check.User);
    }

    [Theory]
    [InlineData(null, ApiKeyCheck.Malformed)]
    [InlineData("", ApiKeyCheck.Malformed)]
    [InlineData("shk_tooshort", ApiKeyCheck.Malformed)]
    [InlineData("xyz_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", ApiKeyCheck.Malformed)]
    [InlineData("shk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", ApiKeyCheck.Unknown)]
    public async Task AuthenticateAsync_NotAKey_Fails(string? presented, string failure)
    {
        await using var scope = fixture.Services.CreateAsyncScope();

        var check = await Service(scope, new ManualClock(Start)).AuthenticateAsync(presented);

        Assert.Equal(failure, check.Failure);
        Assert.False(check.Succeeded);
    }

    [Fact]
    public async Task RevokeAsync_AnotherUsersKey_OnlyAnAdministratorMay()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var owner = await NewUserAsync(scope);
        var other = await NewUserAsync(scope);
        var keys = Service(scope, new ManualClock(Start));
        var created = await keys.CreateAsync(owner, "k", 90, [ApiKeyScopes.Read]);

        var byOther = await keys.RevokeAsync(created.Key.Id, other.Id, actorIsAdmin: false);
        var stillWorks = (await keys.AuthenticateAsync(created.PlainText)).Succeeded;
        var byAdmin = await keys.RevokeAsync(created.Key.Id, other.Id, actorIsAdmin: true);
        var unknown = await keys.RevokeAsync(Guid.NewGuid(), other.Id, actorIsAdmin: true);

        Assert.False(byOther);
        Assert.True(stillWorks);
        Assert.True(byAdmin);
        Assert.False(unknown);
        Assert.Equal(ApiKeyCheck.Revoked, (await keys.AuthenticateAsync(created.PlainText)).Failure);
    }

    [Fact]
    public async Task ListAsync_TwoUsers_ListsOnlyTheUsersOwnKeysNewestFirst()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var user = await NewUserAsync(scope);
        var clock = new ManualClock(Start);
        var keys = Service(scope, clock);
        await keys.CreateAsync(user, "older", 90, [ApiKeyScopes.Read]);
        clock.Now = Start.AddHours(1);
        await keys.CreateAsync(user, "newer", 90, [ApiKeyScopes.Write]);
        await keys.CreateAsync(await NewUserAsync(scope), "someone else's", 90, [ApiKeyScopes.Read]);

        var listed = await keys.ListAsync(user.Id);

        Assert.Equal(["newer", "older"], listed.Select(k => k.Name));
    }

    private static ApiKeyService Service(AsyncServiceScope scope, TimeProvider clock) =>
        new(scope.ServiceProvider.GetRequiredService<ShishinDbContext>(), clock);

    private static async Task<DateTime?> LastUsedAsync(AsyncServiceScope scope, Guid id) =>
        await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().ApiKeys.AsNoTracking().Where(k => k.Id == id).Select(k => k.LastUsedAt).SingleAsync();

    private static async Task<ShishinUser> NewUserAsync(AsyncServiceScope scope)
    {
        var email = $"key-{Guid.NewGuid():N}@example.jp";
        var result = await scope.ServiceProvider.GetRequiredService<UserAdministrationService>()
            .CreateWithPasswordAsync(email, "Key holder", "correct horse battery staple", [Roles.Reviewer]);
        Assert.True(result.Succeeded);
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ShishinUser>>().FindByEmailAsync(email))!;
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}

public sealed class ApiKeyServiceTests_Sqlite(SqliteCoreFixture fixture) : ApiKeyServiceTests(fixture), IClassFixture<SqliteCoreFixture>;

public sealed class ApiKeyServiceTests_Postgres(PostgresCoreFixture fixture) : ApiKeyServiceTests(fixture), IClassFixture<PostgresCoreFixture>;
