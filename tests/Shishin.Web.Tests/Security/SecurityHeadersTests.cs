using System.Text.RegularExpressions;
using Shishin.Tests;

namespace Shishin.Web.Tests.Security;

public abstract partial class SecurityHeadersTests(ShishinAppFactory app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/sign-in")]
    [InlineData("/errors/404")]
    [InlineData("/api/v1/organizations")]
    public async Task Response_AnyPage_CarriesTheSecurityHeaders(string path)
    {
        var response = await app.NewClient().GetAsync(path);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'", csp);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nonce_TwoRequests_Differ()
    {
        var client = app.NewClient();

        var first = NoncePattern().Match(string.Join(";", (await client.GetAsync("/")).Headers.GetValues("Content-Security-Policy"))).Value;
        var second = NoncePattern().Match(string.Join(";", (await client.GetAsync("/")).Headers.GetValues("Content-Security-Policy"))).Value;

        Assert.NotEmpty(first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Pages_HaveNoInlineStyleOrScriptWithoutNonce()
    {
        var html = await app.NewClient().GetStringAsync("/organizations");

        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<script(?![^>]*nonce=)(?![^>]*src=)", html);
    }

    [Fact]
    public async Task SessionCookies_AreHttpOnlyAndSameSite()
    {
        var client = app.NewClient();
        var response = await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = ShishinAppFactory.SetupAdminEmail, ["Input.Password"] = ShishinAppFactory.Password });

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();

        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(cookies, c => Assert.Contains("samesite=", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task HealthReady_WithDatabase_IsHealthy()
    {
        var response = await app.NewClient().GetStringAsync("/health/ready");

        Assert.Equal("Healthy", response);
    }

    [GeneratedRegex("nonce-[^']+")]
    private static partial Regex NoncePattern();
}

public sealed class SecurityHeadersTests_Sqlite(SqliteAppFactory app) : SecurityHeadersTests(app), IClassFixture<SqliteAppFactory>;

public sealed class SecurityHeadersTests_Postgres(PostgresAppFactory app) : SecurityHeadersTests(app), IClassFixture<PostgresAppFactory>;
