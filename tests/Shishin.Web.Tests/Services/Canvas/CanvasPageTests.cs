using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;
using Shishin.Core.Services;
using Shishin.Tests;

namespace Shishin.Web.Tests.Services.Canvas;

/// <summary>
/// The canvas pages through real HTTP: saving makes revisions, history and diff show them, the print view has its
/// style sheet, a hidden service is 404, and two editors from the same revision get a conflict that keeps the input.
/// </summary>
public abstract class CanvasPageTests(ShishinAppFactory app)
{
    /// <summary>A service of chiyoda (internal unless asked), new for each test, with an optional partner company assigned.</summary>
    private async Task<string> NewServiceAsync(bool isPublic = false, Guid? partner = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var chiyoda = (await scope.ServiceProvider.GetRequiredService<OrganizationService>().FindByKeyAsync("chiyoda"))!;
        var key = "canvas-" + Guid.NewGuid().ToString("N")[..12];
        db.Services.Add(new Service
        {
            Key = key,
            NameJa = "保育園の入園申込み",
            NameEn = "Nursery school application",
            OwnerOrganizationId = chiyoda.Id,
            IsPublic = isPublic,
            Phase = ServicePhase.Development,
            Partners = partner is { } id ? [new ServicePartner { OrganizationId = id }] : [],
        });
        await db.SaveChangesAsync();
        return key;
    }

    /// <summary>A signed-in user of the role, member of the organisation with that key.</summary>
    private async Task<HttpClient> SignInAsync(string role, string organizationKey)
    {
        var email = $"canvas-{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.jp";
        var (user, _) = await app.CreateUserAsync(email, [role]);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var organization = (await scope.ServiceProvider.GetRequiredService<OrganizationService>().FindByKeyAsync(organizationKey))!;
            var accounts = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();
            Assert.True((await accounts.SetAccessAsync((await accounts.FindAsync(user.Id))!, new UserAccess([role], [organization.Id]))).Succeeded);
        }

