using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.ApiKeys;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Tests;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Tests.Infrastructure;

/// <summary>Limits on (API key failures among them), so that the throttle is real; each test uses its own client address.</summary>
public class ApiKeyAppFactory(TestProvider provider) : ShishinAppFactory(provider)
{
    public const int KeyFailures = 3;

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseSetting("RateLimiting:Enabled", "true");
        builder.UseSetting("RateLimiting:ApiKeyFailures:PermitLimit", KeyFailures.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimiting:ApiKeyFailures:Window", "00:30:00");
    }
}

public sealed class SqliteApiKeyAppFactory() : ApiKeyAppFactory(TestProvider.Sqlite);

public sealed class PostgresApiKeyAppFactory() : ApiKeyAppFactory(TestProvider.Postgres);

/// <summary><c>Authorization: Bearer</c> with an API key on /api/v1, through the real host and database.</summary>
public abstract class ApiKeyAuthenticationTests(ApiKeyAppFactory app)
{
    private static int nextAddress;

    [Fact]
    public async Task Bearer_ValidKey_AnswersAndIsAuditedAsTheUserWithTheKeyNamed()
    {
        var (user, key) = await UserWithKeyAsync([ApiKeyScopes.Read]);

        using var response = await Client(key.PlainText).GetAsync("/api/v1/organizations");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = await KeyRowAsync(key.Key.Id);
        Assert.NotNull(row.LastUsedAt);
        await using var scope = app.Services.CreateAsyncScope();
        var used = await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Action == ApiKeyAuthenticationHandler.UsedAction && e.EntityId == key.Key.Id.ToString()).ToListAsync();
        var only = Assert.Single(used);
        Assert.Equal(user.Id, only.ActorId);
        Assert.Equal($"{user.Email} (API key {key.Key.Prefix})", only.ActorName);
        Assert.Contains("/api/v1/organizations", only.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bearer_TwoRequestsWithinAMinute_WriteLastUsedOnce()
    {
        var (_, key) = await UserWithKeyAsync([ApiKeyScopes.Read]);
        var client = Client(key.PlainText);

        using var first = await client.GetAsync("/api/v1/organizations");
        var afterFirst = (await KeyRowAsync(key.Key.Id)).LastUsedAt;
        using var second = await client.GetAsync("/api/v1/organizations/tmg");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(afterFirst);
        Assert.Equal(afterFirst, (await KeyRowAsync(key.Key.Id)).LastUsedAt);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().AuditEvents
            .CountAsync(e => e.Action == ApiKeyAuthenticationHandler.UsedAction && e.EntityId == key.Key.Id.ToString()));
    }

    public static TheoryData<string> BrokenKeys => new() { "expired", "revoked", "inactive", "unknown", "malformed" };

