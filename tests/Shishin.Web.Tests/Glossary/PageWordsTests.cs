using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;
using Shishin.Tests;
using Shishin.Web.Glossary;
using Shishin.Web.Tests.Security;
using static Shishin.Web.Tests.Catalog.CatalogPages;

namespace Shishin.Web.Tests.Glossary;

/// <summary>
/// Every page a visitor or an administrator can open (the GET rows of the authorisation matrix), and the forms that
/// show errors, rendered in Japanese and English: their headings, labels, legends, captions, table headers, summaries
/// and buttons use only the glossary's words, and every text field has a maximum length in its markup.
/// </summary>
public abstract partial class PageWordsTests(ShishinAppFactory app)
{
    /// <summary>Forms sent empty or wrong, so their field labels and error texts are checked too.</summary>
    private static readonly (string Path, string Form)[] FormsWithErrors =
    [
        ("/admin/organizations/new", "Input.Kind="),
        ("/proposals/new?owner=UX", "Input.Kind=New&Input.Owner=UX"),
        ("/proposals/new?checkpoint=P3-01", "Input.Kind=Change&Input.CheckpointId=P3-01"),
        ("/admin/catalog/checkpoints/new", "Revision=-1&Input.Owner=P3"),
        ("/admin/catalog/parameters/new", "Revision=-1"),
        ("/admin/catalog?handler=publish", "revision=-1&Publish.Version="),
    ];

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task Pages_LabelsAndHeadings_UseOnlyTheGlossaryWords(string language)
    {
        // Arrange
        await FreshDraftAsync(app);
        var english = language == "en";
        var pages = await RenderEveryPageAsync(language);

        // Act
        var found = pages
            .SelectMany(p => Labels(p.Html).SelectMany(text => Terms.Rejected(text, english, heading: true)
                .Select(r => $"{p.Name}: “{text}” uses {r.Variant.Text} (use {(english ? r.Term.English : r.Term.Japanese)})")))
            .Distinct()
            .ToList();

        // Assert
        Assert.True(pages.Count > 30, $"Only {pages.Count} pages were rendered; the route list is broken.");
        Assert.True(found.Count == 0, "Words outside the glossary:\n" + string.Join("\n", found));
    }

    [Fact]
    public async Task Pages_TextFields_HaveAMaximumLength()
    {
        // Arrange
        await FreshDraftAsync(app);
        var pages = await RenderEveryPageAsync("ja");

        // Act: text inputs and text areas in forms; the header's hidden fields and checkboxes do not take text.
        var unbounded = pages
            .SelectMany(p => TextFields().Matches(p.Html).Where(m => !m.Value.Contains("maxlength=", StringComparison.Ordinal)).Select(m => $"{p.Name}: {m.Value}"))
            .Distinct()
            .ToList();

        // Assert
        Assert.True(pages.Sum(p => TextFields().Count(p.Html)) > 50, "The field scan found too few fields; the pattern is broken.");
        Assert.True(unbounded.Count == 0, "Text fields without maxlength:\n" + string.Join("\n", unbounded));
    }

    private async Task<List<(string Name, string Html)>> RenderEveryPageAsync(string language)
    {
        var anonymous = app.NewClient();
        var admin = await AdminAsync(app);
        var adminId = await AdminIdAsync();
        var organization = await OrganizationIdAsync();
        var pages = new List<(string, string)>();
        foreach (var row in Access.Table.Where(a => a.Method == "GET" && (a.Anonymous == Outcome.Ok || a.Admin == Outcome.Ok) && !a.Sample.Contains("{proposal}", StringComparison.Ordinal)))
        {
            var path = row.Sample.Replace("{admin}", adminId, StringComparison.Ordinal).Replace("{organization}", organization, StringComparison.Ordinal);
            foreach (var (client, who) in new[] { (anonymous, "anonymous"), (admin, "admin") }.Where(c => (c.Item2 == "admin" ? row.Admin : row.Anonymous) == Outcome.Ok))
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.AcceptLanguage.ParseAdd(language);
                using var response = await client.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/html")
                {
                    pages.Add(($"{who} {path}", await response.Content.ReadAsStringAsync()));
                }
            }
        }

        foreach (var (path, form) in FormsWithErrors)
        {
            var token = await admin.AntiforgeryTokenAsync(path.Replace("?handler=publish", "", StringComparison.Ordinal));
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(form + "&__RequestVerificationToken=" + Uri.EscapeDataString(token), System.Text.Encoding.UTF8, "application/x-www-form-urlencoded") };
            request.Headers.AcceptLanguage.ParseAdd(language);
            using var response = await admin.SendAsync(request);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK && html.Contains("error-summary", StringComparison.Ordinal), $"POST {path} did not show its errors ({response.StatusCode}).");
            pages.Add(($"admin POST {path}", html));
        }

        return pages;
    }

    private async Task<string> AdminIdAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ShishinUser>>();
        return (await users.FindByEmailAsync(ShishinAppFactory.SetupAdminEmail))!.Id.ToString();
    }

    private async Task<string> OrganizationIdAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<OrganizationService>().ListAsync()).First().Id.ToString();
    }

    /// <summary>The texts of the elements that name things: headings, labels, legends, captions, table headers, summaries, buttons.</summary>
    private static IEnumerable<string> Labels(string html) =>
        LabelElements().Matches(html)
            .Select(m => WebUtility.HtmlDecode(Tags().Replace(m.Groups[2].Value, " ")))
            .Select(t => Spaces().Replace(t, " ").Trim())
            .Where(t => t.Length > 0);

    [GeneratedRegex(@"<(h1|h2|h3|th|label|legend|caption|summary|button)\b[^>]*>(.*?)</\1>", RegexOptions.Singleline)]
    private static partial Regex LabelElements();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"<textarea\b[^>]*>|<input\b(?=[^>]*\btype=""(?:text|email|search|password)"")[^>]*>")]
    private static partial Regex TextFields();
}

public sealed class PageWordsTests_Sqlite(SqliteAppFactory app) : PageWordsTests(app), IClassFixture<SqliteAppFactory>;

public sealed class PageWordsTests_Postgres(PostgresAppFactory app) : PageWordsTests(app), IClassFixture<PostgresAppFactory>;
