using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Shishin.Core.Catalog;
using Shishin.Tests;

namespace Shishin.Web.Tests.Catalog;

/// <summary>The public catalogue pages on the default catalogue: reachable without signing in, in both languages.</summary>
public abstract partial class CatalogPageTests(ShishinAppFactory app)
{
    public static TheoryData<string, string> PublicPages()
    {
        var data = new TheoryData<string, string>();
        string[] paths =
        [
            "/catalog", "/catalog?version=1.0.0", "/catalog/themes/UX", "/catalog/themes/da", "/catalog/themes/SE",
            "/catalog/checkpoints", "/catalog/checkpoints?Phase=operation&CheckType=H", "/catalog/checkpoints/P3-01",
            "/catalog/checkpoints/ux-01", "/catalog/versions", "/catalog/versions/1.0.0", "/catalog/diff",
            "/catalog/diff?from=1.0.0&to=1.0.0", "/catalog/print", "/catalog/versions/1.1.0", "/catalog/diff?from=1.0.0&to=1.1.0",
            .. Enumerable.Range(1, 10).Select(n => $"/catalog/principles/{n}"),
        ];
        foreach (var path in paths)
        {
            data.Add(path, "ja");
            data.Add(path, "en");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task PublicPage_Anonymous_Returns200InTheLanguageAsked(string path, string language)
    {
        var client = Client(language);

        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/catalog\" aria-current=\"page\">", html, StringComparison.Ordinal);
        Assert.Single(H1().Matches(html));
    }

    [Fact]
    public async Task EveryCheckpointPage_Anonymous_Returns200()
    {
        var client = Client("en");
        var document = CatalogJson.Deserialize(await client.GetStringAsync("/api/v1/catalog"));

        foreach (var checkpoint in document.Checkpoints)
        {
            using var response = await client.GetAsync($"/catalog/checkpoints/{checkpoint.Id}");
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{checkpoint.Id}: {(int)response.StatusCode}");
            Assert.Contains(checkpoint.Title.En, html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/catalog/principles/11")]
    [InlineData("/catalog/themes/ZZ")]
    [InlineData("/catalog/checkpoints/P9-99")]
    [InlineData("/catalog/versions/9.9.9")]
    [InlineData("/catalog/versions/draft")]
    [InlineData("/catalog?version=draft")]
    [InlineData("/catalog?version=9.9.9")]
    [InlineData("/catalog/print?version=draft")]
    public async Task UnknownOrHidden_Anonymous_Returns404(string path)
    {
        using var response = await app.NewClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Home_ListsThePrinciplesThemesAndDownloads()
    {
        var html = await Client("ja").GetStringAsync("/catalog");

        for (var n = 1; n <= 10; n++)
        {
            Assert.Contains($"href=\"/catalog/principles/{n}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("3. アクセシビリティ", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/catalog/themes/UX\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/v1/catalog?format=csv\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/v1/catalog/schema.json\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/catalog/print\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Principle_ShowsItsContentAndCheckpoints()
    {
        var client = Client("en");
        var document = CatalogJson.Deserialize(await client.GetStringAsync("/api/v1/catalog"));
        var principle = document.FindPrinciple(3)!;

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/catalog/principles/3"));

        Assert.Contains(principle.Title.En, html, StringComparison.Ordinal);
        Assert.Contains(principle.DoNot.En, html, StringComparison.Ordinal);
        Assert.All(principle.GovernanceCode, g => Assert.Contains(g.En, html, StringComparison.Ordinal));
        Assert.All(document.CheckpointsOf(3, null), c => Assert.Contains($"href=\"/catalog/checkpoints/{c.Id}\"", html, StringComparison.Ordinal));
        Assert.DoesNotContain("href=\"/catalog/checkpoints/P4-01\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkpoint_ShowsPhasesCheckTypeMappingsAndSourcesInJapanese()
    {
        var client = Client("ja");
        var document = CatalogJson.Deserialize(await client.GetStringAsync("/api/v1/catalog"));
        var checkpoint = document.Checkpoints.First(c => c.Mappings.Wcag.Any(w => w.Criterion == "1.4.3"));

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/catalog/checkpoints/{checkpoint.Id}"));

        Assert.Contains(checkpoint.Title.Ja, html, StringComparison.Ordinal);
        Assert.Contains(checkpoint.Guidance.Ja, html, StringComparison.Ordinal);
        Assert.Contains("1.4.3 コントラスト（最低限）（レベル AA、WCAG 2.0）", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/catalog/checkpoints?mapping=WCAG 1.4.3\"", html.Replace("%20", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.All(checkpoint.Phases, p => Assert.Contains(p switch
        {
            LifecyclePhase.Hypothesis => "企画-仮説検討",
            LifecyclePhase.ServiceDesign => "企画-サービス立案",
            LifecyclePhase.Requirements => "企画-要件定義・調達",
            LifecyclePhase.Development => "開発",
            _ => "運用",
        }, html, StringComparison.Ordinal));
        foreach (var rule in checkpoint.ScannerRules)
        {
            Assert.Contains(Shishin.Scanning.Rules.ScannerRules.Find(rule)!.DescriptionJa, html, StringComparison.Ordinal);
        }

        Assert.Contains(document.FindSource(checkpoint.Sources[0].Id)!.Title.Ja, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkpoint_InEnglish_NamesTheCriterionAndTheFrameworks()
    {
        var html = WebUtility.HtmlDecode(await Client("en").GetStringAsync("/catalog/checkpoints?mapping=UK+5"));
        var first = CheckpointLink().Match(html).Groups[1].Value;

        var page = WebUtility.HtmlDecode(await Client("en").GetStringAsync($"/catalog/checkpoints/{first}"));

        Assert.Contains("Point 5: Make sure everyone can use the service", page, StringComparison.Ordinal);
        Assert.Contains("UK Service Standard", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkpoint_ProposeLink_OnlyForSignedInUsers()
    {
        const string link = "href=\"/proposals/new?checkpoint=P3-01\"";
        var email = $"reader-{Guid.NewGuid():N}@example.jp";
        await app.CreateUserAsync(email, [Shishin.Core.Identity.Roles.ServiceOwner]);
        var staff = await app.SignInAsync(email);

        var anonymous = await app.NewClient().GetStringAsync("/catalog/checkpoints/P3-01");
        var signedIn = await staff.GetStringAsync("/catalog/checkpoints/P3-01");

        Assert.DoesNotContain(link, anonymous, StringComparison.Ordinal);
        Assert.Contains(link, signedIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckpointFilters_GetForm_ListsOnlyTheMatchingCheckpoints()
    {
        var client = Client("ja");
        var document = CatalogJson.Deserialize(await client.GetStringAsync("/api/v1/catalog"));
        var inUse = document.Checkpoints.Where(c => !c.Retired).ToList();
        var expected = inUse.Where(c => c.Mappings.Wcag.Any(w => w.Criterion == "1.4.3")).Select(c => c.Id).ToList();

        var html = await client.GetStringAsync("/catalog/checkpoints?Mapping=1.4.3");

        Assert.Equal(expected, CheckpointLink().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Contains($"{inUse.Count} 件のうち {expected.Count} 件のチェックポイントが条件に合います。", html, StringComparison.Ordinal);
        Assert.Contains("value=\"1.4.3\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckpointFilters_JapaneseAndEnglishWords_FindTheSameCheckpoint()
    {
        var client = Client("en");

        var japanese = await client.GetStringAsync("/catalog/checkpoints?Q=" + Uri.EscapeDataString("ウェブアクセシビリティ方針"));
        var english = await client.GetStringAsync("/catalog/checkpoints?Q=" + Uri.EscapeDataString("accessibility policy"));

        Assert.Contains("href=\"/catalog/checkpoints/P3-01\"", japanese, StringComparison.Ordinal);
        Assert.Contains("href=\"/catalog/checkpoints/P3-01\"", english, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mapping=banana", "Mapping", "対応する基準は、WCAG 1.4.3、JIS 7.1.4.3、UK 5、US 3、ASVS V12 のように入力してください。")]
    [InlineData("Phase=testing", "Phase", "「testing」はフェーズではありません。")]
    [InlineData("CheckType=Q", "CheckType", "確認方法は A、S、H のいずれかです。")]
    [InlineData("Principle=12", "Principle", "行動規範 12 はありません。")]
    [InlineData("Theme=ZZ", "Theme", "テーマ「ZZ」はありません。")]
    [InlineData("Principle=abc", "Principle", null)]
    public async Task CheckpointFilters_BadValue_ShowsAFieldMessage(string query, string field, string? message)
    {
        using var response = await Client("ja").GetAsync("/catalog/checkpoints?" + query);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"{field}-error\"", html, StringComparison.Ordinal);
        if (message is not null)
        {
            Assert.Contains(message, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        }

        Assert.DoesNotMatch(CheckpointLink(), html);
    }

    [Fact]
    public async Task Print_HoldsEveryCheckpointAndTheA4Stylesheet()
    {
        var client = Client("ja");
        var document = CatalogJson.Deserialize(await client.GetStringAsync("/api/v1/catalog"));

        var html = await client.GetStringAsync("/catalog/print");
        var css = await client.GetStringAsync("/css/catalog-print.css");

        // Retired checkpoints are kept in the document for the assessments that pinned them, not printed as guidance.
        Assert.All(document.Checkpoints.Where(c => !c.Retired), c => Assert.Contains($"id=\"checkpoint-{c.Id}\"", html, StringComparison.Ordinal));
        Assert.All(document.Checkpoints.Where(c => c.Retired), c => Assert.DoesNotContain($"id=\"checkpoint-{c.Id}\"", html, StringComparison.Ordinal));
        Assert.All(document.Parameters, p => Assert.Contains(p.Key, html, StringComparison.Ordinal));
        Assert.Matches("<link rel=\"stylesheet\" href=\"/css/catalog-print.css\\?v=[^\"]+\"", html);
        Assert.Contains("size: A4", css, StringComparison.Ordinal);
        Assert.Contains("margin: 15mm", css, StringComparison.Ordinal);
        Assert.Contains("break-before: page", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Versions_ListThePublishedVersionWithTokyoTime()
    {
        var html = await Client("en").GetStringAsync("/catalog/versions");

        Assert.Contains("href=\"/catalog/versions/1.0.0\"", html, StringComparison.Ordinal);
        Assert.Contains("Published", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/catalog/versions/draft", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_ShowsItsChangelogInTheReadersLanguage()
    {
        var document = CatalogJson.Deserialize(await app.NewClient().GetStringAsync("/api/v1/catalog"));

        var ja = WebUtility.HtmlDecode(await Client("ja").GetStringAsync("/catalog/versions/1.1.0"));
        var en = WebUtility.HtmlDecode(await Client("en").GetStringAsync("/catalog/versions/1.1.0"));

        Assert.Contains(document.Changelog!.Ja, ja, StringComparison.Ordinal);
        Assert.Contains(document.Changelog.En, en, StringComparison.Ordinal);
        Assert.DoesNotContain(document.Changelog.En, ja, StringComparison.Ordinal);
    }

    private HttpClient Client(string language)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return client;
    }

    [GeneratedRegex("<h1[ >]")]
    private static partial Regex H1();

    [Fact]
    public async Task Home_ShowsThePreamblePurposeAndStructureOfTheGuidelines()
    {
        var ja = await Client("ja").GetStringAsync("/catalog");
        var en = WebUtility.HtmlDecode(await Client("en").GetStringAsync("/catalog"));

        var shipped = DefaultCatalog.Load();
        Assert.Contains("東京都デジタルサービスの行動指針について", ja, StringComparison.Ordinal);
        Assert.Contains(shipped.Preamble[0].Ja, ja, StringComparison.Ordinal);
        Assert.Contains(shipped.Purpose[1].Ja, ja, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#principles\">行動規範</a>", ja, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#themes\">機能別技術ガイドライン</a>", ja, StringComparison.Ordinal);
        Assert.Contains(shipped.Preamble[0].En, en, StringComparison.Ordinal);
        Assert.Contains(shipped.Structure!.Themes.Tagline.En, en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VersionAndDiff_OfTheShippedRelease_ShowItsChangelogEntries()
    {
        var version = WebUtility.HtmlDecode(await Client("en").GetStringAsync("/catalog/versions/1.1.0"));
        var diff = await Client("ja").GetStringAsync("/catalog/diff?from=1.0.0&to=1.1.0");

        var entry = DefaultCatalog.Load().Releases[0].Entries.First(e => e.Ids.Contains("UX-02"));
        Assert.Contains("Changes in this version", version, StringComparison.Ordinal);
        Assert.Contains(entry.Text.En, version, StringComparison.Ordinal);
        Assert.Contains(entry.Text.Ja, diff, StringComparison.Ordinal);
        Assert.Contains("<code>check-types</code>", version, StringComparison.Ordinal);
        Assert.Contains("id=\"release-1-1-0\"", diff, StringComparison.Ordinal);
    }

    [GeneratedRegex("<th scope=\"row\"><a href=\"/catalog/checkpoints/([A-Z0-9-]+)\"")]
    private static partial Regex CheckpointLink();
}

public sealed class CatalogPageTests_Sqlite(SqliteAppFactory app) : CatalogPageTests(app), IClassFixture<SqliteAppFactory>;

public sealed class CatalogPageTests_Postgres(PostgresAppFactory app) : CatalogPageTests(app), IClassFixture<PostgresAppFactory>;
