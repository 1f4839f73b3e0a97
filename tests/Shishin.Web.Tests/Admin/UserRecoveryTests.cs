using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Tests;

namespace Shishin.Web.Tests.Admin;

/// <summary>The administrator's ways out for a locked or lost account: unlock, a reset link, a new invitation.</summary>
public abstract partial class UserRecoveryTests(MailAppFactory app)
{
    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}@example.jp";

    [Fact]
    public async Task Unlock_LockedAccount_ShowsLockedThenActiveAndSignsIn()
    {
        var admin = await AdminAsync();
        var email = Unique("locked");
        var (user, _) = await app.CreateUserAsync(email, [Roles.Reviewer]);
        var attacker = app.NewClient();
        for (var i = 0; i < 5; i++)
        {
            await attacker.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = $"guess number {i} of many" });
        }

        var page = await admin.GetStringAsync($"/admin/users/{user.Id}");
        Assert.Contains("ロック中（", page, StringComparison.Ordinal);
        Assert.Contains("ロック中（", await admin.GetStringAsync("/admin/users"), StringComparison.Ordinal);

        var unlocked = await admin.PostFormAsync($"/admin/users/{user.Id}?handler=Unlock", [], $"/admin/users/{user.Id}");

        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.DoesNotContain("ロック中（", await admin.GetStringAsync($"/admin/users/{user.Id}"), StringComparison.Ordinal);
        await app.SignInAsync(email);
        Assert.True(await AuditedAsync("account.unlocked", user.Id));
    }

    [Fact]
    public async Task SendPasswordReset_MailsAWorkingLinkAndIsAudited()
    {
        var admin = await AdminAsync();
        var email = Unique("reset");
        var (user, _) = await app.CreateUserAsync(email, [Roles.Partner]);

        var sent = await admin.PostFormAsync($"/admin/users/{user.Id}?handler=SendPasswordReset", [], $"/admin/users/{user.Id}");

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var link = new Uri(TestSmtpServer.LinkIn(await app.Smtp.WaitForAsync(email, "パスワードの再設定"), ShishinAppFactory.PublicUrl)).PathAndQuery;
        var person = app.NewClient();
        var reset = await person.PostFormAsync(link, new() { ["Input.Password"] = "another long passphrase", ["Input.ConfirmPassword"] = "another long passphrase" });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.True(await AuditedAsync("account.password-reset-sent", user.Id));
    }

    [Fact]
    public async Task Reinvite_NewLinkMailedAndShownOnce_OldLinkRevoked()
    {
        var admin = await AdminAsync();
        var email = Unique("slow");
        var invite = await admin.PostFormAsync("/admin/users/invite", new() { ["Input.DisplayName"] = "遅い 人", ["Input.Email"] = email, ["Access.Roles"] = Roles.Reviewer });
        var oldLink = Regex.Match(await invite.Content.ReadAsStringAsync(), "/account/invitation/[A-Za-z0-9_-]+").Value;
        var id = await IdOfAsync(email);

        var reinvite = await admin.PostFormAsync($"/admin/users/{id}?handler=Reinvite", [], $"/admin/users/{id}");

        Assert.Equal(HttpStatusCode.OK, reinvite.StatusCode);
        var newLink = Regex.Match(await reinvite.Content.ReadAsStringAsync(), "/account/invitation/[A-Za-z0-9_-]+").Value;
        Assert.NotEmpty(newLink);
        Assert.NotEqual(oldLink, newLink);
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync(oldLink)).StatusCode);
        var mailed = app.Smtp.To(email).Select(m => new Uri(TestSmtpServer.LinkIn(m, ShishinAppFactory.PublicUrl)).PathAndQuery).ToList();
        Assert.Equal([oldLink, newLink], mailed);
        var person = app.NewClient();
        var accepted = await person.PostFormAsync(newLink, new() { ["Input.Password"] = ShishinAppFactory.Password, ["Input.ConfirmPassword"] = ShishinAppFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.True(await AuditedAsync("account.reinvited", id));

        // Once the password is set, there is nothing to re-invite.
        var refused = await admin.PostFormAsync($"/admin/users/{id}?handler=Reinvite", [], $"/admin/users/{id}");
        Assert.DoesNotMatch("/account/invitation/[A-Za-z0-9_-]+", await refused.Content.ReadAsStringAsync());
    }

    private async Task<HttpClient> AdminAsync()
    {
        var email = Unique("admin");
        var (_, key) = await app.CreateUserAsync(email, [Roles.Admin], twoFactor: true);
        return await app.SignInAsync(email, key);
    }

    private async Task<Guid> IdOfAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<bool> AuditedAsync(string action, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().AuditEvents.AnyAsync(e => e.Action == action && e.EntityId == id.ToString());
    }
}

public sealed class UserRecoveryTests_Sqlite(SqliteMailAppFactory app) : UserRecoveryTests(app), IClassFixture<SqliteMailAppFactory>;

public sealed class UserRecoveryTests_Postgres(PostgresMailAppFactory app) : UserRecoveryTests(app), IClassFixture<PostgresMailAppFactory>;

/// <summary>Without SMTP, e-mails are written to the pickup folder and the administrator is told so.</summary>
public abstract class PickupFolderTests(ShishinAppFactory app)
{
    [Fact]
    public async Task Invite_WithoutSmtp_SavesEmlAndSaysSo()
    {
        var adminEmail = $"admin-{Guid.NewGuid():N}@example.jp";
        var (_, key) = await app.CreateUserAsync(adminEmail, [Roles.Admin], twoFactor: true);
        var admin = await app.SignInAsync(adminEmail, key);
        var email = $"nomail-{Guid.NewGuid():N}@example.jp";

        var invite = await admin.PostFormAsync("/admin/users/invite", new() { ["Input.DisplayName"] = "メール なし", ["Input.Email"] = email, ["Access.Roles"] = Roles.Reviewer });

        var html = await invite.Content.ReadAsStringAsync();
        Assert.Contains("メールは送信されず、サーバーのフォルダー", html, StringComparison.Ordinal);
        Assert.Contains(app.MailPickupDirectory, html, StringComparison.Ordinal);
        var saved = Directory.GetFiles(app.MailPickupDirectory, "*.eml").Select(f => MimeKit.MimeMessage.Load(f)).Single(m => m.To.Mailboxes.Any(b => b.Address == email));
        var link = Regex.Match(html, "/account/invitation/[A-Za-z0-9_-]+").Value;
        Assert.Contains("http://localhost" + link, saved.TextBody, StringComparison.Ordinal);
    }
}

public sealed class PickupFolderTests_Sqlite(SqliteAppFactory app) : PickupFolderTests(app), IClassFixture<SqliteAppFactory>;

public sealed class PickupFolderTests_Postgres(PostgresAppFactory app) : PickupFolderTests(app), IClassFixture<PostgresAppFactory>;
