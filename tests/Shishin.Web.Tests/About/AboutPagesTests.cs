using System.Net;
using Shishin.Tests;
using Shishin.Web.Tests.Endpoints;

namespace Shishin.Web.Tests.About;

/// <summary>The footer's pages: open to anyone, and honest about what the operator has (not) configured.</summary>
public abstract class AboutPagesTests(ShishinAppFactory configured, ShishinAppFactory unconfigured)
{
    [Theory]
    [InlineData("/accessibility", "<h1>アクセシビリティ方針</h1>")]
    [InlineData("/privacy", "<h1>プライバシーポリシー</h1>")]
    [InlineData("/contact", "<h1>お問い合わせ</h1>")]
    public async Task Page_Anonymous_IsShown(string path, string heading)
    {
        using var response = await unconfigured.NewClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(heading, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Footer_AnyPage_LinksToTheThreePages()
    {
        var html = await unconfigured.NewClient().GetStringAsync("/organizations");
        var footer = html[html.IndexOf("<footer", StringComparison.Ordinal)..];

        Assert.Contains("href=\"/accessibility\">アクセシビリティ方針</a>", footer, StringComparison.Ordinal);
        Assert.Contains("href=\"/privacy\">プライバシーポリシー</a>", footer, StringComparison.Ordinal);
        Assert.Contains("href=\"/contact\">お問い合わせ</a>", footer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contact_Configured_ShowsTheOperatorAndAddress()
    {
        var html = await configured.NewClient().GetStringAsync("/contact");

        Assert.Contains(ConfiguredSiteFactory.OperatorName, html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"mailto:{ConfiguredSiteFactory.ContactEmail}\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/.well-known/security.txt\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contact_Unconfigured_SaysNoAddressIsPublished()
    {
        var html = await unconfigured.NewClient().GetStringAsync("/contact");

        Assert.Contains("まだ連絡先を公開していません", html, StringComparison.Ordinal);
        Assert.DoesNotContain("mailto:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("security.txt", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accessibility_TestDateConfigured_ShowsTheDate()
    {
        var configuredHtml = await configured.NewClient().GetStringAsync("/accessibility");
        var unconfiguredHtml = await unconfigured.NewClient().GetStringAsync("/accessibility");

        Assert.Contains("JIS X 8341-3:2016 の適合レベルAA", configuredHtml, StringComparison.Ordinal);
        Assert.Contains("最終試験日は2025年4月1日です", configuredHtml, StringComparison.Ordinal);
        Assert.Contains("試験日を記録していません", unconfiguredHtml, StringComparison.Ordinal);
    }
}

public sealed class AboutPagesTests_Sqlite(SqliteConfiguredSiteFactory configured, SqliteAppFactory unconfigured)
    : AboutPagesTests(configured, unconfigured), IClassFixture<SqliteConfiguredSiteFactory>, IClassFixture<SqliteAppFactory>;

public sealed class AboutPagesTests_Postgres(PostgresConfiguredSiteFactory configured, PostgresAppFactory unconfigured)
    : AboutPagesTests(configured, unconfigured), IClassFixture<PostgresConfiguredSiteFactory>, IClassFixture<PostgresAppFactory>;
