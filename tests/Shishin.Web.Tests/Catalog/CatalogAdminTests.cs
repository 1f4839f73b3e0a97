using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Catalog;
using Shishin.Core.Data;
using Shishin.Tests;
using static Shishin.Web.Tests.Catalog.CatalogPages;

namespace Shishin.Web.Tests.Catalog;

/// <summary>
/// An admin edits the draft through the pages and publishes it. Only one test here publishes (1.2.0); the others
/// start from a fresh draft of whatever is current and never publish.
/// </summary>
public abstract class CatalogAdminTests(ShishinAppFactory app)
{
    [Fact]
    public async Task Draft_EditedThroughThePagesAndPublished_BecomesVersion110WithTheEdits()
    {
        // Arrange
        await DiscardAnyDraftAsync(app);
        var admin = await AdminAsync(app);
        var overview = await admin.GetStringAsync("/admin/catalog");
        Assert.Contains("版 1.1.0 から下書きを始める", overview, StringComparison.Ordinal);

        // Act: start a draft, edit, add, retire, move, change a parameter, publish
        var started = await admin.PostFieldsAsync("/admin/catalog?handler=start", [], "/admin/catalog");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);

        var edited = await admin.EditCheckpointAsync(app, "P3-01", f => f.TitleEn = "Accessibility policy published and kept up to date");
        Assert.Equal("/admin/catalog#cp-P3-01", edited.Headers.Location?.OriginalString);

        var newPage = await admin.GetStringAsync("/admin/catalog/checkpoints/new?owner=P3");
        var added = await admin.PostFieldsAsync("/admin/catalog/checkpoints/new", Fields(new()
        {
            Owner = "P3",
            TitleJa = "音声読み上げでの利用者テスト",
            TitleEn = "User testing with screen readers",
            GuidanceJa = "スクリーンリーダーの利用者と一緒に主要な手続きを試します。",
            GuidanceEn = "Try the main tasks together with people who use screen readers.",
            EvidenceJa = "テストの記録と、見つかった問題への対応があります。",
            EvidenceEn = "Test notes exist, and the problems found have been acted on.",
            Phases = ["development", "operation"],
            CheckType = "H",
            Wcag = "1.3.1\n4.1.2",
            UkServiceStandard = "5",
            Sources = "wcag-22 | 1.3.1",
        }, Revision(newPage)));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var addedId = added.Headers.Location!.OriginalString.Split("#cp-")[1];

