using System.Net;
using Microsoft.AspNetCore.Hosting;
using Shishin.Tests;

namespace Shishin.Web.Tests.Endpoints;

/// <summary>An instance whose operator has configured a contact, an operator name and a security contact.</summary>
public class ConfiguredSiteFactory(TestProvider provider) : ShishinAppFactory(provider)
{
    public const string ContactEmail = "shishin-contact@example.jp";
    public const string OperatorName = "東京都デジタルサービス局";

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseSetting("Shishin:SecurityContact", "security@example.jp");
        builder.UseSetting("Shishin:SecurityTxtExpires", "2099-01-01T00:00:00+09:00");
        builder.UseSetting("Shishin:ContactEmail", ContactEmail);
        builder.UseSetting("Shishin:OperatorName", OperatorName);
        builder.UseSetting("Shishin:AccessibilityTestedOn", "2025-04-01");
    }
}

public sealed class SqliteConfiguredSiteFactory() : ConfiguredSiteFactory(TestProvider.Sqlite);

public sealed class PostgresConfiguredSiteFactory() : ConfiguredSiteFactory(TestProvider.Postgres);

public abstract class SecurityTxtTests(ShishinAppFactory configured, ShishinAppFactory unconfigured)
{
    [Fact]
    public async Task SecurityTxt_Configured_IsPlainTextWithTheFieldsOfRfc9116()
    {
        using var response = await configured.NewClient().GetAsync("/.well-known/security.txt");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(
            "Contact: mailto:security@example.jp\n" +
            "Expires: 2098-12-31T15:00:00Z\n" +
            "Preferred-Languages: ja, en\n" +
            "Canonical: http://localhost/.well-known/security.txt\n",
            body);
    }

    [Fact]
    public async Task SecurityTxt_NoContactConfigured_IsNotFound()
    {
        using var response = await unconfigured.NewClient().GetAsync("/.well-known/security.txt");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Contact:", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class SecurityTxtTests_Sqlite(SqliteConfiguredSiteFactory configured, SqliteAppFactory unconfigured)
    : SecurityTxtTests(configured, unconfigured), IClassFixture<SqliteConfiguredSiteFactory>, IClassFixture<SqliteAppFactory>;

public sealed class SecurityTxtTests_Postgres(PostgresConfiguredSiteFactory configured, PostgresAppFactory unconfigured)
    : SecurityTxtTests(configured, unconfigured), IClassFixture<PostgresConfiguredSiteFactory>, IClassFixture<PostgresAppFactory>;
