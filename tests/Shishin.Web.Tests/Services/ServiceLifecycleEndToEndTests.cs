using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;
using Shishin.Core.Identity;
using Shishin.Core.Jobs;
using Shishin.Tests;

namespace Shishin.Web.Tests.Services;

/// <summary>
/// The story of issue 12's "done when", walked through the real pages and API as people use them: a service owner
/// registers a public service, fills its canvas, answers and submits a self-assessment; a reviewer leads the panel,
/// rates it Amber and publishes; the action items appear, the nightly job turns them overdue once their due date has
/// passed; the public reads the report, the API returns it and the history lists it. Only the accounts are made
/// directly, as an administrator's invitations would have made them.
/// </summary>
public abstract partial class ServiceLifecycleEndToEndTests(TimeTravelAppFactory app)
{
    private const string NameJa = "犬の登録申請";
    private const string NameEn = "Dog registration";
    private const string Purpose = "窓口に来なくても犬の登録を済ませられるようにする。";
    private const string NotApplicableReason = "対面での手続きがないため。";
    private const string ToImprove = "証拠の記録を残し、利用者テストを続けること。";
    private const string OverallActionTitle = "評価全体の改善点への対応";

    [Fact]
    public async Task Lifecycle_RegisterAssessPublishAmber_ActionItemsTurnOverdueAndThePublicSeesTheReport()
    {
        var ownerEmail = await ServiceSamples.OwnerEmailAsync(app, "chiyoda");
        var reviewerEmail = await ServiceSamples.UserAsync(app, Roles.Reviewer);
        var owner = await app.SignInAsync(ownerEmail);
        var key = "dog-" + Guid.NewGuid().ToString("N")[..10];

        // 1. The service owner registers the service: public, on the web, in development.
        var form = await owner.GetStringAsync("/services/new");
        Assert.Contains("value=\"chiyoda\"", form, StringComparison.Ordinal);
        using var added = await owner.PostFormAsync("/services/new", new()
        {
            ["Input.Key"] = key,
            ["Input.NameJa"] = NameJa,
            ["Input.NameEn"] = NameEn,
            ["Input.Organization"] = "chiyoda",
            ["Input.EntryUrls"] = "https://www.city.chiyoda.lg.jp/dog",
            ["Input.Channel"] = "web",
            ["Input.IsPublic"] = "true",
            ["Input.Phase"] = "development",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var servicePath = added.Headers.Location!.OriginalString;
        Assert.Equal($"/services/{key}", servicePath);
        var details = await owner.GetStringAsync(servicePath);
        Assert.Contains("サービスを追加しました。", details, StringComparison.Ordinal);
        Assert.Contains($"<h1>{NameJa}</h1>", details, StringComparison.Ordinal);
        Assert.Contains("開発", details, StringComparison.Ordinal);
        Assert.Contains("未完了の対応事項はありません。", WebUtility.HtmlDecode(details), StringComparison.Ordinal);

        // 2. They fill the canvas; the canvas page shows it.
        using var canvasSaved = await owner.PostFormAsync($"/services/{key}/canvas/edit", new()
        {
            ["Input.BaseRevision"] = "0",
            ["Input.Purpose"] = Purpose,
            ["Input.TargetUsers"] = "犬を飼い始めた区民",
            ["Input.Hypotheses[0].Statement"] = "オンラインなら登録率が上がる",
            ["Input.Hypotheses[0].Test"] = "試行期間の登録件数を比べる",
            ["Input.Hypotheses[0].Result"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, canvasSaved.StatusCode);
        var canvas = await owner.GetStringAsync(canvasSaved.Headers.Location!.OriginalString);
        Assert.Contains("サービスキャンバスを改訂 1 として保存しました。", canvas, StringComparison.Ordinal);
        Assert.Contains(Purpose, canvas, StringComparison.Ordinal);
        Assert.Contains("オンラインなら登録率が上がる", canvas, StringComparison.Ordinal);

        // 3. They start the self-assessment of the development phase, answer every checkpoint one by one and submit.
        using var started = await owner.PostFormAsync($"/services/{key}/assessments/new", new() { ["Phase"] = "development" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var edit = started.Headers.Location!.OriginalString;
        Assert.Matches("^/assessments/[0-9a-f-]{36}/edit$", edit);
        var id = edit.Split('/')[2];
        var checkpoints = Checkpoints().Matches(await owner.GetStringAsync(edit)).Select(m => m.Groups[1].Value).ToList();
        Assert.True(checkpoints.Count >= 3, $"{checkpoints.Count} checkpoints");
        var (notApplicable, partlyMet) = (checkpoints[0], checkpoints[1]);
        foreach (var checkpoint in checkpoints)
        {
            var answer = new Dictionary<string, string> { ["Input.Revision"] = "0", ["Input.Evidence"] = $"{checkpoint} の記録", ["Input.Links"] = "", ["Input.Note"] = "" };
            answer["Input.Outcome"] = checkpoint == notApplicable ? "NotApplicable" : checkpoint == partlyMet ? "PartlyMet" : "Met";
            answer["Input.NotApplicableReason"] = checkpoint == notApplicable ? NotApplicableReason : "";
            using var saved = await owner.PostFormAsync($"{edit}?handler=Save&checkpoint={checkpoint}", answer, edit);
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, $"{checkpoint}: {saved.StatusCode}");
            Assert.Equal($"{edit}#{checkpoint}", saved.Headers.Location!.OriginalString);
        }

        Assert.Contains($"{checkpoints.Count} / {checkpoints.Count} 回答済み", await owner.GetStringAsync(edit), StringComparison.Ordinal);
        using var submitted = await owner.PostFormAsync($"{edit}?handler=Submit", new(), edit);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Contains("自己評価を提出しました。", await owner.GetStringAsync(submitted.Headers.Location!.OriginalString), StringComparison.Ordinal);

        // 4. A reviewer sets the panel with themselves as lead, rates every checkpoint, gives the whole Amber and publishes.
        var reviewer = await app.SignInAsync(reviewerEmail);
        var review = $"/assessments/{id}/review";
        var me = MemberId(await reviewer.GetStringAsync(review), reviewerEmail.Split('@')[0]);
        using var panel = await reviewer.PostFormAsync($"{review}?handler=Panel", new() { ["Members"] = me, ["Lead"] = me }, review);
        Assert.Equal(HttpStatusCode.Redirect, panel.StatusCode);
        var reviewPage = await reviewer.GetStringAsync(review);
        Assert.Contains("評価パネルを設定しました。", reviewPage, StringComparison.Ordinal);
        var amber = new[] { partlyMet, checkpoints[2] };
        foreach (var checkpoint in checkpoints)
        {
            using var rated = await reviewer.PostFormAsync($"{review}?handler=Rate&checkpoint={checkpoint}", new()
            {
                ["Revision"] = Revision(reviewPage, $"?checkpoint={checkpoint}&amp;handler=Rate\""),
                ["Rag"] = amber.Contains(checkpoint) ? "Amber" : "Green",
                ["Comment"] = amber.Contains(checkpoint) ? $"{checkpoint} は利用者テストの記録が足りない。" : "",
            }, review);
            Assert.True(rated.StatusCode == HttpStatusCode.Redirect, $"{checkpoint}: {rated.StatusCode}");
        }

        reviewPage = await reviewer.GetStringAsync(review);
        Assert.Contains($"{checkpoints.Count} / {checkpoints.Count}", reviewPage, StringComparison.Ordinal);
        using var overall = await reviewer.PostFormAsync($"{review}?handler=Overall", new()
        {
            ["Revision"] = Revision(reviewPage, "handler=Overall\""),
            ["Rag"] = "Amber",
            ["DoneWell"] = "利用者の声を丁寧に集めている。",
            ["ToImprove"] = ToImprove,
        }, review);
        Assert.Equal(HttpStatusCode.Redirect, overall.StatusCode);
        using var published = await reviewer.PostFormAsync($"{review}?handler=Publish", new(), review);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("評価結果を公開しました。", await reviewer.GetStringAsync(review), StringComparison.Ordinal);

        // 5. The Amber action items appear on the team's list and the service page, not yet overdue.
        // An Amber checkpoint's item is named after it, as the panel saw it: its id and title.
        var titles = amber.Select(c => $"{c} {WebUtility.HtmlDecode(CheckpointTitle().Match(reviewPage, reviewPage.IndexOf($"id=\"{c}-title\"", StringComparison.Ordinal)).Groups[1].Value)}")
            .Append(OverallActionTitle).ToList();
        var actions = WebUtility.HtmlDecode(await owner.GetStringAsync("/actions"));
        Assert.Contains("対応事項は3件です。", actions, StringComparison.Ordinal);
        Assert.All(titles, title => Assert.Contains(title, actions, StringComparison.Ordinal));
        Assert.DoesNotContain(OverdueTag, actions, StringComparison.Ordinal);
        details = WebUtility.HtmlDecode(await owner.GetStringAsync(servicePath));
        Assert.All(titles, title => Assert.Contains($"<th scope=\"row\">{title}</th>", details, StringComparison.Ordinal));
        var due = DateOnly.ParseExact(DueDate().Match(Row(actions, titles[0])).Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.True(due > DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(2)), $"due {due}");

        // The day after the due date, the nightly job runs as the scheduler runs it; the lists show the items overdue.
        app.Clock.MoveTo(new DateTimeOffset(due.AddDays(1).ToDateTime(new TimeOnly(0, 10)), TimeSpan.FromHours(9)));
        await RunNightlyJobAsync();
        // Months later the session of that day has long expired: the owner signs in again.
        owner = await app.SignInAsync(ownerEmail);
        actions = WebUtility.HtmlDecode(await owner.GetStringAsync("/actions"));
        Assert.Equal(3, Regex.Count(actions, Regex.Escape(OverdueTag)));
        var overdueOnly = WebUtility.HtmlDecode(await owner.GetStringAsync("/actions?Overdue=true"));
        Assert.All(titles, title => Assert.Contains(title, overdueOnly, StringComparison.Ordinal));
        Assert.Equal(3, Regex.Count(WebUtility.HtmlDecode(await owner.GetStringAsync(servicePath)), Regex.Escape(OverdueTag)));

        // 6. Anyone reads the published report, and the API returns it rated Amber.
        var anonymous = app.NewClient();
        using var report = await anonymous.GetAsync($"/assessments/{id}");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var reportHtml = WebUtility.HtmlDecode(await report.Content.ReadAsStringAsync());
        Assert.Contains(NameJa, reportHtml, StringComparison.Ordinal);
        Assert.Contains($"総合判定： {AmberTag}", reportHtml, StringComparison.Ordinal);
        Assert.Contains(ToImprove, reportHtml, StringComparison.Ordinal);
        Assert.Contains(NotApplicableReason, reportHtml, StringComparison.Ordinal);

        using var list = JsonDocument.Parse(await anonymous.GetStringAsync($"/api/v1/services/{key}/assessments"));
        var entry = Assert.Single(list.RootElement.EnumerateArray());
        Assert.Equal((id, "published", "amber"), (entry.GetProperty("id").GetString(), entry.GetProperty("status").GetString(), entry.GetProperty("rating").GetString()));
        using var api = await anonymous.GetAsync($"/api/v1/assessments/{id}");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal("application/json", api.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal((key, "development", "published", "amber", ToImprove),
            (root.GetProperty("service").GetString(), root.GetProperty("phase").GetString(), root.GetProperty("status").GetString(), root.GetProperty("rating").GetString(), root.GetProperty("toImprove").GetString()));
        var results = root.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("checkpointId").GetString()!, r => r);
        Assert.Equal(checkpoints.Order(StringComparer.Ordinal), results.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("not-applicable", NotApplicableReason), (results[notApplicable].GetProperty("outcome").GetString(), results[notApplicable].GetProperty("notApplicableReason").GetString()));
        Assert.Equal(("partly-met", "amber"), (results[partlyMet].GetProperty("outcome").GetString(), results[partlyMet].GetProperty("rating").GetString()));

        // 7. The service's assessment history lists it.
        var history = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/services/{key}/assessments"));
        var row = Row(history, $"href=\"/assessments/{id}\"");
        Assert.Contains("開発", row, StringComparison.Ordinal);
        Assert.Contains(AmberTag, row, StringComparison.Ordinal);
    }

    private const string OverdueTag = "<span class=\"tag tag--danger\">期限超過</span>";

    /// <summary>How a rating of Amber reads: its word with a triangle, so colour is not the only signal.</summary>
    private const string AmberTag = "<span class=\"tag tag--warning rag rag--amber\"><span class=\"rag__shape\" aria-hidden=\"true\">▲</span> 黄</span>";

    /// <summary>The table row holding <paramref name="text"/>.</summary>
    private static string Row(string html, string text)
    {
        var at = html.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0, $"No row with {text}");
        var start = html.LastIndexOf("<tr>", at, StringComparison.Ordinal);
        return html[start..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }

    /// <summary>Fires the nightly job now through the app's own scheduler and waits until a run has finished.</summary>
    private async Task RunNightlyJobAsync()
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var listener = new RunListener();
        scheduler.ListenerManager.AddJobListener(listener, [Matchers.Key(MarkOverdueActionItemsJob.Key)]);
        try
        {
            await scheduler.TriggerJob(MarkOverdueActionItemsJob.Key);
            var failure = await listener.Finished.Task.WaitAsync(TimeSpan.FromMinutes(1));
            Assert.Null(failure);
        }
        finally
        {
            scheduler.ListenerManager.RemoveJobListener(listener.Name);
        }
    }

    /// <summary>The value of the hidden Revision field of the first form after <paramref name="formMarker"/> (part of its action).</summary>
    private static string Revision(string html, string formMarker)
    {
        var start = html.IndexOf(formMarker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"No form {formMarker}");
        return RevisionField().Match(html, start).Groups[1].Value;
    }

    /// <summary>The id of the panel checkbox labelled with the reviewer's name.</summary>
    private static string MemberId(string html, string name)
    {
        var match = Regex.Match(html, $"<input type=\"checkbox\" id=\"member-([0-9a-f-]{{36}})\"[^>]*>\\s*<label for=\"member-[0-9a-f-]{{36}}\">{Regex.Escape(name)}</label>");
        Assert.True(match.Success, $"No panel member {name}");
        return match.Groups[1].Value;
    }

    private sealed class RunListener : IJobListener
    {
        public TaskCompletionSource<Exception?> Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name { get; } = "end-to-end-" + Guid.NewGuid().ToString("N");

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            Finished.TrySetResult(jobException);
            return ValueTask.CompletedTask;
        }
    }