        var page = await admin.GetStringAsync("/admin/catalog");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFieldsAsync("/admin/catalog?handler=retire", [new("revision", RevisionText(page)), new("id", "P3-02")], "/admin/catalog")).StatusCode);
        page = await admin.GetStringAsync("/admin/catalog");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFieldsAsync("/admin/catalog?handler=movedown", [new("revision", RevisionText(page)), new("id", "P3-01")], "/admin/catalog")).StatusCode);

        var parameterPath = "/admin/catalog/parameters/satisfaction.baseline/edit";
        var parameterPage = await admin.GetStringAsync(parameterPath);
        var parameter = await admin.PostFieldsAsync(parameterPath, ParameterFields(Revision(parameterPage), "3.5"));
        Assert.Equal(HttpStatusCode.Redirect, parameter.StatusCode);

        page = await admin.GetStringAsync("/admin/catalog");
        Assert.Contains("value=\"1.2.0\"", page, StringComparison.Ordinal);
        var published = await admin.PostFieldsAsync("/admin/catalog?handler=publish",
        [
            new("revision", RevisionText(page)),
            new("Publish.Version", "1.2.0"),
            new("Publish.ChangelogJa", "P3 にスクリーンリーダーでのテストを追加しました。"),
            new("Publish.ChangelogEn", "Added screen reader testing to P3."),
            new("Publish.Confirmed", "true"),
        ], "/admin/catalog");

        // Assert: 1.2.0 is current and holds every edit
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var current = await WithCatalogAsync(app, c => c.GetCurrentAsync());
        Assert.NotNull(current);
        Assert.Equal("1.2.0", current.Label);
        var document = current.Document;
        Assert.Equal("Accessibility policy published and kept up to date", document.FindCheckpoint("P3-01")!.Title.En);
        Assert.Equal("ウェブアクセシビリティ方針の公開", document.FindCheckpoint("P3-01")!.Title.Ja);
        var newCheckpoint = document.FindCheckpoint(addedId)!;
        Assert.StartsWith("P3-", addedId, StringComparison.Ordinal);
        Assert.Equal("User testing with screen readers", newCheckpoint.Title.En);
        Assert.Equal([new WcagMapping("1.3.1", "2.0"), new WcagMapping("4.1.2", "2.0")], newCheckpoint.Mappings.Wcag);
        Assert.Equal([LifecyclePhase.Development, LifecyclePhase.Operation], newCheckpoint.Phases);
        Assert.True(document.FindCheckpoint("P3-02")!.Retired);
        var p3 = document.CheckpointsOf(3, null).Select(c => c.Id).ToList();
        Assert.True(p3.IndexOf("P3-02") < p3.IndexOf("P3-01"), "P3-01 was moved down below P3-02.");
        Assert.Equal(addedId, p3[^1]);
        Assert.Equal(3.5m, document.FindParameter("satisfaction.baseline")!.Value);
        Assert.Equal(new LocalizedText("P3 にスクリーンリーダーでのテストを追加しました。", "Added screen reader testing to P3."), document.Changelog);
        Assert.Null(await WithCatalogAsync(app, c => c.GetDraftAsync()));

        // A published version cannot be edited through the UI: the edit pages lead back to the overview, and a
        // post with the old revision is refused without storing anything.
        var editPage = await admin.GetAsync("/admin/catalog/checkpoints/P3-01/edit");
        Assert.Equal(HttpStatusCode.Redirect, editPage.StatusCode);
        Assert.Equal("/admin/catalog", editPage.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.GetAsync(parameterPath)).StatusCode);
        var form = Web.Pages.Admin.Catalog.CheckpointForm.From(document.FindCheckpoint("P3-01")!);
        form.TitleEn = "Changed after publishing";
        var late = await admin.PostFieldsAsync("/admin/catalog/checkpoints/P3-01/edit", Fields(form, Revision(page)), "/admin/catalog");
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("下書きがありません。", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var retire = await admin.PostFieldsAsync("/admin/catalog?handler=retire", [new("revision", RevisionText(page)), new("id", "P3-03")], "/admin/catalog");
        Assert.Equal(HttpStatusCode.OK, retire.StatusCode);
        var after = (await WithCatalogAsync(app, c => c.GetVersionAsync("1.2.0")))!.Document;
        Assert.Equal("Accessibility policy published and kept up to date", after.FindCheckpoint("P3-01")!.Title.En);
        Assert.False(after.FindCheckpoint("P3-03")!.Retired);

        // Older versions can be retired from the versions table; the current one cannot.
        var retireOld = await admin.PostFieldsAsync("/admin/catalog?handler=retireversion", [new("version", "1.1.0")], "/admin/catalog");
        var retireCurrent = await admin.PostFieldsAsync("/admin/catalog?handler=retireversion", [new("version", "1.2.0")], "/admin/catalog");
        Assert.Equal(HttpStatusCode.Redirect, retireOld.StatusCode);
        Assert.Equal(CatalogVersionStatus.Retired, (await WithCatalogAsync(app, c => c.GetVersionAsync("1.1.0")))!.Info.Status);
        Assert.Equal(HttpStatusCode.OK, retireCurrent.StatusCode);
        Assert.Contains("廃止できるのは、現行版より古い公開済みの版だけです。", await retireCurrent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(CatalogVersionStatus.Published, (await WithCatalogAsync(app, c => c.GetVersionAsync("1.2.0")))!.Info.Status);

        // A second publish with the same or a lower version is refused on the version field.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFieldsAsync("/admin/catalog?handler=start", [], "/admin/catalog")).StatusCode);
        foreach (var version in new[] { "1.2.0", "1.1.5", "not-a-version" })
        {
            page = await admin.GetStringAsync("/admin/catalog");
            var again = await admin.PostFieldsAsync("/admin/catalog?handler=publish",
            [
                new("revision", RevisionText(page)),
                new("Publish.Version", version),
                new("Publish.ChangelogJa", "再公開"),
                new("Publish.ChangelogEn", "Republished"),
                new("Publish.Confirmed", "true"),
            ], "/admin/catalog");
            var html = await again.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Contains("id=\"Publish_Version-error\"", html, StringComparison.Ordinal);
            Assert.Contains("<a href=\"#Publish_Version\">", html, StringComparison.Ordinal);
        }

        Assert.Equal("1.2.0", (await WithCatalogAsync(app, c => c.GetCurrentAsync()))!.Label);
        Assert.NotNull(await WithCatalogAsync(app, c => c.GetDraftAsync()));

        // Discarding needs the confirmation box.
        var discardPage = await admin.GetStringAsync("/admin/catalog/discard");
        var unconfirmed = await admin.PostFieldsAsync("/admin/catalog/discard", [new("Revision", RevisionText(discardPage))]);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.NotNull(await WithCatalogAsync(app, c => c.GetDraftAsync()));
        var discarded = await admin.PostFieldsAsync("/admin/catalog/discard", [new("Revision", RevisionText(discardPage)), new("Confirm", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        Assert.Null(await WithCatalogAsync(app, c => c.GetDraftAsync()));
    }

    [Fact]
    public async Task Edit_WithAStaleRevision_ShowsTheConflictKeepsTheInputAndStoresNothing()
    {
        // Arrange: the admin opens the form, then the draft changes underneath
        var draft = await FreshDraftAsync(app);
        var admin = await AdminAsync(app);
        var html = await admin.GetStringAsync("/admin/catalog/checkpoints/P1-01/edit");
        var stale = Revision(html);
        await WithCatalogAsync(app, c => c.SetCheckpointRetiredAsync(draft.Revision, "P1-02", true));

        // Act
        var response = await admin.EditCheckpointAsync(app, "P1-01", f => f.TitleEn = "A title typed while someone else edited", stale);
        var overview = await admin.PostFieldsAsync("/admin/catalog?handler=retire", [new("revision", stale.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("id", "P1-03")], "/admin/catalog");

        // Assert
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("その間に他の人が下書きを変更しました。", page, StringComparison.Ordinal);
        Assert.Contains("入力した内容は下に残っています。", page, StringComparison.Ordinal);
        Assert.Contains("value=\"A title typed while someone else edited\"", page, StringComparison.Ordinal);
        Assert.Contains($"name=\"Revision\" value=\"{stale + 1}\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Contains("何も変更されていません。", await overview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = (await WithCatalogAsync(app, c => c.GetDraftAsync()))!;
        Assert.Equal(stale + 1, after.Revision);
        Assert.NotEqual("A title typed while someone else edited", after.Document.FindCheckpoint("P1-01")!.Title.En);
        Assert.False(after.Document.FindCheckpoint("P1-03")!.Retired);
    }

    [Fact]
    public async Task Edit_WithBadInput_ShowsFieldMessagesAndStoresNothing()
    {
        // Arrange
        var draft = await FreshDraftAsync(app);
        var admin = await AdminAsync(app);

        // Act
        var response = await admin.EditCheckpointAsync(app, "P2-01", f =>
        {
            f.TitleJa = "";
            f.ScannerRules = "no-such-rule";
            f.Wcag = "1.4.3\n9.9.9";
            f.UkServiceStandard = "five";
        });
        var html = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<p class=\"field-error\" id=\"Input_TitleJa-error\">「タイトル」の日本語のテキストがありません。</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"field-error\" id=\"Input_ScannerRules-error\">スキャナーにルール「no-such-rule」はありません。</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"field-error\" id=\"Input_Wcag-error\">「9.9.9」は WCAG の達成基準ではありません。</p>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_UkServiceStandard-error\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_Wcag\">", html, StringComparison.Ordinal);
        Assert.Equal(draft.Revision, (await WithCatalogAsync(app, c => c.GetDraftAsync()))!.Revision);
    }

    [Fact]
    public async Task AddPages_SubmittedEmptyOrMalformed_ShowFieldMessages()
    {
        // Arrange
        await FreshDraftAsync(app);
        var parametersBefore = (await WithCatalogAsync(app, c => c.GetDraftAsync()))!.Document.Parameters.Count;
        var admin = await AdminAsync(app);
        var checkpointPage = await admin.GetStringAsync("/admin/catalog/checkpoints/new");
        var parameterPage = await admin.GetStringAsync("/admin/catalog/parameters/new");

        // Act
        var checkpoint = await admin.PostFieldsAsync("/admin/catalog/checkpoints/new", [new("Revision", RevisionText(checkpointPage))]);
        var parameter = await admin.PostFieldsAsync("/admin/catalog/parameters/new", ParameterFields(Revision(parameterPage), "2,5", key: "Not A Key"));
        var duplicate = await admin.PostFieldsAsync("/admin/catalog/parameters/new", ParameterFields(Revision(parameterPage), "2", key: "satisfaction.goal"));

        // Assert
        var checkpointHtml = await checkpoint.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, checkpoint.StatusCode);
        foreach (var field in new[] { "Owner", "TitleJa", "TitleEn", "GuidanceJa", "EvidenceEn", "Phases", "CheckType" })
        {
            Assert.Contains($"id=\"Input_{field}-error\"", checkpointHtml, StringComparison.Ordinal);
        }

        var parameterHtml = await parameter.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, parameter.StatusCode);
        Assert.Contains("id=\"Input_Key-error\"", parameterHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Value-error\"", parameterHtml, StringComparison.Ordinal);
        Assert.Contains("パラメーター「satisfaction.goal」が二重に定義されています。", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(parametersBefore, (await WithCatalogAsync(app, c => c.GetDraftAsync()))!.Document.Parameters.Count);
    }

    [Fact]
    public async Task Overview_RetiringAParameterInUse_IsRefusedWithAMessage()
    {
        // Arrange
        await FreshDraftAsync(app);
        var admin = await AdminAsync(app);
        var page = await admin.GetStringAsync("/admin/catalog");

        // Act
        var response = await admin.PostFieldsAsync("/admin/catalog?handler=retireparameter", [new("revision", RevisionText(page)), new("key", "satisfaction.baseline")], "/admin/catalog");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("がまだパラメーター「satisfaction.baseline」を使っています。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await WithCatalogAsync(app, c => c.GetDraftAsync()))!.Document.FindParameter("satisfaction.baseline")!.Retired);
    }

    [Fact]
    public async Task Publish_DraftWithProblems_ListsEveryProblemWithItsCheckpoint()
    {
        // Arrange: a draft broken behind the pages' back (the pages themselves never store an invalid checkpoint)
        await FreshDraftAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            var entity = await db.CatalogVersions.SingleAsync(v => v.Status == CatalogVersionStatus.Draft);
            var document = CatalogJson.Deserialize(entity.Document);
            document.FindCheckpoint("P3-01")!.Title = new("", document.FindCheckpoint("P3-01")!.Title.En);
            document.FindCheckpoint("UX-01")!.ScannerRules.Add("no-such-rule");
            entity.Document = CatalogJson.Serialize(document);
            entity.Revision++;
            await db.SaveChangesAsync();
        }

        var admin = await AdminAsync(app);
        var page = await admin.GetStringAsync("/admin/catalog");

        // Act
        var response = await admin.PostFieldsAsync("/admin/catalog?handler=publish",
        [
            new("revision", RevisionText(page)),
            new("Publish.Version", "9.0.0"),
            new("Publish.ChangelogJa", "壊れた下書き"),
            new("Publish.ChangelogEn", "A broken draft"),
        ], "/admin/catalog");

        // Assert
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("下書きに 2 件のエラーがあります。公開する前に直してください。", html, StringComparison.Ordinal);
        Assert.Contains("<li>P3-01: 「タイトル」の日本語のテキストがありません。</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>UX-01: スキャナーにルール「no-such-rule」はありません。</li>", html, StringComparison.Ordinal);
        Assert.NotEqual("9.0.0", (await WithCatalogAsync(app, c => c.GetCurrentAsync()))!.Label);
    }

    private static List<KeyValuePair<string, string>> ParameterFields(int revision, string value, string? key = null) =>
    [
        new("Revision", revision.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Input.Key", key ?? ""),
        new("Input.Type", "number"),
        new("Input.Unit", "points"),
        new("Input.Value", value),
        new("Input.NameJa", "満足度の基準（当たり前品質）"),
        new("Input.NameEn", "Satisfaction baseline (expected quality)"),
        new("Input.DescriptionJa", "5段階の満足度評価での基準の平均点です。"),
        new("Input.DescriptionEn", "Average score on a five-point scale taken as the baseline."),
    ];
}

public sealed class CatalogAdminTests_Sqlite(SqliteAppFactory app) : CatalogAdminTests(app), IClassFixture<SqliteAppFactory>;

public sealed class CatalogAdminTests_Postgres(PostgresAppFactory app) : CatalogAdminTests(app), IClassFixture<PostgresAppFactory>;
