using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Identity;
using Shishin.Tests;

namespace Shishin.Web.Tests.Account;

public abstract class AccountTests(ShishinAppFactory app)
{
    private const string GenericFailure = "メールアドレスまたはパスワードが正しくないか、このアカウントは現在使えません。";

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}@example.jp";

    [Fact]
    public async Task SignIn_CorrectPassword_RedirectsAndOpensAccountPage()
    {
        var email = Unique("owner");
        await app.CreateUserAsync(email, [Roles.ServiceOwner]);

        var client = await app.SignInAsync(email);
        var page = await client.GetAsync("/account/manage");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(email, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongPasswordUnknownUserLockedOrDeactivated_LookTheSame()
    {
        var known = Unique("known");
        var deactivated = Unique("gone");
        await app.CreateUserAsync(known, [Roles.Reviewer]);
        await app.CreateUserAsync(deactivated, [Roles.Reviewer], active: false);
        var client = app.NewClient();

        var wrong = await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = known, ["Input.Password"] = "not the password at all" });
        var unknown = await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = Unique("nobody"), ["Input.Password"] = "not the password at all" });
        var inactive = await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = deactivated, ["Input.Password"] = ShishinAppFactory.Password });

        foreach (var response in new[] { wrong, unknown, inactive })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains(GenericFailure, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksAccountEvenForTheRightPassword()
    {
        var email = Unique("locked");
        await app.CreateUserAsync(email, [Roles.Partner]);
        var client = app.NewClient();

        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = $"wrong password number {i}" });
        }

        var right = await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = ShishinAppFactory.Password });

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        // The lockout notice, which every address gets after as many failures (RecoveryTests), not a sign-in.
        Assert.Contains("サインインを止めています", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ShishinUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!));
    }

    [Fact]
    public async Task Admin_WithoutTwoFactor_IsHeldAtEnrolmentUntilEnrolled()
    {
        var email = Unique("admin");
        await app.CreateUserAsync(email, [Roles.Admin]);
        var client = await app.SignInAsync(email);

        var users = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, users.StatusCode);
        Assert.Equal("/account/manage/two-factor", users.Headers.Location?.OriginalString);
        var api = await client.GetAsync("/api/v1/organizations");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);

        var enrolmentResponse = await client.GetAsync("/account/manage/two-factor");
        Assert.True(enrolmentResponse.IsSuccessStatusCode, enrolmentResponse.Headers.Location?.OriginalString);
        var enrolment = await enrolmentResponse.Content.ReadAsStringAsync();
        var key = System.Text.RegularExpressions.Regex.Match(enrolment, "<code>([a-z2-7 ]+)</code>").Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var enrolled = await client.PostFormAsync("/account/manage/two-factor", new() { ["Input.Code"] = ShishinAppFactory.Totp(key) });
        var enrolledHtml = await enrolled.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        Assert.Equal(10, System.Text.RegularExpressions.Regex.Count(enrolledHtml, "<li><code>"));

        var after = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Admin_WithTwoFactor_NeedsTheCodeToSignIn()
    {
        var email = Unique("admin2fa");
        var (_, key) = await app.CreateUserAsync(email, [Roles.Admin], twoFactor: true);
        var client = app.NewClient();

        var password = await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = ShishinAppFactory.Password });
        Assert.StartsWith("/account/sign-in/two-factor", password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var beforeCode = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, beforeCode.StatusCode);
        Assert.StartsWith("/account/sign-in", beforeCode.Headers.Location?.AbsolutePath ?? beforeCode.Headers.Location?.OriginalString, StringComparison.Ordinal);

        var wrong = await client.PostFormAsync("/account/sign-in/two-factor", new() { ["Input.Code"] = "000000" == ShishinAppFactory.Totp(key!) ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var right = await client.PostFormAsync("/account/sign-in/two-factor", new() { ["Input.Code"] = ShishinAppFactory.Totp(key!) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task RecoveryCode_UsedOnce_SignsInThenIsSpent()
    {
        var email = Unique("lostphone");
        var (user, _) = await app.CreateUserAsync(email, [Roles.Reviewer], twoFactor: true);
        string code;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ShishinUser>>();
            code = (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByIdAsync(user.Id.ToString()))!, 10))!.First();
        }

        async Task<HttpResponseMessage> SignInWithRecoveryAsync(HttpClient client)
        {
            await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = ShishinAppFactory.Password });
            return await client.PostFormAsync("/account/sign-in/recovery-code", new() { ["Input.Code"] = code });
        }

        var first = await SignInWithRecoveryAsync(app.NewClient());
        var second = await SignInWithRecoveryAsync(app.NewClient());

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("コードが正しくないか", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_ShowsFieldMessageAndKeepsOldPassword()
    {
        var email = Unique("changer");
        await app.CreateUserAsync(email, [Roles.ServiceOwner]);
        var client = await app.SignInAsync(email);

        var response = await client.PostFormAsync("/account/manage/password", new()
        {
            ["Input.CurrentPassword"] = "this is not my password",
            ["Input.NewPassword"] = "another long passphrase",
            ["Input.ConfirmPassword"] = "another long passphrase",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("現在のパスワードが正しくありません。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await app.SignInAsync(email);
    }

    [Fact]
    public async Task Invitation_AdminInvites_InviteeSetsPasswordOnceAndSignsIn()
    {
        var adminEmail = Unique("inviter");
        var (_, key) = await app.CreateUserAsync(adminEmail, [Roles.Admin], twoFactor: true);
        var admin = await app.SignInAsync(adminEmail, key);
        var invitee = Unique("invitee");

        var invite = await admin.PostFormAsync("/admin/users/invite", new()
        {
            ["Input.DisplayName"] = "招待 太郎",
            ["Input.Email"] = invitee,
            ["Access.Roles"] = Roles.ServiceOwner,
        });
        var html = await invite.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, invite.StatusCode);
        var link = System.Text.RegularExpressions.Regex.Match(html, "/account/invitation/([A-Za-z0-9_-]+)").Value;
        Assert.NotEmpty(link);

        var person = app.NewClient();
        var accepted = await person.PostFormAsync(link, new() { ["Input.Password"] = ShishinAppFactory.Password, ["Input.ConfirmPassword"] = ShishinAppFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var again = await person.GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);

        var signedIn = await app.SignInAsync(invitee);
        Assert.Contains(invitee, await signedIn.GetStringAsync("/account/manage"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivation_EndsOpenSessionAndBlocksSignIn()
    {
        var adminEmail = Unique("deactivator");
        var (_, key) = await app.CreateUserAsync(adminEmail, [Roles.Admin], twoFactor: true);
        var admin = await app.SignInAsync(adminEmail, key);
        var email = Unique("leaver");
        var (user, _) = await app.CreateUserAsync(email, [Roles.ServiceOwner]);
        var session = await app.SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/account/manage")).StatusCode);

        var deactivate = await admin.PostFormAsync($"/admin/users/{user.Id}?handler=deactivate", [], $"/admin/users/{user.Id}");
        Assert.Equal(HttpStatusCode.Redirect, deactivate.StatusCode);

        var afterwards = await session.GetAsync("/account/manage");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Contains("/account/sign-in", afterwards.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var again = await app.NewClient().PostFormAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = ShishinAppFactory.Password });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }
}

public sealed class AccountTests_Sqlite(SqliteAppFactory app) : AccountTests(app), IClassFixture<SqliteAppFactory>;

public sealed class AccountTests_Postgres(PostgresAppFactory app) : AccountTests(app), IClassFixture<PostgresAppFactory>;
