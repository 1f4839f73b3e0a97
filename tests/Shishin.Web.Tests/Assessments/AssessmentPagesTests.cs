using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Assessments;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;
using Shishin.Core.Services;
using Shishin.Tests;

namespace Shishin.Web.Tests.Assessments;

/// <summary>The self-assessment pages through real HTTP: start, save as you go, conflicts, submitting, refusals.</summary>
public abstract partial class AssessmentPagesTests(ShishinAppFactory app)
{
    /// <summary>A new internal service of Chiyoda and a signed-in service owner of Chiyoda.</summary>
    private async Task<(string Key, HttpClient Owner)> ServiceAndOwnerAsync()
    {
        var key = $"pages-{Guid.NewGuid():N}"[..20];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            var chiyoda = (await scope.ServiceProvider.GetRequiredService<OrganizationService>().FindByKeyAsync("chiyoda"))!.Id;
            db.Services.Add(new Service { Key = key, NameJa = "画面試験", NameEn = "Page test", OwnerOrganizationId = chiyoda, Phase = ServicePhase.Development });
            await db.SaveChangesAsync();
        }

        return (key, await OwnerAsync());
    }

    private async Task<HttpClient> OwnerAsync()
    {
        var email = $"owner-{Guid.NewGuid():N}@example.jp";
        var (user, _) = await app.CreateUserAsync(email, [Roles.ServiceOwner]);
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();
        var chiyoda = (await scope.ServiceProvider.GetRequiredService<OrganizationService>().FindByKeyAsync("chiyoda"))!.Id;
        Assert.True((await accounts.SetAccessAsync((await accounts.FindAsync(user.Id))!, new UserAccess([Roles.ServiceOwner], [chiyoda]))).Succeeded);
        return await app.SignInAsync(email);
    }

    private static async Task<string> StartAsync(HttpClient owner, string key)
    {
        using var started = await owner.PostFormAsync($"/services/{key}/assessments/new", new() { ["Phase"] = "development" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var edit = started.Headers.Location!.OriginalString;
        Assert.Matches("^/assessments/[0-9a-f-]{36}/edit$", edit);
        return edit;
    }

    private async Task<List<CheckpointResult>> ResultsAsync(string edit)
    {
        var id = Guid.Parse(edit.Split('/')[2]);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().CheckpointResults.AsNoTracking()
            .Where(r => r.AssessmentId == id).ToListAsync();
    }

    [Fact]
    public async Task SaveCheckpoint_WithoutJavaScript_ComesBackAtTheCheckpointWithProgress()
    {
        var (key, owner) = await ServiceAndOwnerAsync();
        var edit = await StartAsync(owner, key);
        var total = (await ResultsAsync(edit)).Count;
        var page = await owner.GetStringAsync(edit);
        Assert.Contains($"0 / {total} 回答済み", page, StringComparison.Ordinal);
        var first = FirstCheckpoint().Match(page).Groups[1].Value;

        using var saved = await owner.PostFormAsync($"{edit}?handler=Save&checkpoint={first}", new()
        {
            ["Input.Revision"] = "0",
            ["Input.Outcome"] = "PartlyMet",
            ["Input.Evidence"] = "利用者テストの記録",
            ["Input.Links"] = "https://example.jp/report",
        }, edit);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"{edit}#{first}", saved.Headers.Location!.OriginalString);
        var after = await owner.GetStringAsync(edit);
        Assert.Contains($"1 / {total} 回答済み", after, StringComparison.Ordinal);
        Assert.Contains($"{first} を保存しました。", after, StringComparison.Ordinal);
        var stored = (await ResultsAsync(edit)).Single(r => r.CheckpointId == first);
        Assert.Equal((CheckpointOutcome.PartlyMet, "利用者テストの記録", "https://example.jp/report", 1), (stored.Outcome!.Value, stored.Evidence, stored.EvidenceLinks, stored.Revision));
    }

    [Fact]
    public async Task SaveCheckpoint_AgainstTheScansSuggestion_AsksForAReasonInTheField_ThenRecordsTheOverride()
    {
        var (key, owner) = await ServiceAndOwnerAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // A finished upload with an image-alt violation: UX-01 (automated) is suggested Not met.
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            var serviceId = await db.Services.Where(s => s.Key == key).Select(s => s.Id).SingleAsync();
            var run = new Shishin.Core.Scans.ScanRun
            {
                ServiceId = serviceId, Status = Shishin.Core.Scans.ScanRunStatus.Done, Trigger = Shishin.Core.Scans.ScanTrigger.Uploaded,
                QueuedAt = DateTime.UtcNow, FinishedAt = DateTime.UtcNow, OptionsJson = """{"rules":["wcag22aa","best-practice"]}""", Pages = 1,
            };
            db.ScanRuns.Add(run);
            db.ScanPages.Add(new Shishin.Core.Scans.ScanPage
            {
                RunId = run.Id, RequestedUrl = "https://city.example/",
                Findings = [new() { RunId = run.Id, RuleId = "image-alt", Category = "accessibility", Outcome = "violation", Impact = "serious", Fingerprint = "image-alt|/" }],
            });
            await db.SaveChangesAsync();
        }

        var edit = await StartAsync(owner, key);
        var page = WebUtility.HtmlDecode(await owner.GetStringAsync(edit));
        Assert.Contains("スキャンによる根拠", page, StringComparison.Ordinal);
        Assert.Contains("のスキャンが示す結果：未達成", page, StringComparison.Ordinal);
        Assert.Contains("id=\"UX-01-override\"", page, StringComparison.Ordinal);

        using var refused = await owner.PostFormAsync($"{edit}?handler=Save&checkpoint=UX-01", new() { ["Input.Revision"] = "0", ["Input.Outcome"] = "Met", ["Input.Evidence"] = "目視で確認" }, edit);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("id=\"UX-01-override-error\"", html, StringComparison.Ordinal);
        Assert.Contains("最新のスキャンが示す結果と異なります。理由を記入してください。", html, StringComparison.Ordinal);
        Assert.Contains("目視で確認</textarea>", html, StringComparison.Ordinal);
        Assert.Null((await ResultsAsync(edit)).Single(r => r.CheckpointId == "UX-01").Outcome);

        using var saved = await owner.PostFormAsync($"{edit}?handler=Save&checkpoint=UX-01", new()
        {
            ["Input.Revision"] = "0", ["Input.Outcome"] = "Met", ["Input.Evidence"] = "目視で確認", ["Input.OverrideReason"] = "装飾画像の誤検出",
        }, edit);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = (await ResultsAsync(edit)).Single(r => r.CheckpointId == "UX-01");
        Assert.Equal((CheckpointOutcome.Met, SuggestionDecision.Overridden, "装飾画像の誤検出"), (stored.Outcome!.Value, stored.SuggestionDecision!.Value, stored.OverrideReason));
        Assert.Contains("提示された結果と異なる判断をした理由：装飾画像の誤検出", WebUtility.HtmlDecode(await owner.GetStringAsync(edit)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveCheckpoint_TwoPeopleOnTheSameRevision_SecondSeesTheChangeAndKeepsTheirInput()
    {
        var (key, owner) = await ServiceAndOwnerAsync();
        var colleague = await OwnerAsync();
        var edit = await StartAsync(owner, key);
        var first = FirstCheckpoint().Match(await owner.GetStringAsync(edit)).Groups[1].Value;

        using var mine = await owner.PostFormAsync($"{edit}?handler=Save&checkpoint={first}", new() { ["Input.Revision"] = "0", ["Input.Outcome"] = "Met", ["Input.Evidence"] = "先に保存した証拠" }, edit);
        using var theirs = await colleague.PostFormAsync($"{edit}?handler=Save&checkpoint={first}", new() { ["Input.Revision"] = "0", ["Input.Outcome"] = "NotMet", ["Input.Evidence"] = "後から書いた証拠" }, edit);

        Assert.Equal(HttpStatusCode.Redirect, mine.StatusCode);
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);
        var html = WebUtility.HtmlDecode(await theirs.Content.ReadAsStringAsync());
        Assert.Contains("この間にほかの人が変更しました。", html, StringComparison.Ordinal);
        Assert.Contains("先に保存した証拠", html, StringComparison.Ordinal);
        Assert.Contains("後から書いた証拠</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Revision\" value=\"1\"", html, StringComparison.Ordinal);
        Assert.Equal("先に保存した証拠", (await ResultsAsync(edit)).Single(r => r.CheckpointId == first).Evidence);
    }

    [Fact]
    public async Task Submit_WithUnansweredCheckpoints_ListsThemAndStaysADraft()
    {
        var (key, owner) = await ServiceAndOwnerAsync();
        var edit = await StartAsync(owner, key);
        var first = FirstCheckpoint().Match(await owner.GetStringAsync(edit)).Groups[1].Value;

        using var submitted = await owner.PostFormAsync($"{edit}?handler=Submit", new(), edit);

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var html = WebUtility.HtmlDecode(await submitted.Content.ReadAsStringAsync());
        Assert.Contains("提出する前に、すべてのチェックポイントに回答してください。", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"#{first}-outcome\"", html, StringComparison.Ordinal);
        Assert.All(await ResultsAsync(edit), r => Assert.Null(r.Outcome));
    }

    [Fact]
    public async Task Submit_ByAnAssignedPartner_SaysWhyWith403AndStaysADraft()
    {
        // Arrange: a partner company assigned to the service may self-assess (so the page is theirs) but not submit.
        var (key, owner) = await ServiceAndOwnerAsync();
        var edit = await StartAsync(owner, key);
        var samples = new RegisterSamples(app.Services);
        var vendor = await samples.OrganizationAsync(samples.Prefix + "-vendor", OrganizationKind.Partner, null);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            var service = await db.Services.SingleAsync(s => s.Key == key);
            db.ServicePartners.Add(new ServicePartner { ServiceId = service.Id, OrganizationId = vendor });
            await db.SaveChangesAsync();
        }

        var partner = await Services.ServiceSamples.SignInAsync(app, Roles.Partner, vendor);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync(edit)).StatusCode);

        // Act
        using var submitted = await partner.PostFormAsync($"{edit}?handler=Submit", new(), edit);

        // Assert: the assessment page with the reason, not the generic "access denied" page; still a draft.
        Assert.Equal(HttpStatusCode.Forbidden, submitted.StatusCode);
        var html = WebUtility.HtmlDecode(await submitted.Content.ReadAsStringAsync());
        Assert.Contains("この評価でこの操作はできません。", html, StringComparison.Ordinal);
        Assert.Contains("action=\"" + edit, html, StringComparison.Ordinal);
        await using var check = app.Services.CreateAsyncScope();
        Assert.Equal(AssessmentStatus.Draft, (await check.ServiceProvider.GetRequiredService<ShishinDbContext>().Assessments.AsNoTracking()
            .SingleAsync(a => a.Id == Guid.Parse(edit.Split('/')[2]))).Status);
    }

    [Fact]
    public async Task SaveCheckpoint_BadInput_ShowsFieldMessagesNever500()
    {
        var (key, owner) = await ServiceAndOwnerAsync();
        var edit = await StartAsync(owner, key);
        var first = FirstCheckpoint().Match(await owner.GetStringAsync(edit)).Groups[1].Value;

        using var notApplicable = await owner.PostFormAsync($"{edit}?handler=Save&checkpoint={first}", new() { ["Input.Revision"] = "0", ["Input.Outcome"] = "NotApplicable" }, edit);
        using var badLinks = await owner.PostFormAsync($"{edit}?handler=Save&checkpoint={first}", new() { ["Input.Revision"] = "0", ["Input.Links"] = "ftp://example.jp/x" }, edit);
        using var garbage = await owner.PostFormAsync($"{edit}?handler=Save&checkpoint=NO-SUCH", new() { ["Input.Revision"] = "abc", ["Input.Outcome"] = "Bogus" }, edit);
        using var secondStart = await owner.PostFormAsync($"/services/{key}/assessments/new", new() { ["Phase"] = "development" });

        Assert.Equal(HttpStatusCode.OK, notApplicable.StatusCode);
        Assert.Contains($"href=\"#{first}-reason\"", await notApplicable.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains($"id=\"{first}-links-error\"", await badLinks.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondStart.StatusCode);
        Assert.Contains(edit, await secondStart.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.All(await ResultsAsync(edit), r => Assert.Equal(0, r.Revision));
    }

    [Fact]
    public async Task Pages_OwnerOfAnotherOrganisation_GetsNotFoundEverywhere()
    {
        var (key, owner) = await ServiceAndOwnerAsync();
        var edit = await StartAsync(owner, key);
        var email = $"minato-{Guid.NewGuid():N}@example.jp";
        var (user, _) = await app.CreateUserAsync(email, [Roles.ServiceOwner]);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();
            var minato = (await scope.ServiceProvider.GetRequiredService<OrganizationService>().FindByKeyAsync("minato"))!.Id;
            Assert.True((await accounts.SetAccessAsync((await accounts.FindAsync(user.Id))!, new UserAccess([Roles.ServiceOwner], [minato]))).Succeeded);
        }

        var stranger = await app.SignInAsync(email);
        var id = edit.Split('/')[2];

        foreach (var path in new[] { edit, $"/assessments/{id}/review", $"/assessments/{id}/respond", $"/services/{key}/assessments/new" })
        {
            using var response = await stranger.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        }
    }

    [GeneratedRegex("<section class=\"assessment-checkpoint\" id=\"([A-Z]+-\\d+)\"")]
    private static partial Regex FirstCheckpoint();
}

public sealed class AssessmentPagesTests_Sqlite(SqliteAppFactory app) : AssessmentPagesTests(app), IClassFixture<SqliteAppFactory>;

public sealed class AssessmentPagesTests_Postgres(PostgresAppFactory app) : AssessmentPagesTests(app), IClassFixture<PostgresAppFactory>;
