using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Tests;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Tests.Account;

public abstract class SetupTests(NewInstanceFactory app)
{
    [Fact]
    public async Task Setup_NoAdminYet_EveryPageLeadsToSetupWhichNeedsTheTokenThenCreatesTheAdmin()
    {
        var client = app.NewClient();

        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/setup", home.Headers.Location?.OriginalString);
        var api = await client.GetAsync("/api/v1/organizations");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);

        // The test server's client is not on loopback, so it needs the token printed at start.
        var withoutToken = await client.GetAsync("/setup");
        Assert.Equal(HttpStatusCode.Forbidden, withoutToken.StatusCode);
        var token = app.Services.GetRequiredService<SetupState>().Token;
        var wrongToken = await client.GetAsync("/setup?token=0123456789abcdef");
        Assert.Equal(HttpStatusCode.Forbidden, wrongToken.StatusCode);

        var invalid = await client.PostFormAsync("/setup", new() { ["token"] = token, ["Input.Email"] = "not-an-email", ["Input.Password"] = "short" }, $"/setup?token={token}");
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var invalidHtml = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("氏名を入力してください。", invalidHtml, StringComparison.Ordinal);
        Assert.Contains("パスワードは12文字以上にしてください。", invalidHtml, StringComparison.Ordinal);

        var created = await client.PostFormAsync("/setup", new()
        {
            ["token"] = token,
            ["Input.DisplayName"] = "都庁 管理者",
            ["Input.Email"] = "root@example.jp",
            ["Input.Password"] = ShishinAppFactory.Password,
            ["Input.ConfirmPassword"] = ShishinAppFactory.Password,
        }, $"/setup?token={token}");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/account/manage/two-factor", created.Headers.Location?.OriginalString);

        var admins = await app.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<UserAdministrationService>().AnyAdminAsync();
        Assert.True(admins);
        var setupAgain = await app.NewClient().GetAsync($"/setup?token={token}");
        Assert.Equal(HttpStatusCode.Redirect, setupAgain.StatusCode);
        Assert.Equal("/account/sign-in", setupAgain.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Setup_FromLoopback_OpensOnlyWithoutForwardingHeaders()
    {
        var instance = new NewInstanceFactory(app.Provider);
        try
        {
            await instance.InitializeAsync();

            Assert.Equal(HttpStatusCode.OK, (await GetSetupAsync(instance, null, null)).StatusCode);
            // Loopback is no trusted proxy by default, so its X-Forwarded-For stays on the request, like any other such header.
            foreach (var (header, value) in new[] { ("Forwarded", "for=203.0.113.7"), ("X-Real-IP", "203.0.113.7"), ("X-Forwarded-For", "203.0.113.7") })
            {
                var response = await GetSetupAsync(instance, header, value);
                Assert.True(HttpStatusCode.Forbidden == response.StatusCode, $"{header}: {response.StatusCode}");
            }
        }
        finally
        {
            await ((IAsyncLifetime)instance).DisposeAsync();
        }
    }

    [Fact]
    public async Task Setup_SixConcurrentPosts_CreateExactlyOneAdmin()
    {
        var instance = new NewInstanceFactory(app.Provider);
        try
        {
            await instance.InitializeAsync();
            var clients = Enumerable.Range(0, 6).Select(_ => instance.NewClient().From("127.0.0.1")).ToList();
            var tokens = new List<string>();
            foreach (var client in clients)
            {
                tokens.Add(await client.AntiforgeryTokenAsync("/setup"));
            }

            var responses = await Task.WhenAll(clients.Select((client, i) => client.PostAsync("/setup", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = tokens[i],
                ["Input.DisplayName"] = $"管理者 {i}",
                ["Input.Email"] = $"admin{i}@example.jp",
                ["Input.Password"] = ShishinAppFactory.Password,
                ["Input.ConfirmPassword"] = ShishinAppFactory.Password,
            }))));

            // One post wins and goes on to enrol its authenticator. A post that raced it is refused with 409; one that
            // arrived after the winner committed finds setup done and is sent to the sign-in page.
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.OriginalString == "/account/manage/two-factor");
            Assert.All(
                responses.Where(r => r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.OriginalString != "/account/manage/two-factor"),
                r => Assert.Equal("/account/sign-in", r.Headers.Location?.OriginalString));
            var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Redirect).ToList();
            Assert.All(refused, r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
            foreach (var response in refused)
            {
                Assert.Contains("初期設定は既に完了しています。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            await using var scope = instance.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            var admins = await scope.ServiceProvider.GetRequiredService<UserManager<ShishinUser>>().GetUsersInRoleAsync(Roles.Admin);
            var admin = Assert.Single(admins);
            Assert.Equal(admin.Id, Assert.Single(await db.SetupRecords.ToListAsync()).AdminUserId);
            Assert.Equal(1, await db.Users.CountAsync());
        }
        finally
        {
            await ((IAsyncLifetime)instance).DisposeAsync();
        }
    }

    private static Task<HttpResponseMessage> GetSetupAsync(ShishinAppFactory instance, string? header, string? value)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/setup");
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        return instance.NewClient().From("127.0.0.1").SendAsync(request);
    }
}

public sealed class SetupTests_Sqlite(SqliteNewInstanceFactory app) : SetupTests(app), IClassFixture<SqliteNewInstanceFactory>;

public sealed class SetupTests_Postgres(PostgresNewInstanceFactory app) : SetupTests(app), IClassFixture<PostgresNewInstanceFactory>;
