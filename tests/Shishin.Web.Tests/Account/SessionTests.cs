using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Tests;

namespace Shishin.Web.Tests.Account;

/// <summary>Sessions live on the server (ADR 0010): ending one makes every copy of its cookie worthless, on every node.</summary>
public abstract class SessionTests(ShishinAppFactory app)
{
    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}@example.jp";

    private static readonly Uri Site = new("http://localhost/");

    /// <summary>Signs in through the pages with a cookie jar the test can copy, as a thief would copy a cookie.</summary>
    private static async Task<(HttpClient Client, CookieContainer Jar)> SignInWithJarAsync(ShishinAppFactory factory, string email, string? key = null)
    {
        var jar = new CookieContainer();
        var client = factory.CreateDefaultClient(Site, new CookieContainerHandler(jar));
        var response = await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = ShishinAppFactory.Password });
        if (key is not null)
        {
            response = await client.PostFormAsync("/account/sign-in/two-factor", new() { ["Input.Code"] = ShishinAppFactory.Totp(key) });
        }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("/account/sign-in", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        return (client, jar);
    }

    private static HttpClient Replay(ShishinAppFactory factory, CookieContainer stolen)
    {
        var jar = new CookieContainer();
        foreach (Cookie cookie in stolen.GetCookies(Site))
        {
            jar.Add(Site, new Cookie(cookie.Name, cookie.Value, "/"));
        }

        return factory.CreateDefaultClient(Site, new CookieContainerHandler(jar));
    }

    private static async Task AssertSentToSignInAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    private static async Task AssertOpensAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SignOut_CookieCopiedBefore_GetsTheSignInPage()
    {
        var email = Unique("leaving");
        await app.CreateUserAsync(email, [Roles.ServiceOwner]);
        var (client, jar) = await SignInWithJarAsync(app, email);
        var thief = Replay(app, jar);
        await AssertOpensAsync(thief, "/proposals");

        var signOut = await client.PostFormAsync("/account/sign-out", []);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        await AssertSentToSignInAsync(thief, "/proposals");
        await AssertSentToSignInAsync(thief, "/account/manage");
    }

    [Fact]
    public async Task SignOut_OnOneNode_EndsTheSessionOnAnotherNode()
    {
        var email = Unique("twonodes");
        await app.CreateUserAsync(email, [Roles.Reviewer]);
        await using var other = new SecondNode(app);
        var (client, jar) = await SignInWithJarAsync(app, email);
        var onOtherNode = Replay(other, jar);
        await AssertOpensAsync(onOtherNode, "/account/manage");

        await client.PostFormAsync("/account/sign-out", []);

        await AssertSentToSignInAsync(onOtherNode, "/account/manage");
    }

    [Fact]
    public async Task ChangePassword_EndsOtherSessionsAndCopiedCookies_KeepsThisOne()
    {
        var email = Unique("rotating");
        await app.CreateUserAsync(email, [Roles.ServiceOwner]);
        var (client, jar) = await SignInWithJarAsync(app, email);
        var (otherDevice, _) = await SignInWithJarAsync(app, email);
        var copied = Replay(app, jar);

        var change = await client.PostFormAsync("/account/manage/password", new()
        {
            ["Input.CurrentPassword"] = ShishinAppFactory.Password,
            ["Input.NewPassword"] = "a brand new long passphrase",
            ["Input.ConfirmPassword"] = "a brand new long passphrase",
        });

        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        await AssertOpensAsync(client, "/account/manage");
        await AssertSentToSignInAsync(otherDevice, "/account/manage");
        await AssertSentToSignInAsync(copied, "/account/manage");
    }

    [Fact]
    public async Task SignOutEverywhere_EndsEverySessionOfTheAccount()
    {
        var email = Unique("everywhere");
        await app.CreateUserAsync(email, [Roles.Partner]);
        var (client, _) = await SignInWithJarAsync(app, email);
        var (otherDevice, _) = await SignInWithJarAsync(app, email);
        var (bystander, _) = await SignInWithJarAsync(app, await NewUserAsync("bystander"));

        var response = await client.PostFormAsync("/account/manage?handler=SignOutEverywhere", [], "/account/manage");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in", response.Headers.Location?.OriginalString);
        await AssertSentToSignInAsync(client, "/account/manage");
        await AssertSentToSignInAsync(otherDevice, "/account/manage");
        await AssertOpensAsync(bystander, "/account/manage");
        Assert.Equal(0, await SessionCountAsync(email));
    }

    [Fact]
    public async Task DisableTwoFactor_NeedsTheCurrentPassword_ThenEndsOtherSessions()
    {
        var email = Unique("twostep");
        var (_, key) = await app.CreateUserAsync(email, [Roles.Reviewer], twoFactor: true);
        var (client, _) = await SignInWithJarAsync(app, email, key);
        var (otherDevice, _) = await SignInWithJarAsync(app, email, key);

        var missing = await client.PostFormAsync("/account/manage/two-factor?handler=Disable", new() { ["Reauth.CurrentPassword"] = "" }, "/account/manage/two-factor");
        var wrong = await client.PostFormAsync("/account/manage/two-factor?handler=Disable", new() { ["Reauth.CurrentPassword"] = "not my password at all" }, "/account/manage/two-factor");

        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("現在のパスワードを入力してください。", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("現在のパスワードが正しくありません。", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await TwoFactorEnabledAsync(email));
        await AssertOpensAsync(otherDevice, "/account/manage");

        var right = await client.PostFormAsync("/account/manage/two-factor?handler=Disable", new() { ["Reauth.CurrentPassword"] = ShishinAppFactory.Password }, "/account/manage/two-factor");

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.False(await TwoFactorEnabledAsync(email));
        await AssertOpensAsync(client, "/account/manage");
        await AssertSentToSignInAsync(otherDevice, "/account/manage");
    }

    [Fact]
    public async Task NewRecoveryCodes_NeedTheCurrentPassword()
    {
        var email = Unique("codes");
        var (_, key) = await app.CreateUserAsync(email, [Roles.Reviewer], twoFactor: true);
        var (client, _) = await SignInWithJarAsync(app, email, key);

        var wrong = await client.PostFormAsync("/account/manage/two-factor?handler=RecoveryCodes", new() { ["Reauth.CurrentPassword"] = "not my password at all" }, "/account/manage/two-factor");
        var right = await client.PostFormAsync("/account/manage/two-factor?handler=RecoveryCodes", new() { ["Reauth.CurrentPassword"] = ShishinAppFactory.Password }, "/account/manage/two-factor");

        Assert.DoesNotContain("<code>", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(10, System.Text.RegularExpressions.Regex.Count(await right.Content.ReadAsStringAsync(), "<li><code>"));
    }

    [Fact]
    public async Task ChangeEmail_NeedsTheCurrentPassword_ThenSignsInWithTheNewAddress()
    {
        var email = Unique("moving");
        var newEmail = Unique("moved");
        await app.CreateUserAsync(email, [Roles.ServiceOwner]);
        var (client, _) = await SignInWithJarAsync(app, email);
        var (otherDevice, _) = await SignInWithJarAsync(app, email);

        var wrong = await client.PostFormAsync("/account/manage/email", new() { ["Input.NewEmail"] = newEmail, ["Input.CurrentPassword"] = "not my password at all" });

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("現在のパスワードが正しくありません。", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertOpensAsync(otherDevice, "/account/manage");

        var right = await client.PostFormAsync("/account/manage/email", new() { ["Input.NewEmail"] = newEmail, ["Input.CurrentPassword"] = ShishinAppFactory.Password });

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        // The address changes only when the link e-mailed to it is opened (here from the pickup folder: no SMTP).
        Assert.DoesNotContain(newEmail, await client.GetStringAsync("/account/manage"), StringComparison.Ordinal);
        var confirmed = await client.PostFormAsync(PickupLink(newEmail), []);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains(newEmail, await client.GetStringAsync("/account/manage"), StringComparison.Ordinal);
        await AssertSentToSignInAsync(otherDevice, "/account/manage");
        await SignInWithJarAsync(app, newEmail);
    }

    /// <summary>The path of the link in the newest .eml file written for the address.</summary>
    private string PickupLink(string to)
    {
        var message = Directory.GetFiles(app.MailPickupDirectory, "*.eml").Order(StringComparer.Ordinal)
            .Select(f => MimeKit.MimeMessage.Load(f))
            .Last(m => m.To.Mailboxes.Any(b => b.Address == to));
        return new Uri(TestSmtpServer.LinkIn(message, ShishinAppFactory.PublicUrl)).PathAndQuery;
    }

    [Fact]
    public async Task Deactivation_RemovesEverySessionOfTheAccount()
    {
        var email = Unique("deactivated");
        var (user, _) = await app.CreateUserAsync(email, [Roles.ServiceOwner]);
        var (_, jar) = await SignInWithJarAsync(app, email);
        Assert.Equal(1, await SessionCountAsync(email));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ShishinUser>>();
            await accounts.SetActiveAsync((await users.FindByIdAsync(user.Id.ToString()))!, false);
        }

        Assert.Equal(0, await SessionCountAsync(email));
        await AssertSentToSignInAsync(Replay(app, jar), "/account/manage");
    }

    [Fact]
    public async Task Totp_SameCodeTwice_IsRefusedTheSecondTime_EvenOnAnotherNode()
    {
        var email = Unique("replay");
        var (_, key) = await app.CreateUserAsync(email, [Roles.Admin], twoFactor: true);
        var code = ShishinAppFactory.Totp(key!);
        await using var other = new SecondNode(app);

        async Task<HttpResponseMessage> SignInAsync(ShishinAppFactory node)
        {
            var client = node.CreateDefaultClient(Site, new CookieContainerHandler(new CookieContainer()));
            await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = ShishinAppFactory.Password });
            return await client.PostFormAsync("/account/sign-in/two-factor", new() { ["Input.Code"] = code });
        }

        var first = await SignInAsync(app);
        var again = await SignInAsync(app);
        var elsewhere = await SignInAsync(other);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("コードが正しくないか", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task TwoStepSecrets_AreNotStoredInPlainText()
    {
        var email = Unique("secrets");
        var (user, key) = await app.CreateUserAsync(email, [Roles.Reviewer], twoFactor: true);
        IReadOnlyList<string> codes;
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ShishinUser>>();
        codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByIdAsync(user.Id.ToString()))!, 10))!.ToList();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();

        var stored = await db.UserTokens.AsNoTracking().Where(t => t.UserId == user.Id).ToDictionaryAsync(t => t.Name, t => t.Value ?? "");

        Assert.StartsWith("dp1:", stored["AuthenticatorKey"], StringComparison.Ordinal);
        Assert.DoesNotContain(key!, stored["AuthenticatorKey"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(10, stored["RecoveryCodes"].Split(';').Length);
        Assert.All(codes, c => Assert.DoesNotContain(c, stored["RecoveryCodes"], StringComparison.OrdinalIgnoreCase));
        Assert.Equal(key, await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(user.Id.ToString()))!));
    }

    private async Task<string> NewUserAsync(string name)
    {
        var email = Unique(name);
        await app.CreateUserAsync(email, [Roles.Reviewer]);
        return email;
    }

    private async Task<int> SessionCountAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.UserSessions.CountAsync(s => s.UserId == id);
    }

    private async Task<bool> TwoFactorEnabledAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync();
    }

    /// <summary>A second web node on the same database, as behind a load balancer.</summary>
    private sealed class SecondNode(ShishinAppFactory first) : ShishinAppFactory(first.Provider)
    {
        protected override bool CompleteSetup => false;

        protected override void ConfigureMore(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
            builder.UseSetting("ConnectionStrings:Shishin", first.Database.ConnectionString);
    }
}

public sealed class SessionTests_Sqlite(SqliteAppFactory app) : SessionTests(app), IClassFixture<SqliteAppFactory>;

public sealed class SessionTests_Postgres(PostgresAppFactory app) : SessionTests(app), IClassFixture<PostgresAppFactory>;
