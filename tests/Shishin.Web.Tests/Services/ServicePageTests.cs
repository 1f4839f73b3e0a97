using System.Net;
using System.Text.RegularExpressions;
using Shishin.Core.Assessments;
using Shishin.Core.Identity;
using Shishin.Core.Services;
using Shishin.Tests;

namespace Shishin.Web.Tests.Services;

/// <summary>/services and /services/{key}: filters from the query string, a form that needs no JavaScript, and internal services kept from those who may not see them.</summary>
public abstract class ServicePageTests(ShishinAppFactory app)
{
    [Fact]
    public async Task Index_Anonymous_ListsAndCountsPublicServicesOnly()
    {
        var samples = new RegisterSamples(app.Services);
        var (root, _) = await samples.TreeAsync();
        await samples.ServiceAsync("open", root, nameJa: "公開の手続");
        await samples.ServiceAsync("closed", root, isPublic: false, nameJa: "内部の手続");

        var html = await app.NewClient().GetStringAsync($"/services?organization={samples.RootKey}");

        Assert.Contains(">公開の手続</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("内部の手続", html, StringComparison.Ordinal);
        Assert.Contains("1件のサービス", html, StringComparison.Ordinal);
        Assert.DoesNotContain("サービスを登録", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_FiltersInTheQuery_ShowOnlyTheMatchesAndKeepTheValues()
    {
        // Arrange: the match sits in the division under the bureau, so the sub-tree counts
        var samples = new RegisterSamples(app.Services);
        var (root, child) = await samples.TreeAsync();
        await samples.ServiceAsync("match", child, phase: ServicePhase.Development, channel: ServiceChannel.Counter, nameJa: "ホイク窓口の予約");
        await samples.ServiceAsync("phase", child, phase: ServicePhase.Operation, channel: ServiceChannel.Counter, nameJa: "ホイク運用中");
        await samples.ServiceAsync("channel", root, phase: ServicePhase.Development, channel: ServiceChannel.Web, nameJa: "ホイクのウェブ");
        await samples.ServiceAsync("words", root, phase: ServicePhase.Development, channel: ServiceChannel.Counter, nameJa: "粗大ごみ");

        // Act: full-width Latin is not in the names; hiragana finds katakana
        var html = await app.NewClient().GetStringAsync(
            $"/services?organization={samples.RootKey}&phase=development&channel=counter&q={Uri.EscapeDataString("ほいく")}");

        // Assert
        Assert.Contains(">ホイク窓口の予約</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ホイク運用中", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ホイクのウェブ", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">粗大ごみ</a>", html, StringComparison.Ordinal);
        Assert.Contains("1件のサービス", html, StringComparison.Ordinal);
        Assert.Matches($"<option selected=\"selected\" value=\"{samples.RootKey}\">", html);
        Assert.Contains("<option selected=\"selected\" value=\"development\">", html, StringComparison.Ordinal);
        Assert.Contains("value=\"ほいく\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_OverdueAndRating_FilterByActionsAndTheLatestPublishedAssessment()
    {
        var samples = new RegisterSamples(app.Services);
        var (root, _) = await samples.TreeAsync();
        var late = await samples.ServiceAsync("late", root, nameJa: "遅れている手続");
        var amber = await samples.ServiceAsync("amber", root, nameJa: "黄の手続");
        await samples.ActionAsync(late.Id, "説明を直す", overdue: true);
        await samples.AssessmentAsync(amber.Id, AssessmentStatus.Published, Rag.Amber);

        var overdue = await app.NewClient().GetStringAsync($"/services?organization={samples.RootKey}&overdue=true");
        var rated = await app.NewClient().GetStringAsync($"/services?organization={samples.RootKey}&rag=amber");

        Assert.Contains(">遅れている手続</a>", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain("黄の手続", overdue, StringComparison.Ordinal);
        Assert.Contains("id=\"Overdue\" name=\"overdue\" value=\"true\" checked=\"checked\"", overdue, StringComparison.Ordinal);
        Assert.Contains(">黄の手続</a>", rated, StringComparison.Ordinal);
        Assert.DoesNotContain("遅れている手続", rated, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tag tag--warning rag rag--amber\">黄</span>", rated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_Form_IsAPlainGetFormWithLabelledFieldsAndGroupedOrganisations()
    {
        var html = await app.NewClient().GetStringAsync("/services");

        Assert.Matches("<form class=\"filter-form\" method=\"get\" action=\"/services\" role=\"search\"", html);
        foreach (var field in new[] { "Q", "Organization", "Phase", "Channel", "Rag", "Sort" })
        {
            Assert.Matches($"<label[^>]* for=\"{field}\"", html);
        }

        Assert.Contains("<optgroup label=\"局\">", html, StringComparison.Ordinal);
        Assert.Contains("<optgroup label=\"区市町村\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<optgroup label=\"パートナー企業\">", html, StringComparison.Ordinal);
        // Anonymous visitors see public services only, so the public/internal choice is not offered.
        Assert.DoesNotMatch("<label[^>]* for=\"Public\"", html);
        Assert.DoesNotContain("<script", html[html.IndexOf("<main", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("phase=banana", "Phase")]
    [InlineData("channel=fax", "Channel")]
    [InlineData("rag=purple", "Rag")]
    [InlineData("organization=no-such-organisation", "Organization")]
    [InlineData("sort=shoe-size", "Sort")]
    public async Task Index_BadFilterValue_ShowsAFieldMessageAndNoList(string query, string field)
    {
        var response = await app.NewClient().GetAsync("/services?" + query);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"class=\"field-error\" id=\"{field}-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_TextTooLong_ShowsOneFieldMessage()
    {
        var response = await app.NewClient().GetAsync("/services?q=" + new string('あ', ServiceQuery.MaxTextLength + 1));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"field-error\" id=\"Q-error\"", html, StringComparison.Ordinal);
        Assert.Contains("maxlength=\"100\"", html, StringComparison.Ordinal);
        // Once in the error summary and once at the field: the length limit and the filter do not both report it.
        Assert.Equal(2, Regex.Count(html, "100文字以内で入力してください。"));
    }

    [Fact]
    public async Task Index_ManyServices_PagesWithLinksThatKeepTheFilters()
    {
        var samples = new RegisterSamples(app.Services);
        var (root, _) = await samples.TreeAsync();
        for (var i = 0; i < 27; i++)
        {
            await samples.ServiceAsync($"n{i:00}", root, nameJa: $"手続{i:00}");
        }

        var client = app.NewClient();
        var first = await client.GetStringAsync($"/services?organization={samples.RootKey}&sort=name");
        var next = Regex.Match(first, "<a rel=\"next\" href=\"([^\"]+)\"").Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        var second = await client.GetStringAsync(next);

        Assert.Equal(25, Regex.Count(first, "<th scope=\"row\"><a href=\"/services/"));
        Assert.Contains("27件のサービス", first, StringComparison.Ordinal);
        Assert.Contains($"organization={samples.RootKey}", next, StringComparison.Ordinal);
        Assert.Contains("sort=name", next, StringComparison.Ordinal);
        Assert.Contains("page=2", next, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(second, "<th scope=\"row\"><a href=\"/services/"));
        Assert.Contains(">手続26</a>", second, StringComparison.Ordinal);
        Assert.Contains("<a rel=\"prev\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_ServiceOwner_SeesTheirInternalServiceAndMayRegister()
    {
        var samples = new RegisterSamples(app.Services);
        var (root, child) = await samples.TreeAsync();
        await samples.ServiceAsync("internal", child, isPublic: false, nameJa: "課の内部手続");
        var owner = await ServiceSamples.SignInAsync(app, Roles.ServiceOwner, root);

        var html = await owner.GetStringAsync($"/services?organization={samples.RootKey}&public=false");

        Assert.Contains(">課の内部手続</a>", html, StringComparison.Ordinal);
        Assert.Contains("サービスを登録", html, StringComparison.Ordinal);
        Assert.Matches("<label[^>]* for=\"Public\"", html);
    }

    [Fact]
    public async Task Details_InternalService_NotFoundForThoseWhoMayNotSeeIt()
    {
        // Arrange: an internal service with a partner company assigned, and a bureau that has nothing to do with it
        var samples = new RegisterSamples(app.Services);
        var (root, _) = await samples.TreeAsync();
        var partner = await samples.OrganizationAsync(samples.Prefix + "-vendor", Shishin.Core.Organizations.OrganizationKind.Partner, null);
        var stranger = await samples.OrganizationAsync(samples.Prefix + "-other", Shishin.Core.Organizations.OrganizationKind.Bureau, null);
        var service = await samples.ServiceAsync("secret", root, isPublic: false, partners: [partner]);
        var path = $"/services/{service.Key}";

        // Act and assert
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await ServiceSamples.SignInAsync(app, Roles.ServiceOwner, stranger)).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await ServiceSamples.SignInAsync(app, Roles.Partner, partner)).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await ServiceSamples.SignInAsync(app, Roles.ServiceOwner, root)).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync("/services/no-such-service")).StatusCode);
    }

    [Fact]
    public async Task Details_PublicService_ShowsEverythingAboutItWithUnmeasuredFiguresAsNotMeasured()
    {
        // Arrange
        var samples = new RegisterSamples(app.Services);
        var (root, _) = await samples.TreeAsync();
        var service = await samples.ServiceAsync("full", root, nameJa: "保育園の入園申込", nameEn: "Nursery application",
            entryUrls: "https://www.example.lg.jp/apply https://www.example.lg.jp/help", more: s =>
            {
                s.DescriptionJa = "オンラインで申し込めます。";
                s.Audience = "子育て中の保護者";
                s.PhaseChanges = [new ServicePhaseChange { Phase = ServicePhase.Development, EnteredOn = new DateOnly(2024, 4, 1) }];
                s.Kpis = [new ServiceKpi { FiscalYear = 2025, AnnualApplications = 1200, DigitalApplications = 900, InputItems = 0 }];
            });
        await samples.ActionAsync(service.Id, "入力項目を減らす", overdue: true);
        await samples.ActionAsync(service.Id, "済んだこと", overdue: false, ActionItemStatus.Done);
        await samples.AssessmentAsync(service.Id, AssessmentStatus.Published, Rag.Green);
        await samples.AssessmentAsync(service.Id, AssessmentStatus.Draft, null);

        // Act
        var html = await app.NewClient().GetStringAsync($"/services/{service.Key}");
        var asOwner = await (await ServiceSamples.SignInAsync(app, Roles.ServiceOwner, root)).GetStringAsync($"/services/{service.Key}");

        // Assert
        Assert.Contains("<h1>保育園の入園申込</h1>", html, StringComparison.Ordinal);
        Assert.Contains("オンラインで申し込めます。", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/organizations/{samples.RootKey}\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.example.lg.jp/apply\" rel=\"noopener external\"", html, StringComparison.Ordinal);
        Assert.Contains("子育て中の保護者", html, StringComparison.Ordinal);
        Assert.Contains("2024-04-01", html, StringComparison.Ordinal);
        Assert.Contains("2025年度", html, StringComparison.Ordinal);
        Assert.Contains("<td>75%</td>", html, StringComparison.Ordinal);
        // Three figures were never measured; input items were measured as 0 and show as 0.
        Assert.Equal(3, Regex.Count(html, "<td>未測定</td>"));
        Assert.Contains("<td>0</td>", html, StringComparison.Ordinal);
        Assert.Contains("入力項目を減らす", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tag tag--danger\">期限超過</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("済んだこと", html, StringComparison.Ordinal);
        Assert.Contains("キャンバスはまだ記入されていません。", html, StringComparison.Ordinal);
        // Anonymous visitors see the published assessment only; the team sees the draft too, and its own actions.
        Assert.Contains("<td>公開中</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>下書き</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("サービスを編集", html, StringComparison.Ordinal);
        Assert.Contains("<td>下書き</td>", asOwner, StringComparison.Ordinal);
        Assert.Contains("サービスを編集", asOwner, StringComparison.Ordinal);
    }
}

public sealed class ServicePageTests_Sqlite(SqliteAppFactory app) : ServicePageTests(app), IClassFixture<SqliteAppFactory>;

public sealed class ServicePageTests_Postgres(PostgresAppFactory app) : ServicePageTests(app), IClassFixture<PostgresAppFactory>;
