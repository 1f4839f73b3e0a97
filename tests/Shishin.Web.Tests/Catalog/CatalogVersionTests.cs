using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Auditing;
using Shishin.Core.Catalog;
using Shishin.Tests;

namespace Shishin.Web.Tests.Catalog;

/// <summary>
/// Reading and comparing versions once the catalogue has moved on: 1.1.0, then 1.2.0 (one checkpoint changed, one
/// added, one changed by an accepted proposal), and a new draft that only admins may see.
/// </summary>
public abstract class CatalogVersionTests(ShishinAppFactory app)
{
    private const string NewId = "P3-90";
    private const string ChangedTitle = "Accessibility policy published and kept current";

    // The versions are built once per app; every test here only reads them.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ShishinAppFactory, Lazy<Task<ChangeProposal>>> Built = new();

    private Task<ChangeProposal> BuiltAsync() => Built.GetOrAdd(app, _ => new Lazy<Task<ChangeProposal>>(BuildAsync)).Value;

    private async Task<ChangeProposal> BuildAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "catalogue test";
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogService>();
        var proposals = scope.ServiceProvider.GetRequiredService<ProposalService>();

        var draft = await catalog.CreateDraftAsync();
        var changed = CatalogJson.Clone(draft.Document).FindCheckpoint("P3-01")!;
        changed.Title = changed.Title with { En = ChangedTitle };
        draft = await catalog.SaveCheckpointAsync(draft.Revision, "P3-01", changed);

        var added = CatalogJson.Clone(draft.Document).FindCheckpoint("P3-02")!;
        added.Id = NewId;
        added.Title = new("新しい確認項目", "A new checkpoint");
        draft = await catalog.SaveCheckpointAsync(draft.Revision, null, added);

        var proposer = new ProposalActor(Guid.NewGuid(), "提案 太郎");
        var proposal = await proposals.CreateAsync(
            new ProposalInput(ProposalKind.Change, "P1-01", null, null, "Say who the users are", LocalizedText.Empty,
                new LocalizedText("", "Describe the users first, then the service."), LocalizedText.Empty, [], null, "Readers asked for it.", null),
            proposer);
        await proposals.AcceptAsync(proposal.Id, "Thanks", new ProposalActor(Guid.NewGuid(), "管理者"));

        draft = (await catalog.GetDraftAsync())!;
        await catalog.PublishAsync(draft.Revision, "1.2.0", new LocalizedText("P3-01 を更新し、P3-90 を追加しました。", "Updated P3-01 and added P3-90."));
        var next = await catalog.CreateDraftAsync();
        var drafted = CatalogJson.Clone(next.Document).FindCheckpoint("P2-01")!;
        drafted.Title = drafted.Title with { En = "Only in the draft" };
        await catalog.SaveCheckpointAsync(next.Revision, "P2-01", drafted);
        return proposal;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ShishinAppFactory, Lazy<Task<HttpClient>>> Admins = new();

    private Task<HttpClient> AdminAsync() =>
        Admins.GetOrAdd(app, _ => new Lazy<Task<HttpClient>>(() => app.SignInAsync(ShishinAppFactory.SetupAdminEmail, app.SetupAdminKey))).Value;

    [Fact]
    public async Task Catalog_AfterPublishing_IsTheNewVersion()
    {
        await BuiltAsync();

        var document = CatalogJson.Deserialize(await app.NewClient().GetStringAsync("/api/v1/catalog"));

        Assert.Equal("1.2.0", document.Version);
        Assert.Equal(ChangedTitle, document.FindCheckpoint("P3-01")!.Title.En);
        Assert.NotNull(document.FindCheckpoint(NewId));
    }

