using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Shishin.Core.CitizenFeedback;
using Shishin.Tests;

namespace Shishin.Web.Tests.Feedback;

/// <summary>
/// The staff side of citizen feedback on a real database: the inbox's filters and pages, triage with its revision check
/// and audit, action items, the CSVs, "you said, we did" and the settings, all through the real pages without JavaScript.
/// </summary>
public abstract class FeedbackStaffPagesTests(ShishinAppFactory app)
{
    private readonly FeedbackSamples samples = new(app.Services);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ShishinAppFactory, Lazy<Task<HttpClient>>> Admins = new();

    private Task<HttpClient> AdminAsync() =>
        Admins.GetOrAdd(app, _ => new Lazy<Task<HttpClient>>(() => app.SignInAsync(ShishinAppFactory.SetupAdminEmail, app.SetupAdminKey))).Value;

    [Fact]
    public async Task Inbox_Filters_ListExactlyTheMatchingFeedback()
    {
        // Arrange
        var service = await samples.ServiceAsync();
        var day = FeedbackSamples.Today.AddDays(-3);
        await samples.AddAsync(service.Id, 1, "送信するとERRORが出ます [メールアドレス]", FeedbackSamples.Noon(day), reasons: "error-occurred took-too-long", tags: "forms");
        await samples.AddAsync(service.Id, 1, "エラーではなく遅いだけ", FeedbackSamples.Noon(day), reasons: "took-too-long", tags: "forms");
        await samples.AddAsync(service.Id, 5, "error free", FeedbackSamples.Noon(day), reasons: "error-occurred", tags: "forms");
        await samples.AddAsync(service.Id, 1, "an error again", FeedbackSamples.Noon(day), reasons: "error-occurred", status: FeedbackStatus.Answered, tags: "forms");
        await samples.AddAsync(service.Id, 1, "error, no tag", FeedbackSamples.Noon(day), reasons: "error-occurred");
        var admin = await AdminAsync();

        // Act: rating 1, reason error-occurred, status new, tag forms, "error" in any case
        var html = await admin.GetStringAsync($"/services/{service.Key}/feedback?Rating=1&Reason=error-occurred&Status=new&Tag=forms&Q=error");

        // Assert
        Assert.Contains("送信するとERRORが出ます [メールアドレス]", html, StringComparison.Ordinal);
        foreach (var other in new[] { "エラーではなく遅いだけ", "error free", "an error again", "error, no tag" })
        {
            Assert.DoesNotContain(other, html, StringComparison.Ordinal);
        }

        Assert.Contains("フィードバック1件中1～1件目（新しい順）", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_JapaneseWordsAndTokyoDates_FindTheFeedbackOfThoseDaysOnly()
    {
        // Arrange: 23:30 in Tokyo is still the day before in UTC.
        var service = await samples.ServiceAsync();
        var day = FeedbackSamples.Today.AddDays(-10);
        await samples.AddAsync(service.Id, 3, "書類が多すぎる（その日の深夜）", Shishin.Core.JapanTime.ToUtc(day, new TimeOnly(23, 30)));
        await samples.AddAsync(service.Id, 3, "書類が多すぎる（翌日）", FeedbackSamples.Noon(day.AddDays(1)));
        await samples.AddAsync(service.Id, 3, "別の話", FeedbackSamples.Noon(day));
        var admin = await AdminAsync();
        var date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // Act
        var html = await admin.GetStringAsync($"/services/{service.Key}/feedback?From={date}&To={date}&Q={Uri.EscapeDataString("書類")}");

        // Assert
        Assert.Contains("書類が多すぎる（その日の深夜）", html, StringComparison.Ordinal);
        Assert.DoesNotContain("書類が多すぎる（翌日）", html, StringComparison.Ordinal);
        Assert.DoesNotContain("別の話", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_BadFilter_ShowsFieldMessagesAndNoList()
    {
        var service = await samples.ServiceAsync();
        await samples.AddAsync(service.Id, 4, "一覧に出てはいけない", FeedbackSamples.Noon(FeedbackSamples.Today));
        var admin = await AdminAsync();

        var response = await admin.GetAsync($"/services/{service.Key}/feedback?Rating=9&From=2026-13-01&Status=banana");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("満足度を一覧から選んでください。", html, StringComparison.Ordinal);
        Assert.Contains("状態を一覧から選んでください。", html, StringComparison.Ordinal);
        Assert.Contains("YYYY-MM-DD", html, StringComparison.Ordinal);
        Assert.DoesNotContain("一覧に出てはいけない", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_ManyItems_PagesNewestFirst()
    {
        var service = await samples.ServiceAsync();
        for (var i = 0; i < 27; i++)
        {
            await samples.AddAsync(service.Id, 3, $"コメント番号{i:00}", FeedbackSamples.Noon(FeedbackSamples.Today.AddDays(-i)));
        }

        var admin = await AdminAsync();
        var first = await admin.GetStringAsync($"/services/{service.Key}/feedback");
        var second = await admin.GetStringAsync($"/services/{service.Key}/feedback?pageNumber=2");

        Assert.True(first.IndexOf("コメント番号00", StringComparison.Ordinal) < first.IndexOf("コメント番号24", StringComparison.Ordinal));
        Assert.DoesNotContain("コメント番号25", first, StringComparison.Ordinal);
        Assert.Contains("コメント番号25", second, StringComparison.Ordinal);
        Assert.Contains("コメント番号26", second, StringComparison.Ordinal);
        Assert.DoesNotContain("コメント番号24", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Triage_CurrentRevision_SavesStatusTagsAndActionAndIsAudited()
    {
        // Arrange
        var service = await samples.ServiceAsync();
        var item = await samples.AddAsync(service.Id, 2, "入力が多い", FeedbackSamples.Noon(FeedbackSamples.Today));
        var action = await samples.WithDbAsync(db => AssessmentSamples.ActionItemAsync(db, service.Id, null, FeedbackSamples.Today.AddDays(30)));
        var admin = await AdminAsync();
        var path = $"/services/{service.Key}/feedback/{item.Id}";

        // Act
        var response = await admin.PostFormAsync(path, new()
        {
            ["Status"] = "in-progress", ["Tags"] = "Forms、ＭＯＢＩＬＥ forms", ["ActionItemId"] = action.Id.ToString(), ["Revision"] = "0",
        });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await samples.WithDbAsync(db => db.Feedback.AsNoTracking().SingleAsync(f => f.Id == item.Id));
        Assert.Equal(FeedbackStatus.InProgress, stored.Status);
        Assert.Equal("forms mobile", stored.Tags);
        Assert.Equal(action.Id, stored.ActionItemId);
        Assert.Equal(1, stored.Revision);
        Assert.NotNull(stored.TriagedAt);
        var audit = await samples.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == "feedback.triaged" && e.EntityId == item.Id.ToString()).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Contains("InProgress", entry.After, StringComparison.Ordinal);
        Assert.DoesNotContain("入力が多い", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Triage_StaleRevision_ChangesNothingAndShowsTheStoredFeedback()
    {
        var service = await samples.ServiceAsync();
        var item = await samples.AddAsync(service.Id, 2, "古い版", FeedbackSamples.Noon(FeedbackSamples.Today), status: FeedbackStatus.Answered);
        await samples.WithDbAsync(async db =>
        {
            var row = await db.Feedback.SingleAsync(f => f.Id == item.Id);
            row.Revision = 3;
            return await db.SaveChangesAsync();
        });
        var admin = await AdminAsync();

        var response = await admin.PostFormAsync($"/services/{service.Key}/feedback/{item.Id}", new() { ["Status"] = "wont-fix", ["Tags"] = "late", ["Revision"] = "2" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("編集中に他の人がこのフィードバックを変更しました。", html, StringComparison.Ordinal);
        Assert.Contains("id=\"conflict-title\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Revision\" value=\"3\"", html, StringComparison.Ordinal);
        var stored = await samples.WithDbAsync(db => db.Feedback.AsNoTracking().SingleAsync(f => f.Id == item.Id));
        Assert.Equal((FeedbackStatus.Answered, "", 3), (stored.Status, stored.Tags, stored.Revision));
    }

    [Fact]
    public async Task Triage_ActionOfAnotherServiceOrBadTag_FieldMessagesAndNothingSaved()
    {
        var service = await samples.ServiceAsync();
        var other = await samples.ServiceAsync();
        var item = await samples.AddAsync(service.Id, 2, "よその対応事項", FeedbackSamples.Noon(FeedbackSamples.Today));
        var foreign = await samples.WithDbAsync(db => AssessmentSamples.ActionItemAsync(db, other.Id, null, FeedbackSamples.Today.AddDays(30)));
        var admin = await AdminAsync();

        var response = await admin.PostFormAsync($"/services/{service.Key}/feedback/{item.Id}", new()
        {
            ["Status"] = "answered", ["Tags"] = "<script>", ["ActionItemId"] = foreign.Id.ToString(), ["Revision"] = "0",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("このサービスの対応事項を一覧から選んでください。", html, StringComparison.Ordinal);
        Assert.Contains("タグは32文字以内", html, StringComparison.Ordinal);
        var stored = await samples.WithDbAsync(db => db.Feedback.AsNoTracking().SingleAsync(f => f.Id == item.Id));
        Assert.Equal((FeedbackStatus.New, 0), (stored.Status, stored.Revision));
    }

    [Fact]
    public async Task NewAction_TitleAndDueDate_OpensAnActionItemOfTheServiceAndLinksIt()
    {
        var service = await samples.ServiceAsync();
        var item = await samples.AddAsync(service.Id, 1, "エラーが出る", FeedbackSamples.Noon(FeedbackSamples.Today));
        var admin = await AdminAsync();
        var path = $"/services/{service.Key}/feedback/{item.Id}";
        var due = FeedbackSamples.Today.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var response = await admin.PostFormAsync(path + "?handler=NewAction", new() { ["ActionTitle"] = "送信エラーを直す", ["ActionDueOn"] = due, ["Revision"] = "0" }, path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await samples.WithDbAsync(db => db.Feedback.AsNoTracking().SingleAsync(f => f.Id == item.Id));
        var action = await samples.WithDbAsync(db => db.ActionItems.AsNoTracking().SingleAsync(a => a.Id == stored.ActionItemId));
        Assert.Equal((service.Id, "送信エラーを直す", FeedbackSamples.Today.AddDays(14)), (action.ServiceId, action.Title, action.DueOn));
        Assert.Equal(FeedbackStatus.InProgress, stored.Status);
        Assert.Contains("送信エラーを直す", await admin.GetStringAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewAction_NoTitleAndPastDate_FieldMessages()
    {
        var service = await samples.ServiceAsync();
        var item = await samples.AddAsync(service.Id, 1, "期限が過去", FeedbackSamples.Noon(FeedbackSamples.Today));
        var admin = await AdminAsync();
        var path = $"/services/{service.Key}/feedback/{item.Id}";

        var response = await admin.PostFormAsync(path + "?handler=NewAction", new() { ["ActionTitle"] = " ", ["ActionDueOn"] = "2001-01-01", ["Revision"] = "0" }, path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("対応事項の件名を入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("期限は今日以降の日付にしてください。", html, StringComparison.Ordinal);
        Assert.Null((await samples.WithDbAsync(db => db.Feedback.AsNoTracking().SingleAsync(f => f.Id == item.Id))).ActionItemId);
    }

    [Fact]
    public async Task Export_Range_CsvWithBomRedactedCommentsAndNeutralisedFormulas()
    {
        var service = await samples.ServiceAsync();
        var day = FeedbackSamples.Today.AddDays(-2);
        await samples.AddAsync(service.Id, 2, "=HYPERLINK(\"http://evil.example\") 連絡先 [電話番号]", FeedbackSamples.Noon(day));
        await samples.AddAsync(service.Id, 5, "範囲の外", FeedbackSamples.Noon(day.AddDays(-5)));
        var admin = await AdminAsync();
        var date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var response = await admin.GetAsync($"/services/{service.Key}/feedback/export.csv?from={date}&to={date}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("ID,受付日時（日本時間）,満足度", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\") 連絡先 [電話番号]\"", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("範囲の外", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiguresExport_Anonymous_DailyFiguresOfAPublicService()
    {
        var service = await samples.ServiceAsync();
        var day = FeedbackSamples.Today.AddDays(-1);
        await samples.DayAsync(service.Id, day, 5, 4, 2, 1);

        var response = await app.NewClient().GetAsync($"/services/{service.Key}/feedback/figures.csv");
        var text = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal($"{day:yyyy-MM-dd},4,3.00,50.0,50.0,1,1,0,1,1,2,0,2", lines[1]);
    }

    [Fact]
    public async Task FiguresExport_EndBeforeStart_Answers400WithTheLocalisedMessage_AndNoFile()
    {
        var service = await samples.ServiceAsync();

        var response = await app.NewClient().GetAsync($"/services/{service.Key}/feedback/figures.csv?from=2026-05-02&to=2026-05-01");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.Contains("終了日は開始日以降の日付にしてください。", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Figures_MonthWithoutFeedback_ShowsNotMeasuredNeverZero()
    {
        var service = await samples.ServiceAsync();
        var thisMonth = new DateOnly(FeedbackSamples.Today.Year, FeedbackSamples.Today.Month, 1);
        await samples.DayAsync(service.Id, thisMonth.AddMonths(-2).AddDays(3), 5, 5, 4, 1);

        var html = await app.NewClient().GetStringAsync($"/services/{service.Key}/feedback/figures");

        Assert.Contains("id=\"feedback-monthly-table\"", html, StringComparison.Ordinal);
        Assert.Contains("<td data-value=\"75\">75.0%</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td data-value=\"\">未測定</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-value=\"0\">0.0%", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Improvements_CreatePublishAndUnpublish_ShowOnThePublicPageOnlyWhenPublished()
    {
        // Arrange
        var service = await samples.ServiceAsync();
        var admin = await AdminAsync();
        var anonymous = app.NewClient();

        // Act: a draft
        var created = await admin.PostFormAsync($"/services/{service.Key}/feedback/improvements/new", new()
        {
            ["Input.YouSaidJa"] = "書類が多い", ["Input.WeDidJa"] = "書類を3枚減らしました", ["Input.WeDidEn"] = "We removed three forms",
            ["Input.Themes"] = "too-many-inputs", ["Input.ImprovedOn"] = "2026-04-01", ["Revision"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var item = await samples.WithDbAsync(db => db.FeedbackImprovements.AsNoTracking().SingleAsync(i => i.ServiceId == service.Id));
        var draftPage = await anonymous.GetStringAsync($"/services/{service.Key}/you-said-we-did");

        // Act: published
        var list = $"/services/{service.Key}/feedback/improvements";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"{list}?handler=Publish&id={item.Id}&revision={item.Revision}", [], list)).StatusCode);
        var publishedPage = await anonymous.GetStringAsync($"/services/{service.Key}/you-said-we-did");
        var servicePage = await anonymous.GetStringAsync($"/services/{service.Key}");

        // Act: a stale revision does not take it back; the current one does
        await admin.PostFormAsync($"{list}?handler=Unpublish&id={item.Id}&revision={item.Revision}", [], list);
        var stillPublished = await samples.WithDbAsync(db => db.FeedbackImprovements.AsNoTracking().SingleAsync(i => i.Id == item.Id));
        await admin.PostFormAsync($"{list}?handler=Unpublish&id={item.Id}&revision={stillPublished.Revision}", [], list);
        var unpublished = await samples.WithDbAsync(db => db.FeedbackImprovements.AsNoTracking().SingleAsync(i => i.Id == item.Id));

        // Assert
        Assert.DoesNotContain("書類を3枚減らしました", draftPage, StringComparison.Ordinal);
        Assert.Contains("書類を3枚減らしました", publishedPage, StringComparison.Ordinal);
        Assert.Contains("2026-04-01", publishedPage, StringComparison.Ordinal);
        Assert.Contains("入力項目が多かった", publishedPage, StringComparison.Ordinal);
        Assert.Contains("書類を3枚減らしました", servicePage, StringComparison.Ordinal);
        Assert.NotNull(stillPublished.PublishedAt);
        Assert.Null(unpublished.PublishedAt);
    }

    [Fact]
    public async Task Improvements_English_ShowsTheEnglishTextOrTheJapaneseWithItsLanguage()
    {
        var service = await samples.ServiceAsync();
        await samples.WithDbAsync(async db =>
        {
            db.FeedbackImprovements.AddRange(
                new FeedbackImprovement { ServiceId = service.Id, YouSaidJa = "古い声", WeDidJa = "古い改善", ImprovedOn = new DateOnly(2025, 1, 1), PublishedAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow },
                new FeedbackImprovement { ServiceId = service.Id, YouSaidJa = "新しい声", YouSaidEn = "Newer said", WeDidJa = "新しい改善", WeDidEn = "Newer done", ImprovedOn = new DateOnly(2026, 1, 1), PublishedAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var client = app.NewClient();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");

        var html = await client.GetStringAsync($"/services/{service.Key}/you-said-we-did");

        Assert.True(html.IndexOf("Newer done", StringComparison.Ordinal) < html.IndexOf("古い改善", StringComparison.Ordinal));
        Assert.Contains("lang=\"ja\">古い改善", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\">Newer done", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewImprovement_Empty_FieldMessagesForTheJapaneseTextsAndDate()
    {
        var service = await samples.ServiceAsync();
        var admin = await AdminAsync();

        var response = await admin.PostFormAsync($"/services/{service.Key}/feedback/improvements/new", new() { ["Input.Themes"] = "not a theme!", ["Revision"] = "0" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("いただいた声を日本語で入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("行った改善を日本語で入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("改善した日を2026-04-01のように入力してください。", html, StringComparison.Ordinal);
        Assert.False(await samples.WithDbAsync(db => db.FeedbackImprovements.AnyAsync(i => i.ServiceId == service.Id)));
    }

    [Fact]
    public async Task Settings_Origins_SavedNormalisedOrRefusedWithAFieldMessage()
    {
        var service = await samples.ServiceAsync();
        var admin = await AdminAsync();
        var path = $"/services/{service.Key}/feedback/settings";

        var refused = await admin.PostFormAsync(path, new() { ["Enabled"] = "true", ["ExtraOrigins"] = "https://ok.example.jp\nhttps://bad.example.jp/path", ["Revision"] = "0" });
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        var saved = await admin.PostFormAsync(path, new() { ["Enabled"] = "false", ["ExtraOrigins"] = "HTTPS://Widget.Example.JP:443/\r\nhttp://localhost:8080\r\nhttps://widget.example.jp", ["Revision"] = "0" });
        var stale = await admin.PostFormAsync(path, new() { ["Enabled"] = "true", ["ExtraOrigins"] = "", ["Revision"] = "0" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("各行には https://www.city.example.lg.jp や http://localhost:8080 のようなオリジンを", refusedHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("編集中に他の人がこの設定を変更しました。", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await samples.WithDbAsync(db => db.ServiceFeedbackSettings.AsNoTracking().SingleAsync(s => s.ServiceId == service.Id));
        Assert.Equal((false, "https://widget.example.jp\nhttp://localhost:8080", 1), (stored.Enabled, stored.ExtraOrigins, stored.Revision));
    }

    [Fact]
    public async Task ServicePage_Anonymous_ShowsFiguresAndPublishedItemsButNoCommentsOrInbox()
    {
        var service = await samples.ServiceAsync();
        await samples.AddAsync(service.Id, 1, "匿名の人に見せてはいけないコメント", FeedbackSamples.Noon(FeedbackSamples.Today));
        await samples.DayAsync(service.Id, FeedbackSamples.Today, 1, 5, 5, 4);

        var anonymous = await app.NewClient().GetStringAsync($"/services/{service.Key}");
        var admin = await (await AdminAsync()).GetStringAsync($"/services/{service.Key}");

        Assert.Contains("id=\"service-ratings-table\"", anonymous, StringComparison.Ordinal);
        Assert.Contains("75.0%", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("匿名の人に見せてはいけないコメント", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain($"/services/{service.Key}/feedback\"", anonymous, StringComparison.Ordinal);
        Assert.Contains($"/services/{service.Key}/feedback\"", admin, StringComparison.Ordinal);
    }
}

public sealed class FeedbackStaffPagesTests_Sqlite(SqliteAppFactory app) : FeedbackStaffPagesTests(app), IClassFixture<SqliteAppFactory>;

public sealed class FeedbackStaffPagesTests_Postgres(PostgresAppFactory app) : FeedbackStaffPagesTests(app), IClassFixture<PostgresAppFactory>;