    [Theory]
    [MemberData(nameof(BrokenKeys))]
    public async Task Bearer_KeyThatDoesNotWork_Gets401ProblemEvenOnAPublicEndpoint(string kind)
    {
        var (user, key) = await UserWithKeyAsync([ApiKeyScopes.Read, ApiKeyScopes.Write]);
        var presented = key.PlainText;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            switch (kind)
            {
                case "expired":
                    await db.ApiKeys.Where(k => k.Id == key.Key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.ExpiresAt, DateTime.UtcNow.AddSeconds(-1)));
                    break;
                case "revoked":
                    await db.ApiKeys.Where(k => k.Id == key.Key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, DateTime.UtcNow));
                    break;
                case "inactive":
                    var accounts = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();
                    Assert.True((await accounts.SetActiveAsync((await accounts.FindAsync(user.Id))!, false)).Succeeded);
                    break;
                case "unknown":
                    presented = "shk_" + new string('A', 43);
                    break;
                default:
                    presented = "not-a-key";
                    break;
            }
        }

        using var response = await Client(presented).GetAsync("/api/v1/organizations");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.StartsWith("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Null((await KeyRowAsync(key.Key.Id)).LastUsedAt);
    }

    [Fact]
    public async Task Bearer_BrokenKeyWithASignedInCookie_StillGets401()
    {
        var email = $"cookie-{Guid.NewGuid():N}@example.jp";
        await app.CreateUserAsync(email, [Roles.Reviewer]);
        var client = await app.SignInAsync(email);
        client.From(NextAddress());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "shk_" + new string('B', 43));

        using var response = await client.GetAsync("/api/v1/organizations");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Bearer_ReadOnlyKey_IsRefusedEveryUnsafeMethod()
    {
        var (_, key) = await UserWithKeyAsync([ApiKeyScopes.Read]);
        var client = Client(key.PlainText);

        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete })
        {
            using var response = await client.SendAsync(new HttpRequestMessage(method, "/api/v1/organizations") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") });

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("error=\"insufficient_scope\"", Assert.Single(response.Headers.WwwAuthenticate).Parameter, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Bearer_WriteKey_PassesTheScopeCheckOnAnUnsafeMethod()
    {
        var (_, key) = await UserWithKeyAsync([ApiKeyScopes.Write]);

        // No write endpoint exists at this route: routing's 405 shows the key itself was accepted for writing.
        using var response = await Client(key.PlainText).PostAsync("/api/v1/organizations", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData(ApiKeyScopes.Read, Policies.ApiRead, true)]
    [InlineData(ApiKeyScopes.Read, Policies.ApiWrite, false)]
    [InlineData(ApiKeyScopes.Write, Policies.ApiRead, true)]
    [InlineData(ApiKeyScopes.Write, Policies.ApiWrite, true)]
    public async Task ApiPolicies_PrincipalOfAKey_NeedTheScope(string scope, string policy, bool allowed)
    {
        var (user, key) = await UserWithKeyAsync([scope]);
        await using var services = app.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = services.ServiceProvider };
        context.Request.Path = "/api/v1/services";
        context.Request.Headers.Authorization = "Bearer " + key.PlainText;

        var authenticated = await context.AuthenticateAsync(ApiKeyAuthentication.Scheme);
        var result = await services.ServiceProvider.GetRequiredService<IAuthorizationService>().AuthorizeAsync(authenticated.Principal!, null, policy);

        Assert.True(authenticated.Succeeded);
        Assert.Equal(user.Id, authenticated.Principal!.ToViewer().UserId);
        Assert.Contains(Roles.Reviewer, authenticated.Principal!.ToViewer().Roles);
        Assert.Equal(allowed, result.Succeeded);
    }

    [Theory]
    [InlineData(Policies.ApiRead)]
    [InlineData(Policies.ApiWrite)]
    public async Task ApiPolicies_SignedInWithTheCookie_PassAndAnonymousDoesNot(string policy)
    {
        await using var services = app.Services.CreateAsyncScope();
        var authorization = services.ServiceProvider.GetRequiredService<IAuthorizationService>();
        var cookie = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.NameIdentifier, Guid.NewGuid().ToString())], Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme));

        Assert.True((await authorization.AuthorizeAsync(cookie, null, policy)).Succeeded);
        Assert.False((await authorization.AuthorizeAsync(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity()), null, policy)).Succeeded);
    }

    [Fact]
    public async Task Antiforgery_KeyRequestWithoutToken_IsValidButACookieRequestIsNot()
    {
        var (_, key) = await UserWithKeyAsync([ApiKeyScopes.Write]);
        await using var services = app.Services.CreateAsyncScope();
        var antiforgery = services.ServiceProvider.GetRequiredService<IAntiforgery>();
        HttpContext Post()
        {
            var context = new DefaultHttpContext { RequestServices = services.ServiceProvider };
            context.Request.Method = "POST";
            context.Request.Path = "/api/v1/services/import";
            context.Request.ContentType = "application/x-www-form-urlencoded";
            context.Request.Body = new MemoryStream("a=1"u8.ToArray());
            return context;
        }

        var keyRequest = Post();
        keyRequest.Request.Headers.Authorization = "Bearer " + key.PlainText;
        keyRequest.User = (await keyRequest.AuthenticateAsync(ApiKeyAuthentication.Scheme)).Principal!;
        var cookieRequest = Post();
        cookieRequest.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.NameIdentifier, Guid.NewGuid().ToString())], Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme));

        Assert.True(await antiforgery.IsRequestValidAsync(keyRequest));
        Assert.False(await antiforgery.IsRequestValidAsync(cookieRequest));
    }

    [Theory]
    [InlineData("/account/manage")]
    [InlineData("/admin/users")]
    public async Task Bearer_ValidKeyOnAPage_IsIgnored(string path)
    {
        var (_, key) = await UserWithKeyAsync([ApiKeyScopes.Write]);

        using var response = await Client(key.PlainText).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bearer_BrokenKeyOnAPublicPage_IsIgnored()
    {
        using var response = await Client("shk_" + new string('C', 43)).GetAsync("/organizations");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Bearer_RepeatedFailuresFromOneClient_Get429BeforeTheKeyIsChecked()
    {
        var (_, key) = await UserWithKeyAsync([ApiKeyScopes.Read]);
        var address = NextAddress();

        var failures = new List<HttpStatusCode>();
        for (var i = 0; i < ApiKeyAppFactory.KeyFailures + 1; i++)
        {
            using var response = await Client("shk_" + new string('D', 43), address).GetAsync("/api/v1/organizations");
            failures.Add(response.StatusCode);
        }

        using var good = await Client(key.PlainText, address).GetAsync("/api/v1/organizations");
        using var elsewhere = await Client(key.PlainText).GetAsync("/api/v1/organizations");

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, ApiKeyAppFactory.KeyFailures), HttpStatusCode.TooManyRequests], failures);
        Assert.Equal(HttpStatusCode.TooManyRequests, good.StatusCode);
        Assert.True(good.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheBearerScheme()
    {
        using var json = JsonDocument.Parse(await app.NewClient().GetStringAsync("/openapi/v1.json"));

        var scheme = json.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty(ApiKeyAuthentication.Scheme);
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Contains(json.RootElement.GetProperty("security").EnumerateArray(), r => r.TryGetProperty(ApiKeyAuthentication.Scheme, out _));
    }

    private HttpClient Client(string key, string? address = null)
    {
        var client = app.NewClient().From(address ?? NextAddress());
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + key);
        return client;
    }

    /// <summary>A client address of its own per call, so one test's failures never throttle another's.</summary>
    private static string NextAddress() => $"198.51.100.{Interlocked.Increment(ref nextAddress) % 250 + 1}";

    private async Task<(ShishinUser User, NewApiKey Key)> UserWithKeyAsync(string[] scopes)
    {
        var (user, _) = await app.CreateUserAsync($"robot-{Guid.NewGuid():N}@example.jp", [Roles.Reviewer]);
        await using var scope = app.Services.CreateAsyncScope();
        return (user, await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(user, "test", 30, scopes));
    }

    private async Task<ApiKey> KeyRowAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().ApiKeys.AsNoTracking().SingleAsync(k => k.Id == id);
    }
}

public sealed class ApiKeyAuthenticationTests_Sqlite(SqliteApiKeyAppFactory app) : ApiKeyAuthenticationTests(app), IClassFixture<SqliteApiKeyAppFactory>;

public sealed class ApiKeyAuthenticationTests_Postgres(PostgresApiKeyAppFactory app) : ApiKeyAuthenticationTests(app), IClassFixture<PostgresApiKeyAppFactory>;