    [GeneratedRegex("<section class=\"assessment-checkpoint\" id=\"([^\"]+)\"")]
    private static partial Regex Checkpoints();

    [GeneratedRegex("<span class=\"catalog-id\">[^<]*</span> ([^<]+)</h4>")]
    private static partial Regex CheckpointTitle();

    [GeneratedRegex("name=\"Revision\" value=\"(\\d+)\"")]
    private static partial Regex RevisionField();

    [GeneratedRegex(">(\\d{4}-\\d{2}-\\d{2})")]
    private static partial Regex DueDate();
}

/// <summary>The real host on a clock the test can move forward, as the days of the story pass.</summary>
public class TimeTravelAppFactory(TestProvider provider) : ShishinAppFactory(provider)
{
    public MovableClock Clock { get; } = new();

    protected override void ConfigureMore(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(Clock);
        });
}

/// <summary>The system clock, moved by an offset: time still runs, from wherever the test has put it.</summary>
public sealed class MovableClock : TimeProvider
{
    private long offsetTicks;

    public void MoveTo(DateTimeOffset instant) => Interlocked.Exchange(ref offsetTicks, (instant - System.GetUtcNow()).Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;
}

public sealed class SqliteTimeTravelAppFactory() : TimeTravelAppFactory(TestProvider.Sqlite);

public sealed class PostgresTimeTravelAppFactory() : TimeTravelAppFactory(TestProvider.Postgres);

public sealed class ServiceLifecycleEndToEndTests_Sqlite(SqliteTimeTravelAppFactory app) : ServiceLifecycleEndToEndTests(app), IClassFixture<SqliteTimeTravelAppFactory>;

public sealed class ServiceLifecycleEndToEndTests_Postgres(PostgresTimeTravelAppFactory app) : ServiceLifecycleEndToEndTests(app), IClassFixture<PostgresTimeTravelAppFactory>;
