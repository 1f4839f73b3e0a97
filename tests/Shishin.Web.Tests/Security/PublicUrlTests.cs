using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Identity;
using Shishin.Tests;

namespace Shishin.Web.Tests.Security;

/// <summary>Production settings on the test server: HTTPS required, reached over https://, with a public address.</summary>
public class SecureAppFactory(TestProvider provider) : ShishinAppFactory(provider)
{
    public const string SecurePublicUrl = "https://shishin.example.jp/";

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseSetting("Security:RequireHttps", "true");
        builder.UseSetting("Shishin:PublicUrl", SecurePublicUrl);
    }

    public HttpClient HttpsClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost/") });
}

public sealed class SecureSqliteFactory() : SecureAppFactory(TestProvider.Sqlite);

public sealed class SecurePostgresFactory() : SecureAppFactory(TestProvider.Postgres);

/// <summary>Cookies and absolute links when HTTPS is required.</summary>
public abstract class SecureCookieTests(SecureAppFactory app)
{
    [Fact]
    public async Task Page_OverHttps_IsServed()
    {
        var response = await app.HttpsClient().GetAsync("/account/sign-in");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("__Host-shishin-af=", string.Join(";", response.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TempDataCookie_RequireHttps_IsSecureWithHostPrefix()
    {
        var email = $"tempdata-{Guid.NewGuid():N}@example.jp";
        string token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (_, invitation) = await scope.ServiceProvider.GetRequiredService<UserAdministrationService>()
                .InviteAsync(email, "Temp Data", new UserAccess([Roles.Reviewer], []), null);
            token = invitation!.Token;
        }

        var client = app.HttpsClient();
        var response = await client.PostFormAsync($"/account/invitation/{token}", new()
        {
            ["Input.Password"] = ShishinAppFactory.Password,
            ["Input.ConfirmPassword"] = ShishinAppFactory.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.Contains("tempdata", StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("__Host-shishin-tempdata=", cookie, StringComparison.Ordinal);
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignInRedirect_RequireHttps_UsesThePublicUrl()
    {
        var response = await app.HttpsClient().GetAsync("/account/manage");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(SecureAppFactory.SecurePublicUrl + "account/sign-in?ReturnUrl=", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}

public sealed class SecureCookieTests_Sqlite(SecureSqliteFactory app) : SecureCookieTests(app), IClassFixture<SecureSqliteFactory>;

public sealed class SecureCookieTests_Postgres(SecurePostgresFactory app) : SecureCookieTests(app), IClassFixture<SecurePostgresFactory>;

/// <summary>A client may send any Host header; no absolute link of ours may repeat it.</summary>
public abstract partial class HostHeaderTests(ShishinAppFactory app)
{
    private const string Hostile = "evil.example";

    private HttpClient HostileClient() =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri($"http://{Hostile}/") });

    [Fact]
    public async Task InvitationLink_HostileHost_UsesThePublicUrl()
    {
        var admin = await HostileInputTests.SignInNewAdminAsync(app, HostileClient());

        var response = await admin.PostFormAsync("/admin/users/invite", new()
        {
            ["Input.DisplayName"] = "Invitee",
            ["Input.Email"] = $"invitee-{Guid.NewGuid():N}@example.jp",
            ["Access.Roles"] = Roles.Reviewer,
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(InvitationLink(), html);
        Assert.DoesNotContain(Hostile, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiServers_HostileHost_AreThePublicUrl()
    {
        var response = await HostileClient().GetAsync("/openapi/v1.json");
        var json = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"servers\": [\n    {\n      \"url\": \"http://localhost\"\n    }\n  ]", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain(Hostile, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInRedirect_HostileHost_UsesThePublicUrl()
    {
        var response = await HostileClient().GetAsync("/proposals");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost/account/sign-in?ReturnUrl=%2Fproposals", response.Headers.Location?.OriginalString);
    }

    [GeneratedRegex("value=\"http://localhost/account/invitation/[A-Za-z0-9_-]{43}\"")]
    private static partial Regex InvitationLink();
}

public sealed class HostHeaderTests_Sqlite(SqliteAppFactory app) : HostHeaderTests(app), IClassFixture<SqliteAppFactory>;

public sealed class HostHeaderTests_Postgres(PostgresAppFactory app) : HostHeaderTests(app), IClassFixture<PostgresAppFactory>;

/// <summary>A public address that cannot be one stops the start with a message that names the setting.</summary>
public sealed class PublicUrlValidationTests
{
    private sealed class BadPublicUrlFactory(string url) : ShishinAppFactory(TestProvider.Sqlite)
    {
        protected override void ConfigureMore(IWebHostBuilder builder) => builder.UseSetting("Shishin:PublicUrl", url);
    }

    [Theory]
    [InlineData("")]
    [InlineData("shishin.example.jp")]
    [InlineData("ftp://shishin.example.jp/")]
    [InlineData("https://user:secret@shishin.example.jp/")]
    [InlineData("https://shishin.example.jp/?next=evil")]
    public async Task Start_PublicUrlNotAnHttpAddress_FailsNamingTheSetting(string url)
    {
        var factory = new BadPublicUrlFactory(url);
        try
        {
            var error = Assert.ThrowsAny<Exception>(() => factory.Services);

            Assert.Contains("Shishin:PublicUrl must be the absolute http or https address", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
        }
    }
}
