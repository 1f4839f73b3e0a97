using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Auditing;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Tests;

namespace Shishin.Web.Tests.Security;

/// <summary>Inputs that answered 500, sent to the sign-in page or left data behind; each gets its proper answer now.</summary>
public abstract class HostileInputTests(ShishinAppFactory app)
{
    public static TheoryData<string> UnsafeReturnUrls => new()
    {
        "/\t/evil.example/",
        "/\r\n/evil.example/",
        "/ok\u007f",
        "/\\evil.example/",
        "/a\\..\\b",
        "/\u2028/evil.example/",
        " /organizations",
        "/" + new string('a', 3000),
    };

    [Fact]
    public async Task Culture_PostWithoutAntiforgeryToken_Gets400()
    {
        var response = await app.NewClient().PostAsync("/culture", new FormUrlEncodedContent([new("culture", "en"), new("returnUrl", "/")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("リクエストを処理できませんでした", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(UnsafeReturnUrls))]
    public async Task Culture_UnsafeReturnUrl_RedirectsHome(string returnUrl)
    {
        var response = await app.NewClient().PostFormAsync("/culture", new() { ["culture"] = "en", ["returnUrl"] = returnUrl }, "/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(UnsafeReturnUrls))]
    public async Task SignIn_UnsafeReturnUrl_RedirectsHome(string returnUrl)
    {
        var email = $"return-{Guid.NewGuid():N}@example.jp";
        await app.CreateUserAsync(email, [Roles.Reviewer]);
        var client = app.NewClient();

        var response = await client.PostFormAsync("/account/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl),
            new() { ["Input.Email"] = email, ["Input.Password"] = ShishinAppFactory.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_LocalReturnUrl_IsKept()
    {
        var email = $"return-{Guid.NewGuid():N}@example.jp";
        await app.CreateUserAsync(email, [Roles.Reviewer]);

        var response = await app.NewClient().PostFormAsync("/account/sign-in?returnUrl=" + Uri.EscapeDataString("/proposals?state=open"),
            new() { ["Input.Email"] = email, ["Input.Password"] = ShishinAppFactory.Password });

        Assert.Equal("/proposals?state=open", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/admin/audit?Filter.To=9999-12-31", "Filter_To")]
    [InlineData("/admin/audit?Filter.From=0001-01-01", "Filter_From")]
    public async Task AuditFilter_DateOutOfRange_ShowsFieldMessage(string path, string field)
    {
        var admin = await SignInNewAdminAsync(app.NewClient());

        var response = await admin.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<p class=\"field-error\" id=\"{field}-error\">2000-01-01から2999-12-31までの日付を入力してください。</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditExport_DateOutOfRange_SendsBackToTheFilterWithoutStartingAFile()
    {
        var admin = await SignInNewAdminAsync(app.NewClient());

        var response = await admin.GetAsync("/admin/audit/export?Filter.From=2026-01-01&Filter.To=9999-12-31");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/audit?Filter.From=2026-01-01&Filter.To=9999-12-31", response.Headers.Location?.OriginalString);
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task AuditExport_WidestAllowedRange_IsACompleteCsv()
    {
        var admin = await SignInNewAdminAsync(app.NewClient());

        var response = await admin.GetAsync("/admin/audit/export?Filter.From=2000-01-01&Filter.To=2999-12-31");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).TrimEnd().Split('\n');

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("記録ID,日時（日本時間）,操作した人のID,操作した人,操作,対象の種類,対象ID,変更前,変更後,クライアントIP,相関ID", lines[0].TrimEnd('\r'));
        Assert.Contains(lines, l => l.Contains("account.signed-in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuditQuery_EndsOfTheCalendar_ExcludeNothing()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();

        var all = await audit.Query(new AuditQuery()).CountAsync();
        var ends = await audit.Query(new AuditQuery(From: DateOnly.MinValue, To: DateOnly.MaxValue)).CountAsync();
        var nearEnds = await audit.Query(new AuditQuery(From: DateOnly.MinValue.AddDays(1), To: DateOnly.MaxValue.AddDays(-1))).CountAsync();

        Assert.True(all > 0);
        Assert.Equal(all, ends);
        Assert.Equal(all, nearEnds);
    }

    [Theory]
    [InlineData("Access.OrganizationIds", "00000000-0000-0000-0000-000000000001", "Access_OrganizationIds", "一覧から組織を選んでください。")]
    [InlineData("Access.Roles", "Emperor", "Access_Roles", "一覧からロールを選んでください。")]
    public async Task Invite_UnknownOrganisationOrRole_ShowsFieldMessageAndCreatesNoAccount(string field, string value, string id, string message)
    {
        var admin = await SignInNewAdminAsync(app.NewClient());
        var email = $"invitee-{Guid.NewGuid():N}@example.jp";
        var fields = new Dictionary<string, string> { ["Input.DisplayName"] = "Invitee", ["Input.Email"] = email, [field] = value };
        if (field != "Access.Roles")
        {
            fields["Access.Roles"] = Roles.ServiceOwner;
        }

        var response = await admin.PostFormAsync("/admin/users/invite", fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<p class=\"field-error\" id=\"{id}-error\">{message}</p>", html, StringComparison.Ordinal);
        Assert.Null(await FindUserAsync(email));
    }

    [Fact]
    public async Task InviteAsync_UnknownOrganisationOrRole_CreatesNothing()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var usersBefore = await db.Users.CountAsync();
        var invitationsBefore = await db.Invitations.CountAsync();
        var known = await db.Organizations.Select(o => o.Id).FirstAsync();

        var (badOrganization, noInvitation) = await accounts.InviteAsync(
            $"a-{Guid.NewGuid():N}@example.jp", "A", new UserAccess([Roles.ServiceOwner], [known, Guid.NewGuid()]), null);
        var (badRole, _) = await accounts.InviteAsync(
            $"b-{Guid.NewGuid():N}@example.jp", "B", new UserAccess(["Emperor"], [known]), null);

        Assert.Equal([UserAdministrationService.UnknownOrganizationCode], badOrganization.Errors.Select(e => e.Code));
        Assert.Equal([UserAdministrationService.UnknownRoleCode], badRole.Errors.Select(e => e.Code));
        Assert.Null(noInvitation);
        Assert.Equal(usersBefore, await db.Users.CountAsync());
        Assert.Equal(invitationsBefore, await db.Invitations.CountAsync());
    }

    [Fact]
    public async Task InviteAsync_DuplicateEmail_LeavesNothingBehind()
    {
        var email = $"dup-{Guid.NewGuid():N}@example.jp";
        await app.CreateUserAsync(email, [Roles.Reviewer]);
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var invitationsBefore = await db.Invitations.CountAsync();

        var (result, invitation) = await accounts.InviteAsync(email, "Again", new UserAccess([Roles.Reviewer], []), null);

        Assert.False(result.Succeeded);
        Assert.Null(invitation);
        Assert.Equal(invitationsBefore, await db.Invitations.CountAsync());
    }

    [Theory]
    [InlineData("/no/such/page")]
    [InlineData("/admin/no-such-page")]
    [InlineData("/account/manage/no-such-page")]
    [InlineData("/account/api-keys/no-such-page")]
    [InlineData("/css/no-such-file.css")]
    public async Task UnknownUrl_SignedInOrNot_Gets404Page(string path)
    {
        var email = $"reader-{Guid.NewGuid():N}@example.jp";
        await app.CreateUserAsync(email, [Roles.Reviewer]);

        foreach (var client in new[] { app.NewClient(), await app.SignInAsync(email) })
        {
            var response = await client.GetAsync(path);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("ページが見つかりません", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("POST", "/no/such/page")]
    [InlineData("PUT", "/admin/no-such-page")]
    [InlineData("DELETE", "/account/manage/no-such-page")]
    public async Task UnknownUrl_UnsafeMethodSignedInOrNot_Gets404NotSignIn(string method, string path)
    {
        var email = $"writer-{Guid.NewGuid():N}@example.jp";
        await app.CreateUserAsync(email, [Roles.ServiceOwner]);

        foreach (var client in new[] { app.NewClient(), await app.SignInAsync(email) })
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("a=1") });

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task UnknownApiUrl_Anonymous_GetsProblemDetails()
    {
        var response = await app.NewClient().GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("GET", "/culture")]
    [InlineData("DELETE", "/api/v1/organizations")]
    public async Task WrongMethod_OnAKnownRoute_Gets405SignedInOrNot(string method, string path)
    {
        var email = $"reader-{Guid.NewGuid():N}@example.jp";
        await app.CreateUserAsync(email, [Roles.Reviewer]);

        foreach (var client in new[] { app.NewClient(), await app.SignInAsync(email) })
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        }
    }

    [Fact]
    public async Task KnownPage_Anonymous_StillGoesToSignIn()
    {
        var response = await app.NewClient().GetAsync("/account/manage");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/sign-in?ReturnUrl=%2Faccount%2Fmanage", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvitationPage_OwnReferrerPolicy_IsNotOverwritten()
    {
        var response = await app.NewClient().GetAsync("/account/invitation/not-a-real-token");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
    }

    private async Task<ShishinUser?> FindUserAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ShishinUser>>().FindByEmailAsync(email);
    }

    /// <summary>A new admin per call: each signs in once, so no authenticator code is ever used twice.</summary>
    internal static async Task<HttpClient> SignInNewAdminAsync(ShishinAppFactory app, HttpClient client)
    {
        var email = $"admin-{Guid.NewGuid():N}@example.jp";
        var (_, key) = await app.CreateUserAsync(email, [Roles.Admin], twoFactor: true);
        var response = await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = ShishinAppFactory.Password });
        Assert.Contains("/account/sign-in/two-factor", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        response = await client.PostFormAsync("/account/sign-in/two-factor", new() { ["Input.Code"] = ShishinAppFactory.Totp(key!) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private Task<HttpClient> SignInNewAdminAsync(HttpClient client) => SignInNewAdminAsync(app, client);
}

public sealed class HostileInputTests_Sqlite(SqliteAppFactory app) : HostileInputTests(app), IClassFixture<SqliteAppFactory>;

public sealed class HostileInputTests_Postgres(PostgresAppFactory app) : HostileInputTests(app), IClassFixture<PostgresAppFactory>;
