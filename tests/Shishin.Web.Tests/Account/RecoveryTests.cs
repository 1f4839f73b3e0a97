using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Tests;

namespace Shishin.Web.Tests.Account;

/// <summary>Accounts that recover, end to end through the e-mails an in-process SMTP server receives.</summary>
public abstract partial class RecoveryTests(MailAppFactory app)
{
    private const string GenericFailure = "メールアドレスまたはパスワードが正しくないか、このアカウントは現在使えません。";
    private const string LockoutNotice = "このメールアドレスでのサインインの失敗が続いたため、15 分間サインインを止めています。";
    private const string NewPassword = "a brand new passphrase for testing";

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}@example.jp";

    private static string PathOf(string link) => new Uri(link).PathAndQuery;

    [Fact]
    public async Task SignIn_FiveFailures_SameLockoutNoticeForUnknownAndKnownAddress_MailOnlyToOwner()
    {
        var known = Unique("locked");
        var unknown = Unique("nobody");
        await app.CreateUserAsync(known, [Roles.Reviewer]);
        var client = app.NewClient();
        var answers = new Dictionary<string, List<string>> { [known] = [], [unknown] = [] };

        for (var i = 0; i < 6; i++)
        {
            foreach (var email in answers.Keys)
            {
                var response = await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = $"wrong password number {i}" });
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                answers[email].Add(MainContent(await response.Content.ReadAsStringAsync(), email));
            }
        }

        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(answers[known][i], answers[unknown][i]);
            Assert.Contains(i < 4 ? GenericFailure : LockoutNotice, answers[known][i], StringComparison.Ordinal);
        }

        var right = await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = known, ["Input.Password"] = ShishinAppFactory.Password });
        Assert.Contains(LockoutNotice, await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var mail = await app.Smtp.WaitForAsync(known, "ロック");
        Assert.Contains("/account/forgot-password", mail.TextBody, StringComparison.Ordinal);
        await app.DrainEmailAsync();
        Assert.Empty(app.Smtp.To(unknown));
        Assert.Single(app.Smtp.To(known), m => (m.Subject ?? "").Contains("ロック", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForgotPassword_EmailLink_SetsNewPasswordOnceAndEndsSessions()
    {
        var email = Unique("forgetful");
        await app.CreateUserAsync(email, [Roles.ServiceOwner]);
        var session = await app.SignInAsync(email);

        var asked = await app.NewClient().PostFormAsync("/account/forgot-password", new() { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var link = PathOf(TestSmtpServer.LinkIn(await app.Smtp.WaitForAsync(email, "パスワードの再設定"), ShishinAppFactory.PublicUrl));
        Assert.StartsWith("/account/reset-password?", link, StringComparison.Ordinal);

        var person = app.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync(link)).StatusCode);
        var reset = await person.PostFormAsync(link, new() { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/account/sign-in", reset.Headers.Location?.OriginalString);
        var ended = await session.GetAsync("/account/manage");
        Assert.Contains("/account/sign-in", ended.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var signIn = await app.NewClient().PostFormAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = NewPassword });
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await person.GetAsync(link)).StatusCode);
        var reused = await person.PostFormAsync(link, new() { ["Input.Password"] = NewPassword + "!", ["Input.ConfirmPassword"] = NewPassword + "!" }, "/account/forgot-password");
        Assert.Equal(HttpStatusCode.NotFound, reused.StatusCode);
    }

    [Fact]
    public async Task ForgotPassword_UnknownAndKnownAddress_SameAnswerAndMailOnlyToOwner()
    {
        var known = Unique("owner");
        var unknown = Unique("stranger");
        await app.CreateUserAsync(known, [Roles.Reviewer]);

        var forKnown = await app.NewClient().PostFormAsync("/account/forgot-password", new() { ["Input.Email"] = known });
        var forUnknown = await app.NewClient().PostFormAsync("/account/forgot-password", new() { ["Input.Email"] = unknown });

        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        Assert.Equal(MainContent(await forKnown.Content.ReadAsStringAsync(), known), MainContent(await forUnknown.Content.ReadAsStringAsync(), unknown));
        await app.Smtp.WaitForAsync(known, "パスワードの再設定");
        await app.DrainEmailAsync();
        Assert.Empty(app.Smtp.To(unknown));
    }

    [Fact]
    public async Task Invitation_EmailedLink_SetsPasswordAndSignsIn()
    {
        var admin = await AdminAsync();
        var invitee = Unique("invited");

        var invite = await admin.PostFormAsync("/admin/users/invite", new() { ["Input.DisplayName"] = "招待 花子", ["Input.Email"] = invitee, ["Access.Roles"] = Roles.Reviewer });

        Assert.Contains("メールで送信しました", await invite.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var mail = await app.Smtp.WaitForAsync(invitee, "招待");
        Assert.Contains("招待 花子 様", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"http://localhost/account/invitation/", mail.HtmlBody, StringComparison.Ordinal);
        var person = app.NewClient();
        var accepted = await person.PostFormAsync(PathOf(TestSmtpServer.LinkIn(mail, ShishinAppFactory.PublicUrl)),
            new() { ["Input.Password"] = ShishinAppFactory.Password, ["Input.ConfirmPassword"] = ShishinAppFactory.Password });
        Assert.Equal("/", accepted.Headers.Location?.OriginalString);
        Assert.Contains(invitee, await person.GetStringAsync("/account/manage"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_SecondBrowser_MailsTheOwnerButNotTheFirstBrowserAgain()
    {
        var email = Unique("traveller");
        await app.CreateUserAsync(email, [Roles.Partner]);

        var first = await app.SignInAsync(email);
        var again = await first.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = ShishinAppFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await app.DrainEmailAsync();
        Assert.Empty(app.Smtp.To(email));

        var second = app.NewClient();
        second.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36");
        await second.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = ShishinAppFactory.Password });

        var mail = await app.Smtp.WaitForAsync(email, "新しいブラウザー");
        Assert.Contains("Chrome on Windows", mail.TextBody, StringComparison.Ordinal);
        await app.DrainEmailAsync();
        Assert.Single(app.Smtp.To(email));
    }

    [Fact]
    public async Task ChangeEmail_ConfirmationLinkToNewAddress_ChangesOnlyWhenOpenedAndTellsOldAddress()
    {
        var email = Unique("before");
        var newEmail = Unique("after");
        await app.CreateUserAsync(email, [Roles.ServiceOwner]);
        var client = await app.SignInAsync(email);

        var asked = await client.PostFormAsync("/account/manage/email", new() { ["Input.NewEmail"] = newEmail, ["Input.CurrentPassword"] = ShishinAppFactory.Password });

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal(email, await EmailOfAsync(email, newEmail));
        var link = PathOf(TestSmtpServer.LinkIn(await app.Smtp.WaitForAsync(newEmail, "メールアドレスの確認"), ShishinAppFactory.PublicUrl));
        var elsewhere = app.NewClient();
        Assert.Contains(newEmail, await elsewhere.GetStringAsync(link), StringComparison.Ordinal);
        Assert.Equal(email, await EmailOfAsync(email, newEmail));

        var confirmed = await elsewhere.PostFormAsync(link, []);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(newEmail, await EmailOfAsync(email, newEmail));
        Assert.Contains(newEmail, (await app.Smtp.WaitForAsync(email, "メールアドレスを変更しました")).TextBody, StringComparison.Ordinal);
        Assert.Contains("/account/sign-in", (await client.GetAsync("/account/manage")).Headers.Location?.OriginalString, StringComparison.Ordinal);
        await app.SignInAsync(newEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task TwoFactor_EnableAndNewRecoveryCodes_MailTheOwner()
    {
        var email = Unique("careful");
        await app.CreateUserAsync(email, [Roles.Reviewer]);
        var client = await app.SignInAsync(email);
        await client.GetAsync("/account/manage/two-factor");
        string key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ShishinUser>>();
            key = (await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!))!;
        }

        var enabled = await client.PostFormAsync("/account/manage/two-factor", new() { ["Input.Code"] = ShishinAppFactory.Totp(key) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        await app.Smtp.WaitForAsync(email, "2 段階認証を有効にしました");

        await client.PostFormAsync("/account/manage/two-factor?handler=RecoveryCodes", new() { ["Reauth.CurrentPassword"] = ShishinAppFactory.Password }, "/account/manage/two-factor");
        await app.Smtp.WaitForAsync(email, "リカバリーコードを作り直しました");
    }

    [Fact]
    public async Task AccountPage_OwnName_IsChanged()
    {
        var email = Unique("renamed");
        await app.CreateUserAsync(email, [Roles.Reviewer]);
        var client = await app.SignInAsync(email);

        var empty = await client.PostFormAsync("/account/manage?handler=Name", new() { ["Input.DisplayName"] = "" }, "/account/manage");
        var renamed = await client.PostFormAsync("/account/manage?handler=Name", new() { ["Input.DisplayName"] = "新しい 名前" }, "/account/manage");

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("field-error", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Contains("新しい 名前", await client.GetStringAsync("/account/manage"), StringComparison.Ordinal);
    }

    private async Task<HttpClient> AdminAsync()
    {
        var email = Unique("admin");
        var (_, key) = await app.CreateUserAsync(email, [Roles.Admin], twoFactor: true);
        return await app.SignInAsync(email, key);
    }

    private async Task<string?> EmailOfAsync(string either, string or)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().Users
            .Where(u => u.Email == either || u.Email == or).Select(u => u.Email).SingleAsync();
    }

    /// <summary>The page's main content with the address and per-request values (tokens, nonces) taken out.</summary>
    private static string MainContent(string html, string email)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.IndexOf("</main>", StringComparison.Ordinal);
        return Volatile().Replace(html[start..end].Replace(email, "{email}", StringComparison.Ordinal), "");
    }

    [GeneratedRegex("(name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]*\"|nonce=\"[^\"]*\")")]
    private static partial Regex Volatile();
}

public sealed class RecoveryTests_Sqlite(SqliteMailAppFactory app) : RecoveryTests(app), IClassFixture<SqliteMailAppFactory>;

public sealed class RecoveryTests_Postgres(PostgresMailAppFactory app) : RecoveryTests(app), IClassFixture<PostgresMailAppFactory>;
