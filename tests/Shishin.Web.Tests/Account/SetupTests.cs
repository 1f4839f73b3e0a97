using System.Net;
using Microsoft.Extensions.DependencyInjection;
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
}

public sealed class SetupTests_Sqlite(SqliteNewInstanceFactory app) : SetupTests(app), IClassFixture<SqliteNewInstanceFactory>;

public sealed class SetupTests_Postgres(PostgresNewInstanceFactory app) : SetupTests(app), IClassFixture<PostgresNewInstanceFactory>;
