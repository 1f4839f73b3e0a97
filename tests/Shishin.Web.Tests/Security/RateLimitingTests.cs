using System.Data.Common;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Shishin.Core.Auditing;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Tests;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Tests.Security;

/// <summary>Limits switched on, small enough to reach in a test. Each test uses its own client addresses.</summary>
public class RateLimitedAppFactory(TestProvider provider) : ShishinAppFactory(provider)
{
    public const int SignInLimit = 6;
    public const int PageLimit = 3;
    public const int AnonymousPostLimit = 12;
    public const int AccountFailures = 4;
    public const int WrittenEach = 2;
    public const string KnownProxy = "10.0.0.5";

    /// <summary>The host's warnings and errors, for the failure messages of tests that depend on work done at shutdown.</summary>
    public LogCollector Logs { get; } = new();

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.UseSetting("RateLimiting:Enabled", "true");
        builder.UseSetting("RateLimiting:SignIn:PermitLimit", SignInLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var page in new[] { "TwoFactor", "Setup", "Invitation" })
        {
            builder.UseSetting($"RateLimiting:{page}:PermitLimit", PageLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        builder.UseSetting("RateLimiting:AnonymousPost:PermitLimit", AnonymousPostLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var limit in new[] { "SignIn", "TwoFactor", "Setup", "Invitation", "AnonymousPost", "AccountFailures" })
        {
            builder.UseSetting($"RateLimiting:{limit}:Window", "00:30:00");
        }

        builder.UseSetting("RateLimiting:AccountFailures:PermitLimit", AccountFailures.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimiting:AuditBursts:WrittenEach", WrittenEach.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimiting:AuditBursts:Window", "00:30:00");
        builder.UseSetting("ForwardedHeaders:KnownProxies:0", KnownProxy);
    }
}

public sealed class SqliteRateLimitedAppFactory() : RateLimitedAppFactory(TestProvider.Sqlite);

public sealed class PostgresRateLimitedAppFactory() : RateLimitedAppFactory(TestProvider.Postgres);

public abstract class RateLimitingTests(RateLimitedAppFactory app)
{
    private const string WrongPassword = "not the password at all";

