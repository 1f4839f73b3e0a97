using System.Net;
using Microsoft.AspNetCore.Hosting;
using Shishin.Core.Catalog;
using Shishin.Tests;
using static Shishin.Web.Tests.Catalog.CatalogPages;

namespace Shishin.Web.Tests.Catalog;

/// <summary>
/// Length limits, required choices and the publish confirmation of the catalogue forms. The host takes bodies of the
/// production size (1 MB), so an over-long text reaches the form's checks rather than the request size limit.
/// </summary>
public abstract class FormLimitTests(ShishinAppFactory app)
{
    [Fact]
    public async Task CheckpointForm_Guidance100000CharactersAndTitle5000_RefusedOnTheFieldsWithMaxlengthInMarkup()
    {
        // Arrange
        await FreshDraftAsync(app);
        var admin = await AdminAsync(app);

        // Act
        var response = await admin.EditCheckpointAsync(app, "P3-01", f =>
        {
            f.GuidanceEn = new string('x', 100_000);
            f.TitleEn = new string('y', 5_000);
        });

        // Assert
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<p class=\"field-error\" id=\"Input_GuidanceEn-error\">10000文字以内で入力してください。</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"field-error\" id=\"Input_TitleEn-error\">200文字以内で入力してください。</p>", html, StringComparison.Ordinal);
        Assert.Contains("maxlength=\"10000\"", html, StringComparison.Ordinal);
        Assert.Contains("maxlength=\"200\"", html, StringComparison.Ordinal);
        var draft = (await WithCatalogAsync(app, c => c.GetDraftAsync()))!;
        Assert.True(draft.Document.FindCheckpoint("P3-01")!.Guidance.En.Length < 10_000);
    }

    [Fact]
    public async Task ProposalForm_EnglishTitleOf5000Characters_IsRefusedOnTheField()
    {
        // Arrange
        var admin = await AdminAsync(app);

        // Act
        var response = await admin.PostFieldsAsync("/proposals/new?checkpoint=P3-01",
        [
            new("Input.Kind", "Change"),
            new("Input.CheckpointId", "P3-01"),
            new("Input.Summary", "長すぎる題名"),
            new("Input.TitleEn", new string('y', 5_000)),
            new("Input.Rationale", "Testing the limit."),
        ]);

        // Assert
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<p class=\"field-error\" id=\"Input_TitleEn-error\">200文字以内で入力してください。</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_EmptyVersionNumber_IsAnErrorOnTheVersionField()
    {
        // Arrange
        await FreshDraftAsync(app);
        var admin = await AdminAsync(app);
        var page = await admin.GetStringAsync("/admin/catalog");

        // Act
        var response = await admin.PostFieldsAsync("/admin/catalog?handler=publish",
            [new("revision", RevisionText(page)), new("Publish.Version", " "), new("Publish.ChangelogJa", "空の版"), new("Publish.ChangelogEn", "Empty version"), new("Publish.Confirmed", "true")],
            "/admin/catalog");

        // Assert
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<p class=\"field-error\" id=\"Publish_Version-error\">版の番号を入力してください。</p>", html, StringComparison.Ordinal);
        Assert.NotNull(await WithCatalogAsync(app, c => c.GetDraftAsync()));
    }

    [Fact]
    public async Task Publish_FirstStep_ShowsTheChangeCountsAndPublishesOnlyWhenConfirmed()
    {
        // Arrange: a draft with one checkpoint changed, one retired and one added
        await FreshDraftAsync(app);
        var admin = await AdminAsync(app);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.EditCheckpointAsync(app, "P3-01", f => f.TitleEn = "Changed before publishing")).StatusCode);
        var overview = await admin.GetStringAsync("/admin/catalog");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFieldsAsync("/admin/catalog?handler=retire", [new("revision", RevisionText(overview)), new("id", "P3-02")], "/admin/catalog")).StatusCode);
        var newPage = await admin.GetStringAsync("/admin/catalog/checkpoints/new?owner=UX");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFieldsAsync("/admin/catalog/checkpoints/new", Fields(new()
        {
            Owner = "UX", TitleJa = "確認の手順", TitleEn = "Confirmation step", GuidanceJa = "公開の前に確かめます。", GuidanceEn = "Check before publishing.",
            EvidenceJa = "確認画面があります。", EvidenceEn = "There is a confirmation page.", Phases = ["development"], CheckType = "H",
        }, Revision(newPage)))).StatusCode);
        overview = await admin.GetStringAsync("/admin/catalog");
        var current = (await WithCatalogAsync(app, c => c.GetCurrentAsync()))!.Label;
        var next = Version(current);
        List<KeyValuePair<string, string>> fields =
        [
            new("revision", RevisionText(overview)),
            new("Publish.Version", next),
            new("Publish.ChangelogJa", "確認の手順を追加しました。"),
            new("Publish.ChangelogEn", "Added a confirmation step."),
        ];

        // Act: the first step
        var review = await admin.PostFieldsAsync("/admin/catalog?handler=publish", fields, "/admin/catalog");

        // Assert: nothing is published yet; the counts are shown with a confirm button
        var html = await review.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.Equal(current, (await WithCatalogAsync(app, c => c.GetCurrentAsync()))!.Label);
        Assert.Contains($"第 {next} 版を公開しますか", html, StringComparison.Ordinal);
        Assert.Matches("<th scope=\"row\">チェックポイント</th>\\s*<td>1</td>\\s*<td>1</td>\\s*<td>1</td>", html);
        Assert.Matches("<th scope=\"row\">行動規範</th>\\s*<td>0</td>\\s*<td>0</td>\\s*<td>0</td>", html);
        Assert.Contains("name=\"Publish.Confirmed\" value=\"true\"", html, StringComparison.Ordinal);

        // Act: the confirmation
        var published = await admin.PostFieldsAsync("/admin/catalog?handler=publish", [.. fields, new("Publish.Confirmed", "true")], "/admin/catalog");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(next, (await WithCatalogAsync(app, c => c.GetCurrentAsync()))!.Label);
    }

    private static string Version(string current)
    {
        var parts = current.Split('.').Select(int.Parse).ToArray();
        return $"{parts[0]}.{parts[1] + 1}.0";
    }
}

/// <summary>The production request size, so that 100,000 characters reach the form.</summary>
public class ProductionBodyFactory(TestProvider provider) : ShishinAppFactory(provider)
{
    protected override void ConfigureMore(IWebHostBuilder builder) => builder.UseSetting("Security:MaxRequestBodyBytes", "1048576");
}

public sealed class SqliteProductionBodyFactory() : ProductionBodyFactory(TestProvider.Sqlite);

public sealed class PostgresProductionBodyFactory() : ProductionBodyFactory(TestProvider.Postgres);

public sealed class FormLimitTests_Sqlite(SqliteProductionBodyFactory app) : FormLimitTests(app), IClassFixture<SqliteProductionBodyFactory>;

public sealed class FormLimitTests_Postgres(PostgresProductionBodyFactory app) : FormLimitTests(app), IClassFixture<PostgresProductionBodyFactory>;
