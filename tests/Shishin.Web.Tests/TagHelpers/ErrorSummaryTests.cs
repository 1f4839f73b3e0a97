using System.Net;
using System.Text.RegularExpressions;
using Shishin.Tests;
using static Shishin.Web.Tests.Catalog.CatalogPages;

namespace Shishin.Web.Tests.TagHelpers;

/// <summary>The error summary lists problems in the order of the fields on the page, whatever order they were found in.</summary>
public abstract partial class ErrorSummaryTests(ShishinAppFactory app)
{
    // The proposal form's page checks (summary, rationale, owner, texts…) come in another order than its fields.
    [Theory]
    [InlineData("/proposals/new?owner=UX", "Input.Kind=New&Input.Owner=", "Input_Owner")]
    [InlineData("/proposals/new?owner=UX", "Input.Kind=New&Input.Owner=UX", "Input_Summary")]
    [InlineData("/admin/catalog/checkpoints/new", "Revision=-1", "Input_Owner")]
    public async Task ErrorSummary_FormWithManyErrors_ListsThemInFieldOrder(string path, string form, string first)
    {
        // Arrange
        await FreshDraftAsync(app);
        var admin = await AdminAsync(app);
        var fields = form.Split('&').Select(f => f.Split('=')).Select(p => new KeyValuePair<string, string>(p[0], p[1]));

        // Act
        var response = await admin.PostFieldsAsync(path, fields);

        // Assert
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var links = SummaryLinks().Matches(html).Select(m => m.Groups[1].Value).ToList();
        var positions = links.Select(id => html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal)).ToList();
        Assert.True(links.Count >= 4, "Too few errors to see an order: " + string.Join(", ", links));
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(first, links[0]);
        Assert.Equal(positions.Order().ToList(), positions);
    }

    [GeneratedRegex("<li><a href=\"#([^\"]+)\">")]
    private static partial Regex SummaryLinks();
}

public sealed class ErrorSummaryTests_Sqlite(SqliteAppFactory app) : ErrorSummaryTests(app), IClassFixture<SqliteAppFactory>;

public sealed class ErrorSummaryTests_Postgres(PostgresAppFactory app) : ErrorSummaryTests(app), IClassFixture<PostgresAppFactory>;