        return await app.SignInAsync(email);
    }

    private async Task<Guid> PartnerCompanyAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var organizations = scope.ServiceProvider.GetRequiredService<OrganizationService>();
        return (await organizations.FindByKeyAsync("canvas-partner"))?.Id
            ?? (await organizations.CreateAsync(new OrganizationInput("canvas-partner", OrganizationKind.Partner, "キャンバス試験株式会社", "Canvas Test Ltd", null, null))).Id;
    }

    private static Dictionary<string, string> Fields(int baseRevision, string purpose, params (string Statement, string Test, string Result)[] hypotheses)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.BaseRevision"] = baseRevision.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Purpose"] = purpose,
            ["Input.Risks"] = "担当者の異動",
        };
        for (var i = 0; i < hypotheses.Length; i++)
        {
            fields[$"Input.Hypotheses[{i}].Statement"] = hypotheses[i].Statement;
            fields[$"Input.Hypotheses[{i}].Test"] = hypotheses[i].Test;
            fields[$"Input.Hypotheses[{i}].Result"] = hypotheses[i].Result;
        }

        return fields;
    }

    private static async Task<string> SaveAsync(HttpClient client, string key, Dictionary<string, string> fields)
    {
        using var response = await client.PostFormAsync($"/services/{key}/canvas/edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/services/{key}/canvas", response.Headers.Location?.OriginalString);
        return await client.GetStringAsync($"/services/{key}/canvas");
    }

    [Fact]
    public async Task Save_ServiceOwnerOfTheOrganisation_MakesANewRevisionShownWithAuthorAndHypotheses()
    {
        var key = await NewServiceAsync();
        var owner = await SignInAsync(Roles.ServiceOwner, "chiyoda");

        var first = await SaveAsync(owner, key, Fields(0, "申込みを簡単にする", ("紙の申請が負担", "窓口で聞き取り", "")));
        var second = await SaveAsync(owner, key, Fields(1, "申込みをオンラインで簡単にする", ("紙の申請が負担", "窓口で聞き取り", "8割が負担と回答")));

        Assert.Contains("改訂 1：", first, StringComparison.Ordinal);
        Assert.Contains("サービスキャンバスを改訂 2 として保存しました。", second, StringComparison.Ordinal);
        Assert.Contains("申込みをオンラインで簡単にする", second, StringComparison.Ordinal);
        Assert.Contains("8割が負担と回答", second, StringComparison.Ordinal);
        Assert.Contains("目的と課題", second, StringComparison.Ordinal);
        Assert.Contains("（日本時間）に", second, StringComparison.Ordinal);
        var edit = await owner.GetStringAsync($"/services/{key}/canvas/edit");
        Assert.Contains("name=\"Input.BaseRevision\" value=\"2\"", edit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddHypothesis_WithoutJavaScript_ShowsOneMoreEmptyRowKeepsTheTextAndSavesNothing()
    {
        var key = await NewServiceAsync();
        var owner = await SignInAsync(Roles.ServiceOwner, "chiyoda");

        using var response = await owner.PostFormAsync($"/services/{key}/canvas/edit?handler=AddHypothesis", Fields(0, "まだ保存しない目的", ("夜間に申請したい", "", "")), $"/services/{key}/canvas/edit");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"hypothesis-2\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"hypothesis-3\"", html, StringComparison.Ordinal);
        Assert.Contains("まだ保存しない目的", html, StringComparison.Ordinal);
        Assert.Contains("夜間に申請したい", html, StringComparison.Ordinal);
        Assert.Contains("このサービスのサービスキャンバスはまだありません。", await owner.GetStringAsync($"/services/{key}/canvas"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_TwoEditorsFromTheSameRevision_SecondGetsTheConflictMessageWithTheirChangeAndKeepsTheInput()
    {
        var key = await NewServiceAsync();
        var first = await SignInAsync(Roles.ServiceOwner, "chiyoda");
        var second = await SignInAsync(Roles.ServiceOwner, "chiyoda");
        await SaveAsync(first, key, Fields(0, "申込みを簡単にする"));
        // Both open the form at revision 1; the first saves.
        var firstToken = await first.AntiforgeryTokenAsync($"/services/{key}/canvas/edit");
        var secondToken = await second.AntiforgeryTokenAsync($"/services/{key}/canvas/edit");
        using var saved = await first.PostAsync($"/services/{key}/canvas/edit", new FormUrlEncodedContent([.. Fields(1, "申込みをスマートフォンで簡単にする"), new("__RequestVerificationToken", firstToken)]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var response = await second.PostAsync($"/services/{key}/canvas/edit", new FormUrlEncodedContent([.. Fields(1, "二人目が書いた目的", ("二人目の仮説", "二人目の検証", "")), new("__RequestVerificationToken", secondToken)]));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("この間にほかの人が変更しました", html, StringComparison.Ordinal);
        // What the other person changed, marked word by word, and the second editor's own text still in the form.
        Assert.Contains("スマートフォンで", html, StringComparison.Ordinal);
        Assert.Contains("<ins class=\"text-diff__ins\">", html, StringComparison.Ordinal);
        Assert.Contains("二人目が書いた目的</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("二人目の仮説</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.BaseRevision\" value=\"2\"", html, StringComparison.Ordinal);
        Assert.Contains("申込みをスマートフォンで簡単にする", await first.GetStringAsync($"/services/{key}/canvas"), StringComparison.Ordinal);

        // Saving again after reading their changes is a deliberate new revision.
        var again = await SaveAsync(second, key, Fields(2, "二人目が書いた目的"));
        Assert.Contains("サービスキャンバスを改訂 3 として保存しました。", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HistoryAndDiff_TwoRevisions_ListBothAndMarkTheChangedFieldsAndHypotheses()
    {
        var key = await NewServiceAsync(isPublic: true);
        var owner = await SignInAsync(Roles.ServiceOwner, "chiyoda");
        await SaveAsync(owner, key, Fields(0, "申込みを簡単にする", ("紙の申請が負担", "窓口で聞き取り", "")));
        await SaveAsync(owner, key, Fields(1, "申込みをオンラインで簡単にする", ("紙の申請が負担", "窓口で聞き取り", "8割が負担と回答"), ("夜間に申請したい", "アクセスログ", "")));
        var anonymous = app.NewClient();

        var history = await anonymous.GetStringAsync($"/services/{key}/canvas/history");
        var diff = await anonymous.GetStringAsync($"/services/{key}/canvas/diff?from=1&to=2");

        Assert.Contains("改訂 2", history, StringComparison.Ordinal);
        Assert.Contains("最初の改訂", history, StringComparison.Ordinal);
        Assert.Contains($"/services/{key}/canvas/diff?from=1&amp;to=2", history, StringComparison.Ordinal);
        Assert.Contains("改訂 1 から改訂 2 への変更点", diff, StringComparison.Ordinal);
        Assert.Contains("<ins class=\"text-diff__ins\"><span class=\"visually-hidden\">［追加ここから］</span>オンラインで", diff, StringComparison.Ordinal);
        Assert.Contains("id=\"change-purpose\"", diff, StringComparison.Ordinal);
        Assert.Contains("id=\"change-hypotheses\"", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"change-risks\"", diff, StringComparison.Ordinal);
        Assert.Contains("8割が負担と回答", diff, StringComparison.Ordinal);
        Assert.Contains("夜間に申請したい", diff, StringComparison.Ordinal);
        Assert.Contains(">追加<", diff, StringComparison.Ordinal);
        Assert.Contains("申込みを簡単にする", await anonymous.GetStringAsync($"/services/{key}/canvas?revision=1"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?from=1&to=9", "このサービスキャンバスに改訂 9 はありません。")]
    [InlineData("?from=abc&to=1", "abc")]
    [InlineData("?from=&to=1", "改訂を選んでください。")]
    [InlineData("?from=99999999999999&to=1", "99999999999999")]
    public async Task Diff_BadRevision_ShowsAFieldMessage(string query, string message)
    {
        var key = await NewServiceAsync(isPublic: true);
        var owner = await SignInAsync(Roles.ServiceOwner, "chiyoda");
        await SaveAsync(owner, key, Fields(0, "申込みを簡単にする"));

        using var response = await app.NewClient().GetAsync($"/services/{key}/canvas/diff{query}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("error-summary", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?revision=2")]
    [InlineData("?revision=0")]
    [InlineData("?revision=abc")]
    public async Task IndexAndPrint_RevisionThatDoesNotExist_Answer404(string query)
    {
        var key = await NewServiceAsync(isPublic: true);
        var owner = await SignInAsync(Roles.ServiceOwner, "chiyoda");
        await SaveAsync(owner, key, Fields(0, "申込みを簡単にする"));

        using var index = await owner.GetAsync($"/services/{key}/canvas{query}");
        using var print = await owner.GetAsync($"/services/{key}/canvas/print{query}");

        Assert.Equal(HttpStatusCode.NotFound, index.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, print.StatusCode);
    }

    [Fact]
    public async Task Print_PublicService_Answers200WithTheLandscapePrintStyleSheetAndTheBlocks()
    {
        var key = await NewServiceAsync(isPublic: true);
        var owner = await SignInAsync(Roles.ServiceOwner, "chiyoda");
        await SaveAsync(owner, key, Fields(0, "申込みを簡単にする", ("紙の申請が負担", "窓口で聞き取り", "")));

        using var response = await app.NewClient().GetAsync($"/services/{key}/canvas/print");
        var html = await response.Content.ReadAsStringAsync();
        var css = await app.NewClient().GetStringAsync("/css/canvas-print.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("<link rel=\"stylesheet\" href=\"/css/canvas-print.css\\?v=[^\"]+\"", html);
        Assert.Contains("canvas canvas--sheet", html, StringComparison.Ordinal);
        Assert.Equal(CanvasFields.Order.Count, System.Text.RegularExpressions.Regex.Count(html, "<section class=\"canvas-block( canvas-block--wide)?\""));
        Assert.Contains("size: A4 landscape;", css, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/history")]
    [InlineData("/diff?from=1&to=1")]
    [InlineData("/print")]
    [InlineData("/edit")]
    public async Task Pages_InternalServiceOfAnotherOrganisationOrUnknownKey_Answer404(string page)
    {
        var key = await NewServiceAsync();
        var minatoOwner = await SignInAsync(Roles.ServiceOwner, "minato");

        using var other = await minatoOwner.GetAsync($"/services/{key}/canvas{page}");
        using var unknown = await minatoOwner.GetAsync($"/services/no-such-service/canvas{page}");
        using var anonymous = await app.NewClient().GetAsync($"/services/{key}/canvas{page}");

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(page == "/edit" ? HttpStatusCode.Redirect : HttpStatusCode.NotFound, anonymous.StatusCode);
    }

    [Fact]
    public async Task Edit_AssignedPartner_ReadsTheCanvasButMayNotEditIt()
    {
        var partner = await PartnerCompanyAsync();
        var key = await NewServiceAsync(partner: partner);
        var client = await SignInAsync(Roles.Partner, "canvas-partner");

        using var read = await client.GetAsync($"/services/{key}/canvas");
        using var edit = await client.GetAsync($"/services/{key}/canvas/edit");
        var token = await client.AntiforgeryTokenAsync($"/services/{key}/canvas");
        using var post = await client.PostAsync($"/services/{key}/canvas/edit", new FormUrlEncodedContent([.. Fields(0, "パートナーの目的"), new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.DoesNotContain($"/services/{key}/canvas/edit", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("/errors/403", edit.Headers.Location?.OriginalString ?? edit.StatusCode.ToString(), StringComparison.Ordinal);
        Assert.Contains("/errors/403", post.Headers.Location?.OriginalString ?? post.StatusCode.ToString(), StringComparison.Ordinal);
        Assert.Contains("このサービスのサービスキャンバスはまだありません。", await client.GetStringAsync($"/services/{key}/canvas"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_TextOverTheLimit_ShowsTheFieldMessageAndSavesNothing()
    {
        var key = await NewServiceAsync();
        var owner = await SignInAsync(Roles.ServiceOwner, "chiyoda");
        var fields = Fields(0, "目的");
        fields["Input.Value"] = new string('価', CanvasFields.MaxTextLength + 1);

        using var response = await owner.PostFormAsync($"/services/{key}/canvas/edit", fields, $"/services/{key}/canvas/edit");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"#Input_Value\"", html, StringComparison.Ordinal);
        Assert.Contains("このサービスのサービスキャンバスはまだありません。", await owner.GetStringAsync($"/services/{key}/canvas"), StringComparison.Ordinal);
    }
}

public sealed class CanvasPageTests_Sqlite(SqliteAppFactory app) : CanvasPageTests(app), IClassFixture<SqliteAppFactory>;

public sealed class CanvasPageTests_Postgres(PostgresAppFactory app) : CanvasPageTests(app), IClassFixture<PostgresAppFactory>;
