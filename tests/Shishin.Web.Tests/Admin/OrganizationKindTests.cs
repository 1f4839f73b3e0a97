using System.Net;
using System.Text.RegularExpressions;
using Shishin.Tests;
using static Shishin.Web.Tests.Catalog.CatalogPages;

namespace Shishin.Web.Tests.Admin;

/// <summary>A required choice never defaults silently: the organisation form starts at "choose a kind", and leaving it there is an error.</summary>
public abstract partial class OrganizationKindTests(ShishinAppFactory app)
{
    [Fact]
    public async Task AddOrganisation_KindLeftAtTheChooseLine_IsRefusedAndNothingIsAdded()
    {
        // Arrange
        var admin = await AdminAsync(app);
        var form = await admin.GetStringAsync("/admin/organizations/new");
        var key = $"kind-{Guid.NewGuid():N}"[..20];

        // Act: what a browser sends when the list is left at its first line
        var response = await admin.PostFieldsAsync("/admin/organizations/new",
            [new("Input.Key", key), new("Input.Kind", ""), new("Input.NameJa", "種類なし株式会社"), new("Input.NameEn", "No Kind Ltd")]);

        // Assert
        Assert.Equal("<option value=\"\">種類を選んでください</option>", KindSelectFirstOption().Match(form).Value);
        Assert.DoesNotMatch(SelectedKind(), form);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<p class=\"field-error\" id=\"Input_Kind-error\">種類を選んでください。</p>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync($"/organizations/{key}")).StatusCode);
    }

    [GeneratedRegex("(?<=<select[^>]*id=\"Input_Kind\"[^>]*>\\s*)<option[^>]*>[^<]*</option>")]
    private static partial Regex KindSelectFirstOption();

    [GeneratedRegex("<select[^>]*id=\"Input_Kind\"[^>]*>(?:(?!</select>).)*selected", RegexOptions.Singleline)]
    private static partial Regex SelectedKind();
}

public sealed class OrganizationKindTests_Sqlite(SqliteAppFactory app) : OrganizationKindTests(app), IClassFixture<SqliteAppFactory>;

public sealed class OrganizationKindTests_Postgres(PostgresAppFactory app) : OrganizationKindTests(app), IClassFixture<PostgresAppFactory>;
