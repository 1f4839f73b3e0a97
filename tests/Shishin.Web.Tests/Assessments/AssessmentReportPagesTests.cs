using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Assessments;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;
using Shishin.Tests;
using static Shishin.Tests.AssessmentSamples;

namespace Shishin.Web.Tests.Assessments;

/// <summary>The report, print view, history, action item pages, the portfolio and its CSV, and the assessment API, over real HTTP.</summary>
public abstract class AssessmentReportPagesTests(ShishinAppFactory app)
{
    private async Task<(Guid PublicReport, Guid InternalReport, Guid Draft, string PublicKey, string InternalKey)> SeedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var chiyoda = await db.Organizations.Where(o => o.Key == "chiyoda").Select(o => o.Id).SingleAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var open = await ServiceAsync(db, "pages-public-" + suffix, chiyoda, isPublic: true);
        var closed = await ServiceAsync(db, "pages-internal-" + suffix, chiyoda, isPublic: false);
        var published = await AssessmentAsync(db, open.Id, AssessmentStatus.Published, Rag.Amber, Mixed);
        var hidden = await AssessmentAsync(db, closed.Id, AssessmentStatus.Published, Rag.Green, Mixed);
        var draft = await AssessmentAsync(db, open.Id, AssessmentStatus.Draft, null, Mixed);
        return (published.Id, hidden.Id, draft.Id, open.Key, closed.Key);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Report_PublishedPublicService_ShowsSummaryAndEveryCheckpointToAnonymousInJapaneseAndEnglish()
    {
        var (report, _, _, _, _) = await SeedAsync();
        var client = app.NewClient();

        var ja = await (await GetAsync(client, $"/assessments/{report}")).Content.ReadAsStringAsync();
        var en = await (await GetAsync(client, $"/assessments/{report}", "en")).Content.ReadAsStringAsync();

        Assert.Contains("総合判定", ja, StringComparison.Ordinal);
        Assert.Contains("対象4件のうち3件達成", ja, StringComparison.Ordinal);
        Assert.Contains("rag__shape", ja, StringComparison.Ordinal);
        Assert.Contains("3 of 4 met", en, StringComparison.Ordinal);
        Assert.Contains("Overall rating", en, StringComparison.Ordinal);
        foreach (var result in Mixed)
        {
            Assert.Contains($"id=\"checkpoint-{result.CheckpointId}\"", ja, StringComparison.Ordinal);
        }

        Assert.Contains("パネル P1-02", ja, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.jp/evidence/p1-01\"", ja, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", ja, StringComparison.Ordinal);
        // The team's to-do list is not public.
        Assert.DoesNotContain("id=\"actions\"", ja, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_InternalServiceOrDraft_IsNotFoundForAnonymousAndOtherOrganisationsAndShownToReviewers()
    {
        var (_, hidden, draft, _, internalKey) = await SeedAsync();
        var anonymous = app.NewClient();
        var otherOwner = await SignedInAsync(Roles.ServiceOwner, "minato");
        var reviewer = await SignedInAsync(Roles.Reviewer, null);

        foreach (var path in new[] { $"/assessments/{hidden}", $"/assessments/{draft}", $"/assessments/{hidden}/print", $"/services/{internalKey}/assessments", $"/api/v1/assessments/{draft}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(anonymous, path)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(otherOwner, $"/assessments/{hidden}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(otherOwner, $"/assessments/{draft}")).StatusCode);
        var asReviewer = await GetAsync(reviewer, $"/assessments/{draft}");
        Assert.Equal(HttpStatusCode.OK, asReviewer.StatusCode);
        Assert.Contains("この評価はまだ公開されていません", await asReviewer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_PublicService_ListsPublishedAssessmentsOnlyForAnonymous()
    {
        var (report, _, draft, publicKey, _) = await SeedAsync();

        var html = await (await GetAsync(app.NewClient(), $"/services/{publicKey}/assessments")).Content.ReadAsStringAsync();

        Assert.Contains($"/assessments/{report}", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/assessments/{draft}", html, StringComparison.Ordinal);
        Assert.Contains("対象6件のうち4件達成", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_PublishedReport_LinksThePrintStyleSheet()
    {
        var (report, _, _, _, _) = await SeedAsync();

        var html = await (await GetAsync(app.NewClient(), $"/assessments/{report}/print")).Content.ReadAsStringAsync();

        Assert.Contains("/css/assessment-print.css", html, StringComparison.Ordinal);
        Assert.Contains("id=\"checkpoint-SE-01\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_Report_ReturnsCodesSummariesAndResults()
    {
        var (report, _, _, publicKey, _) = await SeedAsync();
        var client = app.NewClient();

        using var json = JsonDocument.Parse(await (await GetAsync(client, $"/api/v1/assessments/{report}")).Content.ReadAsStringAsync());
        using var list = JsonDocument.Parse(await (await GetAsync(client, $"/api/v1/services/{publicKey}/assessments")).Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal(publicKey, root.GetProperty("service").GetString());
        Assert.Equal(("development", "1.1.0", "published", "amber"), (root.GetProperty("phase").GetString(), root.GetProperty("catalogVersion").GetString(), root.GetProperty("status").GetString(), root.GetProperty("rating").GetString()));
        Assert.Equal(["P1", "UX", "SE"], root.GetProperty("summaries").EnumerateArray().Select(s => s.GetProperty("key").GetString()));
        var p1 = root.GetProperty("summaries")[0];
        Assert.Equal((3, 4, 1), (p1.GetProperty("met").GetInt32(), p1.GetProperty("applicable").GetInt32(), p1.GetProperty("partlyMet").GetInt32()));
        var results = root.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(Mixed.Count, results.Count);
        Assert.Equal("partly-met", results.Single(r => r.GetProperty("checkpointId").GetString() == "P1-02").GetProperty("outcome").GetString());
        Assert.Equal("窓口のみのサービスのため。", results.Single(r => r.GetProperty("checkpointId").GetString() == "UX-04").GetProperty("notApplicableReason").GetString());
        Assert.Equal(["https://example.jp/evidence/p1-01", "javascript:alert(1)"], results[0].GetProperty("links").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("none", root.GetProperty("teamResponse").GetProperty("response").GetString());
        Assert.Equal([report.ToString()], list.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/assessments/not-a-guid")]
    [InlineData("/api/v1/assessments/00000000-0000-0000-0000-000000000000")]
    [InlineData("/api/v1/services/no-such-service/assessments")]
    public async Task Api_UnknownOrMalformed_AnswersProblemDetails404(string path)
    {
        var response = await GetAsync(app.NewClient(), path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApi_AssessmentEndpoints_HaveNamesSummariesAndExamples()
    {
        var document = await (await GetAsync(app.NewClient(), "/openapi/v1.json")).Content.ReadAsStringAsync();

        Assert.Contains("\"operationId\": \"GetAssessment\"", document, StringComparison.Ordinal);
        Assert.Contains("\"operationId\": \"ListServiceAssessments\"", document, StringComparison.Ordinal);
        Assert.Contains("drafts, submitted and in-review ones too", document, StringComparison.Ordinal);
        Assert.Contains("chiyoda-nursery-application", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Portfolio_Csv_HasBomSeparateCountsAndNeutralisedFormulas()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            var minato = await db.Organizations.Where(o => o.Key == "minato").Select(o => o.Id).SingleAsync();
            var service = await ServiceAsync(db, "csv-" + Guid.NewGuid().ToString("N")[..8], minato, isPublic: false);
            service.NameJa = "=HYPERLINK(\"http://evil.example\")";
            await db.SaveChangesAsync();
            await AssessmentAsync(db, service.Id, AssessmentStatus.Published, Rag.Amber, Mixed);
        }

        var reviewer = await SignedInAsync(Roles.Reviewer, null);

        var response = await GetAsync(reviewer, "/portfolio.csv?organization=minato");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", text, StringComparison.Ordinal);
        Assert.Contains("1. 顧客視点：達成", text, StringComparison.Ordinal);
        var line = text.Split("\r\n").Single(l => l.Contains("HYPERLINK", StringComparison.Ordinal));
        // The P1 cells: 3 met, 4 applicable, amber — as three cells, never "3/4".
        Assert.Contains(",3,4,黄,", line, StringComparison.Ordinal);
        Assert.DoesNotContain("3/4", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Portfolio_Page_ShowsCellsAndRejectsAnUnknownOrganisation()
    {
        var (report, _, _, publicKey, _) = await SeedAsync();
        var reviewer = await SignedInAsync(Roles.Reviewer, null);

        var html = await (await GetAsync(reviewer, "/portfolio?organization=chiyoda&sort=organization")).Content.ReadAsStringAsync();
        var bad = await (await GetAsync(reviewer, "/portfolio?organization=nowhere")).Content.ReadAsStringAsync();

        Assert.Contains($"/assessments/{report}", html, StringComparison.Ordinal);
        Assert.Contains("対象4件のうち3件達成", html, StringComparison.Ordinal);
        Assert.Contains("<caption id=\"portfolio-caption\">", html, StringComparison.Ordinal);
        Assert.Contains("scope=\"row\"", html, StringComparison.Ordinal);
        Assert.Contains("一覧から組織を選んでください。", bad, StringComparison.Ordinal);
        Assert.Contains("試験サービス " + publicKey, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p3", "P3")]
    [InlineData("rating", "rating")]
    [InlineData("no-such-column", "service")]
    public async Task Portfolio_SortByAHeader_MarksThatHeaderAsSortedAndKeepsTheOrderInTheForm(string sort, string shown)
    {
        await SeedAsync();
        var reviewer = await SignedInAsync(Roles.Reviewer, null);

        var html = await (await GetAsync(reviewer, $"/portfolio?sort={sort}")).Content.ReadAsStringAsync();

        // Every header is a link that sorts by it, without JavaScript; exactly one says it is the order shown.
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(html, "aria-sort=\"ascending\""));
        Assert.Matches($"<th scope=\"col\" aria-sort=\"ascending\">\\s*<a href=\"/portfolio\\?sort={shown}\">", html);
        Assert.Contains("<a href=\"/portfolio?sort=UX\">", html, StringComparison.Ordinal);
        Assert.Contains($"<input type=\"hidden\" name=\"Sort\" value=\"{shown}\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionEdit_StaleRevision_KeepsInputAndSaysWhatChanged()
    {
        Guid itemId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            var chiyoda = await db.Organizations.Where(o => o.Key == "chiyoda").Select(o => o.Id).SingleAsync();
            var service = await ServiceAsync(db, "edit-" + Guid.NewGuid().ToString("N")[..8], chiyoda, isPublic: false);
            itemId = (await ActionItemAsync(db, service.Id, null, new DateOnly(2099, 1, 1))).Id;
        }

        var owner = await SignedInAsync(Roles.ServiceOwner, "chiyoda");
        var first = await owner.PostFormAsync($"/actions/{itemId}", new() { ["Input.Status"] = "in-progress", ["Input.DueOn"] = "2099-02-01", ["Input.Revision"] = "0" }, $"/actions/{itemId}");
        var second = await owner.PostFormAsync($"/actions/{itemId}", new() { ["Input.Status"] = "done", ["Input.DueOn"] = "2099-01-01", ["Input.Revision"] = "0" }, $"/actions/{itemId}");
        var html = await second.Content.ReadAsStringAsync();
        var wontDo = await owner.PostFormAsync($"/actions/{itemId}", new() { ["Input.Status"] = "wont-do", ["Input.DueOn"] = "2099-01-01", ["Input.Revision"] = "1" }, $"/actions/{itemId}");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("編集中に他の人がこの対応事項を変更しました。", html, StringComparison.Ordinal);
        Assert.Contains("状態：現在は対応中", html, StringComparison.Ordinal);
        Assert.Contains("期限：現在は2099-02-01", html, StringComparison.Ordinal);
        Assert.Contains("<option selected=\"selected\" value=\"done\">", html, StringComparison.Ordinal);
        Assert.Contains("対応しない理由を入力してください。", await wontDo.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var check = app.Services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<ShishinDbContext>().ActionItems.AsNoTracking().SingleAsync(i => i.Id == itemId);
        Assert.Equal((ActionItemStatus.InProgress, 1), (stored.Status, stored.Revision));
    }

    private async Task<HttpClient> SignedInAsync(string role, string? organization)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.jp";
        var (user, _) = await app.CreateUserAsync(email, [role]);
        if (organization is not null)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();
            var id = (await scope.ServiceProvider.GetRequiredService<OrganizationService>().FindByKeyAsync(organization))!.Id;
            Assert.True((await accounts.SetAccessAsync((await accounts.FindAsync(user.Id))!, new UserAccess([role], [id]))).Succeeded);
        }

        return await app.SignInAsync(email);
    }
}

public sealed class AssessmentReportPagesTests_Sqlite(SqliteAppFactory app) : AssessmentReportPagesTests(app), IClassFixture<SqliteAppFactory>;

public sealed class AssessmentReportPagesTests_Postgres(PostgresAppFactory app) : AssessmentReportPagesTests(app), IClassFixture<PostgresAppFactory>;
