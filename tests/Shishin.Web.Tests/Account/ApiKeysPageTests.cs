using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.ApiKeys;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Tests;

namespace Shishin.Web.Tests.Account;

/// <summary>/account/api-keys: a signed-in user's own keys.</summary>
public abstract partial class ApiKeysPageTests(ShishinAppFactory app)
{
    private const string Page = "/account/api-keys";

    [Fact]
    public async Task Create_ValidForm_ShowsTheKeyOnceStoresItsHashAndTheKeyWorks()
    {
        var (user, client) = await SignedInAsync();

        using var response = await client.PostFormAsync(Page, new()
        {
            ["Input.Name"] = "Monitoring",
            ["Input.ExpiresInDays"] = "10",
            ["Input.Scopes"] = "write",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        var key = KeyPattern().Match(html).Value;
        Assert.Matches("^shk_[A-Za-z0-9_-]{43}$", key);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().ApiKeys.AsNoTracking().SingleAsync(k => k.UserId == user.Id);
            Assert.Equal(ApiKeyService.Hash(key), row.Hash);
            Assert.Equal(key[..12], row.Prefix);
            Assert.Equal("read write", row.Scopes);
            Assert.Equal(10, (row.ExpiresAt - row.CreatedAt).TotalDays, 3);
        }

        var again = await client.GetStringAsync(Page);
        Assert.DoesNotContain(key, again, StringComparison.Ordinal);
        Assert.Contains(key[..12], again, StringComparison.Ordinal);
        Assert.Contains("Monitoring", again, StringComparison.Ordinal);

        using var api = app.NewClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/organizations")).StatusCode);
    }

    [Theory]
    [InlineData("", "90", "read", "キーの名前を入力してください。")]
    [InlineData("name", "0", "read", "1から365までの日数を入力してください。")]
    [InlineData("name", "366", "read", "1から365までの日数を入力してください。")]
    [InlineData("name", "", "read", "キーの有効日数を入力してください。")]
    [InlineData("name", "90", "", "キーでできることを選んでください。")]
    [InlineData("name", "90", "admin", "キーでできることを選んでください。")]
    public async Task Create_BadInput_ShowsTheFieldMessageAndCreatesNothing(string name, string days, string scope, string message)
    {
        var (user, client) = await SignedInAsync();
        var form = new Dictionary<string, string> { ["Input.Name"] = name, ["Input.ExpiresInDays"] = days };
        if (scope.Length > 0)
        {
            form["Input.Scopes"] = scope;
        }

        using var response = await client.PostFormAsync(Page, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var services = app.Services.CreateAsyncScope();
        Assert.False(await services.ServiceProvider.GetRequiredService<ShishinDbContext>().ApiKeys.AnyAsync(k => k.UserId == user.Id));
    }

    [Fact]
    public async Task Revoke_OwnKey_TheKeyStopsWorking()
    {
        var (user, client) = await SignedInAsync();
        var key = await KeyOfAsync(user);

        using var response = await client.PostFormAsync($"{Page}?handler=Revoke&id={key.Key.Id}", [], Page);
        using var api = app.NewClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.PlainText);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/organizations")).StatusCode);
    }

    [Fact]
    public async Task Revoke_SomeoneElsesKey_NotFoundAndTheKeyStillWorks()
    {
        var (_, client) = await SignedInAsync();
        var (other, _) = await app.CreateUserAsync($"other-{Guid.NewGuid():N}@example.jp", [Roles.Reviewer]);
        var key = await KeyOfAsync(other);

        using var response = await client.PostFormAsync($"{Page}?handler=Revoke&id={key.Key.Id}", [], Page);
        using var api = app.NewClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.PlainText);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/organizations")).StatusCode);
    }

    [Fact]
    public async Task Index_MyAccount_LinksToTheApiKeys()
    {
        var (_, client) = await SignedInAsync();

        var html = await client.GetStringAsync("/account/manage");

        Assert.Contains($"href=\"{Page}\"", html, StringComparison.Ordinal);
    }

    private async Task<(ShishinUser User, HttpClient Client)> SignedInAsync()
    {
        var email = $"keys-{Guid.NewGuid():N}@example.jp";
        var (user, _) = await app.CreateUserAsync(email, [Roles.ServiceOwner]);
        return (user, await app.SignInAsync(email));
    }

    private async Task<NewApiKey> KeyOfAsync(ShishinUser user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(user, "page test", 30, [ApiKeyScopes.Read]);
    }

    [GeneratedRegex("shk_[A-Za-z0-9_-]{43}")]
    private static partial Regex KeyPattern();
}

public sealed class ApiKeysPageTests_Sqlite(SqliteAppFactory app) : ApiKeysPageTests(app), IClassFixture<SqliteAppFactory>;

public sealed class ApiKeysPageTests_Postgres(PostgresAppFactory app) : ApiKeysPageTests(app), IClassFixture<PostgresAppFactory>;