    [Fact]
    public async Task SignIn_OverPerClientLimit_Answers429WithRetryAfterAndLocalisedPage()
    {
        var client = app.NewClient().From("198.51.100.1");
        for (var i = 0; i < RateLimitedAppFactory.SignInLimit; i++)
        {
            // A different unknown account each time, so only the per-client limit is reached.
            var allowed = await SignInAsync(client, $"nobody{i}@example.jp", WrongPassword);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var refused = await SignInAsync(client, "nobody-more@example.jp", WrongPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("リクエストが多すぎます", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var english = app.NewClient().From("198.51.100.1");
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var refusedInEnglish = await SignInAsync(english, "nobody-more@example.jp", WrongPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedInEnglish.StatusCode);
        Assert.True(refusedInEnglish.Headers.Contains("Retry-After"));
        Assert.Contains("Too many requests", await refusedInEnglish.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Only POSTs are limited: the page itself still opens.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
    }

    [Fact]
    public async Task SignIn_LimitReachedByOneClient_AnotherClientIsUnaffected()
    {
        var first = app.NewClient().From("198.51.100.2");
        for (var i = 0; i <= RateLimitedAppFactory.SignInLimit; i++)
        {
            await SignInAsync(first, $"someone{i}@example.jp", WrongPassword);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(first, "someone@example.jp", WrongPassword)).StatusCode);

        var other = await SignInAsync(app.NewClient().From("198.51.100.3"), "someone@example.jp", WrongPassword);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Theory]
    [InlineData("/account/sign-in/two-factor")]
    [InlineData("/account/sign-in/recovery-code")]
    [InlineData("/setup")]
    [InlineData("/account/invitation/not-a-token")]
    public async Task GuardedPost_OverItsLimit_Answers429(string path)
    {
        // One address per page; the limit is counted before antiforgery, so plain POSTs reach it.
        var client = app.NewClient().From($"198.51.100.{10 + path.Length}");
        for (var i = 0; i < RateLimitedAppFactory.PageLimit; i++)
        {
            var allowed = await client.PostAsync(path, new FormUrlEncodedContent([]));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        var refused = await client.PostAsync(path, new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task AnonymousPost_OverLimit_Answers429WithProblemDetailsUnderApiAndThePageElsewhere()
    {
        var client = app.NewClient().From("198.51.100.140");
        for (var i = 0; i < RateLimitedAppFactory.AnonymousPostLimit; i++)
        {
            var allowed = await client.PostAsync("/api/v1/catalog", new StringContent("{}"));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        var api = await client.PostAsync("/api/v1/catalog", new StringContent("{}"));
        var culture = await client.PostAsync("/culture", new FormUrlEncodedContent([new("culture", "en")]));

        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.True(api.Headers.Contains("Retry-After"));
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.TooManyRequests, culture.StatusCode);
        Assert.True(culture.Headers.Contains("Retry-After"));
        Assert.Contains("リクエストが多すぎます", await culture.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Refused requests are audited like failures: the first of a burst one row each, the rest held for one row.
        for (var i = 0; i < 3; i++)
        {
            await client.PostAsync("/api/v1/catalog", new StringContent("{}"));
        }

        var rows = await RowsAsync("security.rate-limited");
        Assert.Equal(RateLimitedAppFactory.WrittenEach, rows.Count(r => r.ClientIp == "198.51.100.140"));
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswordsFromOneClient_DoNotLockTheAccount()
    {
        var email = $"victim-{Guid.NewGuid():N}@example.jp";
        await app.CreateUserAsync(email, [Roles.Reviewer]);
        var attacker = app.NewClient().From("198.51.100.50");

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add((await SignInAsync(attacker, email, WrongPassword)).StatusCode);
        }

        // The fifth is refused before the password is checked, so Identity counted four failures and no lockout.
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, RateLimitedAppFactory.AccountFailures), HttpStatusCode.TooManyRequests], answers);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<ShishinUser>>().FindByEmailAsync(email);
            Assert.Equal(RateLimitedAppFactory.AccountFailures, user!.AccessFailedCount);
            Assert.Null(user.LockoutEnd);
        }

        var owner = await SignInAsync(app.NewClient().From("198.51.100.51"), email, ShishinAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
        Assert.Equal("/", owner.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_BurstOfFailures_WritesTheFirstRowsAndOneRowWithTheCountAtShutdown()
    {
        // A host of its own: the summary row is written when the host stops.
        var instance = new RateLimitedAppFactory(app.Provider);
        try
        {
            await instance.InitializeAsync();
            var email = "burst@example.jp";
            await instance.CreateUserAsync(email, [Roles.Reviewer]);
            var client = instance.NewClient().From("198.51.100.60");
            const int attempts = 6;
            var answers = new List<HttpStatusCode>();
            for (var i = 0; i < attempts; i++)
            {
                answers.Add((await SignInAsync(client, email, WrongPassword)).StatusCode);
            }

            Assert.Equal(2, answers.Count(a => a == HttpStatusCode.TooManyRequests));
            Assert.Equal(RateLimitedAppFactory.WrittenEach, (await FailedSignInRowsAsync(instance)).Count);

            await ((WebApplicationFactory<Program>)instance).DisposeAsync();

            var rows = await FailedSignInRowsAsync(instance);
            Assert.True(rows.Count == RateLimitedAppFactory.WrittenEach + 1,
                $"Expected {RateLimitedAppFactory.WrittenEach + 1} rows after shutdown, found {rows.Count}. The host logged: {string.Join(" | ", instance.Logs.Warnings)}");
            Assert.All(rows.Take(RateLimitedAppFactory.WrittenEach), r => Assert.Equal("invalid", r.GetProperty("reason").GetString()));
            var summary = rows[^1];
            Assert.Equal("repeated", summary.GetProperty("reason").GetString());
            Assert.Equal(attempts - RateLimitedAppFactory.WrittenEach, summary.GetProperty("count").GetInt32());
            Assert.Equal(2, summary.GetProperty("reasons").GetProperty("invalid").GetInt32());
            Assert.Equal(2, summary.GetProperty("reasons").GetProperty("throttled").GetInt32());
        }
        finally
        {
            await ((IAsyncLifetime)instance).DisposeAsync();
        }
    }

    [Fact]
    public async Task AuditBursts_NextEventAfterTheWindow_WritesTheClosedBurstsCount()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var options = app.Services.GetRequiredService<IOptions<RateLimitingOptions>>();
        var bursts = new AuditBursts(app.Services.GetRequiredService<IServiceScopeFactory>(), clock, options, NullLogger<AuditBursts>.Instance);
        var action = $"test.burst-{Guid.NewGuid():N}";

        for (var i = 0; i < 5; i++)
        {
            await RecordAsync(bursts, action);
        }

        await bursts.FlushAsync(all: false);
        Assert.Equal(RateLimitedAppFactory.WrittenEach, (await RowsAsync(action)).Count);

        clock.Advance(options.Value.AuditBursts.Window);
        await RecordAsync(bursts, action);

        var rows = await RowsAsync(action);
        Assert.Equal(RateLimitedAppFactory.WrittenEach + 2, rows.Count);
        Assert.Equal(5 - RateLimitedAppFactory.WrittenEach, JsonDocument.Parse(rows[RateLimitedAppFactory.WrittenEach].After!).RootElement.GetProperty("count").GetInt32());
        Assert.Equal("198.51.100.70", rows[RateLimitedAppFactory.WrittenEach].ClientIp);
        Assert.Equal("{\"reason\":\"invalid\"}", rows[^1].After);
    }

    [Fact]
    public async Task ForwardedFor_OnlyFromAKnownProxy_DecidesTheClient()
    {
        var viaProxy = app.NewClient().From(RateLimitedAppFactory.KnownProxy);
        for (var i = 0; i <= RateLimitedAppFactory.PageLimit; i++)
        {
            await PostViaAsync(viaProxy, "203.0.113.1");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostViaAsync(viaProxy, "203.0.113.1")).StatusCode);
        // Another client behind the same known proxy has its own limit.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await PostViaAsync(viaProxy, "203.0.113.2")).StatusCode);
        // An unknown proxy's header is ignored: its requests count as its own, not as the client it names.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await PostViaAsync(app.NewClient().From("10.0.0.6"), "203.0.113.1")).StatusCode);

        // Loopback is not trusted by default either: both requests are loopback's own.
        var local = app.NewClient().From("127.0.0.1");
        for (var i = 0; i <= RateLimitedAppFactory.PageLimit; i++)
        {
            await PostViaAsync(local, $"203.0.113.{100 + i}");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostViaAsync(local, "203.0.113.99")).StatusCode);
    }

    private static Task<HttpResponseMessage> PostViaAsync(HttpClient client, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/setup") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return client.SendAsync(request);
    }

    private async Task RecordAsync(AuditBursts bursts, string action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Connection.RemoteIpAddress = IPAddress.Parse("198.51.100.70");
        await bursts.RecordAsync(context, action, "ShishinUser", null, "invalid", new { reason = "invalid" });
    }

    private async Task<List<AuditEvent>> RowsAsync(string action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>Read with a connection of its own, because the host may have stopped.</summary>
    private static async Task<List<JsonElement>> FailedSignInRowsAsync(ShishinAppFactory instance)
    {
        await using DbConnection connection = instance.Provider == TestProvider.Sqlite
            ? new SqliteConnection(instance.Database.ConnectionString)
            : new NpgsqlConnection(instance.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"After\" FROM \"AuditEvents\" WHERE \"Action\" = 'account.sign-in-failed' ORDER BY \"Id\"";
        var rows = new List<JsonElement>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(JsonDocument.Parse(reader.GetString(0)).RootElement.Clone());
        }

        return rows;
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset now = now;

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}

public sealed class RateLimitingTests_Sqlite(SqliteRateLimitedAppFactory app) : RateLimitingTests(app), IClassFixture<SqliteRateLimitedAppFactory>;

public sealed class RateLimitingTests_Postgres(PostgresRateLimitedAppFactory app) : RateLimitingTests(app), IClassFixture<PostgresRateLimitedAppFactory>;

/// <summary>The same small limits, switched off.</summary>
public class UnlimitedAppFactory(TestProvider provider) : ShishinAppFactory(provider)
{
    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseSetting("RateLimiting:Enabled", "false");
        builder.UseSetting("RateLimiting:SignIn:PermitLimit", "1");
        builder.UseSetting("RateLimiting:AnonymousPost:PermitLimit", "1");
        builder.UseSetting("RateLimiting:AccountFailures:PermitLimit", "1");
    }
}

public sealed class SqliteUnlimitedAppFactory() : UnlimitedAppFactory(TestProvider.Sqlite);

public sealed class PostgresUnlimitedAppFactory() : UnlimitedAppFactory(TestProvider.Postgres);

public abstract class RateLimitingDisabledTests(UnlimitedAppFactory app)
{
    [Fact]
    public async Task RateLimiting_Disabled_NoLimitAppliesAndLockoutWorksAsBefore()
    {
        var email = $"unlimited-{Guid.NewGuid():N}@example.jp";
        await app.CreateUserAsync(email, [Roles.Reviewer]);
        var client = app.NewClient().From("198.51.100.80");

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add((await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = "not the password at all" })).StatusCode);
            answers.Add((await client.PostAsync("/api/v1/catalog", new StringContent("{}"))).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, answers);
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ShishinUser>>().FindByEmailAsync(email);
        Assert.NotNull(user!.LockoutEnd);
    }
}

public sealed class RateLimitingDisabledTests_Sqlite(SqliteUnlimitedAppFactory app) : RateLimitingDisabledTests(app), IClassFixture<SqliteUnlimitedAppFactory>;

public sealed class RateLimitingDisabledTests_Postgres(PostgresUnlimitedAppFactory app) : RateLimitingDisabledTests(app), IClassFixture<PostgresUnlimitedAppFactory>;