    [Fact]
    public async Task Versions_Anonymous_SeePublishedOnly_AdminsAlsoTheDraft()
    {
        await BuiltAsync();

        using var anonymous = JsonDocument.Parse(await app.NewClient().GetStringAsync("/api/v1/catalog/versions"));
        using var admin = JsonDocument.Parse(await (await AdminAsync()).GetStringAsync("/api/v1/catalog/versions"));

        Assert.Equal(["1.2.0", "1.1.0", "1.0.0"], anonymous.RootElement.EnumerateArray().Select(v => v.GetProperty("version").GetString()));
        Assert.Equal(["draft", "1.2.0", "1.1.0", "1.0.0"], admin.RootElement.EnumerateArray().Select(v => v.GetProperty("version").GetString()));
        Assert.Equal("draft", admin.RootElement[0].GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/api/v1/catalog/versions/draft")]
    [InlineData("/api/v1/catalog/checkpoints?version=draft")]
    [InlineData("/api/v1/catalog/diff?from=1.2.0&to=draft")]
    [InlineData("/catalog?version=draft")]
    [InlineData("/catalog/checkpoints/P2-01?version=draft")]
    [InlineData("/catalog/versions/draft")]
    [InlineData("/catalog/print?version=draft")]
    public async Task Draft_HiddenFromAnonymous_ShownToAdmins(string path)
    {
        await BuiltAsync();

        using var anonymous = await app.NewClient().GetAsync(path);
        using var admin = await (await AdminAsync()).GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.DoesNotContain("Only in the draft", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftVersions_Page_ListedForAdminsOnly()
    {
        await BuiltAsync();

        var anonymous = await app.NewClient().GetStringAsync("/catalog/versions");
        var admin = await (await AdminAsync()).GetStringAsync("/catalog/versions");

        Assert.DoesNotContain("href=\"/catalog/versions/draft\"", anonymous, StringComparison.Ordinal);
        Assert.Contains("href=\"/catalog/versions/draft\"", admin, StringComparison.Ordinal);
        Assert.Contains("href=\"/catalog/diff?from=1.1.0&amp;to=1.2.0\"", anonymous, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_Api_ShowsTheAddedAndChangedCheckpointsFieldByField()
    {
        await BuiltAsync();

        using var json = JsonDocument.Parse(await app.NewClient().GetStringAsync("/api/v1/catalog/diff?from=1.1.0&to=1.2.0"));
        var changes = json.RootElement.GetProperty("changes").EnumerateArray().ToList();

        Assert.Equal("1.1.0", json.RootElement.GetProperty("from").GetString());
        Assert.Equal("1.2.0", json.RootElement.GetProperty("to").GetString());
        var added = Assert.Single(changes, c => c.GetProperty("key").GetString() == NewId);
        Assert.Equal("checkpoint", added.GetProperty("kind").GetString());
        Assert.Equal("added", added.GetProperty("change").GetString());
        var addedTitle = added.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("field").GetString() == "title.ja");
        Assert.Equal("新しい確認項目", addedTitle.GetProperty("after").GetString());
        Assert.False(addedTitle.TryGetProperty("before", out var before) && before.ValueKind != JsonValueKind.Null);

        var changed = Assert.Single(changes, c => c.GetProperty("key").GetString() == "P3-01");
        Assert.Equal("changed", changed.GetProperty("change").GetString());
        var field = Assert.Single(changed.GetProperty("fields").EnumerateArray());
        Assert.Equal("title.en", field.GetProperty("field").GetString());
        Assert.Equal("Web accessibility policy published", field.GetProperty("before").GetString());
        Assert.Equal(ChangedTitle, field.GetProperty("after").GetString());

        var proposed = Assert.Single(changes, c => c.GetProperty("key").GetString() == "P1-01");
        Assert.Equal(["guidance.en"], proposed.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("field").GetString()));
        Assert.DoesNotContain(changes, c => c.GetProperty("key").GetString() == "P2-01");
    }

    [Fact]
    public async Task Diff_Reversed_ShowsTheNewCheckpointAsRemoved()
    {
        await BuiltAsync();

        using var json = JsonDocument.Parse(await app.NewClient().GetStringAsync("/api/v1/catalog/diff?from=1.2.0&to=1.1.0"));

        var removed = Assert.Single(json.RootElement.GetProperty("changes").EnumerateArray(), c => c.GetProperty("key").GetString() == NewId);
        Assert.Equal("removed", removed.GetProperty("change").GetString());
    }

    [Fact]
    public async Task Diff_AdminWithDraft_ShowsTheDraftChange()
    {
        await BuiltAsync();

        using var json = JsonDocument.Parse(await (await AdminAsync()).GetStringAsync("/api/v1/catalog/diff?from=1.2.0&to=draft"));

        var change = Assert.Single(json.RootElement.GetProperty("changes").EnumerateArray());
        Assert.Equal("P2-01", change.GetProperty("key").GetString());
        Assert.Equal("draft", json.RootElement.GetProperty("to").GetString());
    }

    [Theory]
    [InlineData("ja", "追加", "変更", "タイトル（英語）", "タイトル（日本語）")]
    [InlineData("en", "Added", "Changed", "Title (English)", "Title (Japanese)")]
    public async Task Diff_Page_ShowsBeforeAndAfterInBothLanguages(string language, string addedLabel, string changedLabel, string titleEn, string titleJa)
    {
        await BuiltAsync();
        var client = app.NewClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue(language));

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/catalog/diff?from=1.1.0&to=1.2.0"));

        Assert.Contains($"<a href=\"/catalog/checkpoints/{NewId}?version=1.2.0\">{NewId}</a>", html, StringComparison.Ordinal);
        Assert.Contains($">{addedLabel}</span>", html, StringComparison.Ordinal);
        Assert.Contains($">{changedLabel}</span>", html, StringComparison.Ordinal);
        Assert.Contains($"<th scope=\"row\">{titleEn}</th>", html, StringComparison.Ordinal);
        Assert.Contains($"<th scope=\"row\">{titleJa}</th>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("title.en", html, StringComparison.Ordinal);
        Assert.DoesNotContain("title.ja", html, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"ja\">新しい確認項目</span>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/v1/catalog/diff?from=1.1.0&to=1.2.0\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_Page_ChangedText_MarksDeletedAndInsertedWordsWithLegend()
    {
        await BuiltAsync();
        var client = app.NewClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue("en"));

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/catalog/diff?from=1.1.0&to=1.2.0"));

        // "Web accessibility policy published" became "Accessibility policy published and kept current": whole words
        // are marked, the unchanged words are not, and screen readers hear where each change starts and ends.
        const string Hidden = "<span class=\"visually-hidden\">";
        Assert.Contains($"<del class=\"text-diff__del\">{Hidden}[deleted text starts]</span>Web accessibility{Hidden}[deleted text ends]</span></del> policy published</span>", html, StringComparison.Ordinal);
        Assert.Contains($"<ins class=\"text-diff__ins\">{Hidden}[added text starts]</span>Accessibility{Hidden}[added text ends]</span></ins> policy published<ins class=\"text-diff__ins\">{Hidden}[added text starts]</span> and kept current{Hidden}[added text ends]</span></ins>", html, StringComparison.Ordinal);
        Assert.Contains("<del class=\"text-diff__del\">Struck-through text</del>: deleted", html, StringComparison.Ordinal);
        Assert.Contains("<ins class=\"text-diff__ins\">Underlined text</ins>: added", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Versions_Page_OnlyTheNewestPublishedIsCurrent_OlderAreEarlierVersions()
    {
        await BuiltAsync();

        var html = WebUtility.HtmlDecode(await app.NewClient().GetStringAsync("/catalog/versions"));

        Assert.Matches("href=\"/catalog/versions/1.2.0\">[^<]*</a></th>\\s*<td><span class=\"tag tag--success\">公開中</span>", html);
        Assert.Matches("href=\"/catalog/versions/1.1.0\">[^<]*</a></th>\\s*<td><span class=\"tag tag--neutral\">過去の版</span>", html);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(html, ">公開中</span>"));
    }

    [Fact]
    public async Task Print_Contents_NumberEachPrincipleOnce()
    {
        await BuiltAsync();

        var html = WebUtility.HtmlDecode(await app.NewClient().GetStringAsync("/catalog/print"));

        var contents = html[html.IndexOf("<nav class=\"catalog-print__contents\"", StringComparison.Ordinal)..];
        contents = contents[..contents.IndexOf("</nav>", StringComparison.Ordinal)];
        Assert.DoesNotContain("<ol", contents, StringComparison.Ordinal);
        Assert.Contains("<ul class=\"catalog-print__toc\">", contents, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#principle-1\">1. 顧客視点</a>", contents, StringComparison.Ordinal);
        Assert.Contains(".catalog-print__toc {\n    padding-left: 0;\n    list-style: none;", await app.NewClient().GetStringAsync("/css/site.css"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_Page_WithoutVersions_ComparesTheCurrentWithThePrevious()
    {
        await BuiltAsync();

        var html = await app.NewClient().GetStringAsync("/catalog/diff");

        Assert.Contains($"/catalog/checkpoints/{NewId}?version=1.2.0", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/catalog/diff?from=1.1.0&to=9.9.9", "To")]
    [InlineData("/catalog/diff?from=draft&to=1.2.0", "From")]
    [InlineData("/catalog/diff?from=1.1.0", "To")]
    public async Task Diff_Page_UnknownOrHiddenVersion_ShowsAFieldMessage(string path, string field)
    {
        await BuiltAsync();

        using var response = await app.NewClient().GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"id=\"{field}-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Only in the draft", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_Page_ListsTheAcceptedProposalAndLinksTheDiff()
    {
        var proposal = await BuiltAsync();

        var html = WebUtility.HtmlDecode(await app.NewClient().GetStringAsync("/catalog/versions/1.2.0"));

        Assert.Contains("P3-01 を更新し、P3-90 を追加しました。", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/proposals/{proposal.Id}\">#{proposal.Number} Say who the users are</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/catalog/diff?from=1.1.0&to=1.2.0\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OlderVersion_Page_SaysItIsNotCurrentAndKeepsTheVersionInLinks()
    {
        await BuiltAsync();

        var html = WebUtility.HtmlDecode(await app.NewClient().GetStringAsync("/catalog/principles/3?version=1.1.0"));

        Assert.Contains("現行ではない第 1.1.0 版を表示しています。", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/catalog/checkpoints/P3-01?version=1.1.0\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(NewId, html, StringComparison.Ordinal);
    }
}

public sealed class CatalogVersionTests_Sqlite(SqliteAppFactory app) : CatalogVersionTests(app), IClassFixture<SqliteAppFactory>;

public sealed class CatalogVersionTests_Postgres(PostgresAppFactory app) : CatalogVersionTests(app), IClassFixture<PostgresAppFactory>;
