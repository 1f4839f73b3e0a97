using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Assessments;
using Shishin.Core.Auditing;
using Shishin.Core.Data;
using Shishin.Core.Scans;
using Shishin.Core.Services;
using Shishin.Tests;

namespace Shishin.Core.Tests.Assessments;

/// <summary>
/// Scan findings as evidence for automated checkpoints: what the latest run suggests, and what an assessor's
/// confirmation or override leaves behind (the answer, the audit log, the count for guideline owners).
/// </summary>
public abstract class ScanEvidenceTests(TestProvider provider) : IAsyncLifetime
{
    private readonly CoreFixture fixture = new(provider);
    private Guid serviceId;
    private Guid assessmentId;

    public async Task InitializeAsync()
    {
        await fixture.InitializeAsync();
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var chiyoda = await db.Organizations.Where(o => o.Key == "chiyoda").Select(o => o.Id).SingleAsync();
        serviceId = (await AssessmentSamples.ServiceAsync(db, "evidence-" + Guid.NewGuid().ToString("N")[..8], chiyoda)).Id;
        assessmentId = (await AssessmentSamples.AssessmentAsync(db, serviceId, AssessmentStatus.Draft, null,
            [new("UX-01", null), new("UX-03", null), new("UX-04", null), new("UX-06", null), new("P1-01", null)])).Id;
    }

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task Suggest_ViolationNeedsReviewAndClean_GiveNotMetPartlyMetAndMet_AndARuleNotRunGivesNothing()
    {
        var run = await RecordRunAsync(["wcag2aa", "best-practice"],
            Page("https://city.example/", ("image-alt", "violation", "serious"), ("color-contrast", "needsReview", "serious")),
            Page("https://city.example/apply", ("image-alt", "violation", "critical")));

        var suggestions = await SuggestAsync();

        Assert.Equal(CheckpointOutcome.NotMet, suggestions["UX-01"].Outcome);
        Assert.Equal((2, 2, 2), (suggestions["UX-01"].Violations, suggestions["UX-01"].PagesWithViolations, suggestions["UX-01"].PagesScanned));
        Assert.Equal(CheckpointOutcome.PartlyMet, suggestions["UX-03"].Outcome);
        Assert.Equal(1, suggestions["UX-03"].NeedsReview);
        Assert.Equal(CheckpointOutcome.Met, suggestions["UX-06"].Outcome);
        Assert.Equal(run, suggestions["UX-06"].RunId);
        // target-size runs only with the WCAG 2.2 rules, which this run did not run: no "met" from a rule that was off.
        Assert.False(suggestions.ContainsKey("UX-04"));
        // A human checkpoint never gets a suggestion.
        Assert.False(suggestions.ContainsKey("P1-01"));
    }

    [Fact]
    public async Task Suggest_LatestRunFailedOrPruned_UsesTheLatestRunThatStillHoldsItsFindings()
    {
        var kept = await RecordRunAsync(["wcag22aa", "best-practice"], Page("https://city.example/", ("image-alt", "violation", "serious")));
        var pruned = await RecordRunAsync(["wcag22aa", "best-practice"], Page("https://city.example/"));
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            await db.ScanRuns.Where(r => r.Id == pruned).ExecuteUpdateAsync(s => s.SetProperty(r => r.DetailPruned, true));
            db.ScanRuns.Add(new ScanRun { ServiceId = serviceId, Status = ScanRunStatus.Failed, QueuedAt = DateTime.UtcNow, FinishedAt = DateTime.UtcNow.AddMinutes(5) });
            await db.SaveChangesAsync();
        }

        var suggestions = await SuggestAsync();

        Assert.Equal(kept, suggestions["UX-01"].RunId);
        Assert.Equal(CheckpointOutcome.NotMet, suggestions["UX-01"].Outcome);
        // The kept run ran the WCAG 2.2 rules, so target-size counts: no violation, met.
        Assert.Equal(CheckpointOutcome.Met, suggestions["UX-04"].Outcome);
    }

    [Fact]
    public async Task SaveResult_OutcomeOtherThanTheSuggestion_NeedsAReason_IsRecordedAsOverride_AuditedAndCounted()
    {
        var run = await RecordRunAsync(["wcag22aa", "best-practice"], Page("https://city.example/", ("image-alt", "violation", "serious")));

        var refused = await SaveAsync("UX-01", new CheckpointAnswer(CheckpointOutcome.Met, null, "代替テキストは確認済み", null, null));
        Assert.Equal(AssessmentError.OverrideReasonRequired, refused.Failure?.Error);
        Assert.Equal(nameof(CheckpointAnswer.OverrideReason), refused.Failure!.Field);

        var overridden = await SaveAsync("UX-01", new CheckpointAnswer(CheckpointOutcome.Met, null, "代替テキストは確認済み", null, null, "装飾画像の誤検出"));
        Assert.True(overridden.Succeeded, overridden.Failure?.Error.ToString());
        var confirmed = await SaveAsync("UX-06", new CheckpointAnswer(CheckpointOutcome.Met, null, "自動更新なし", null, null));
        Assert.True(confirmed.Succeeded, confirmed.Failure?.Error.ToString());
        var human = await SaveAsync("P1-01", new CheckpointAnswer(CheckpointOutcome.Met, null, "調査済み", null, null));
        Assert.True(human.Succeeded, human.Failure?.Error.ToString());

        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var results = await db.CheckpointResults.AsNoTracking().Where(r => r.AssessmentId == assessmentId).ToDictionaryAsync(r => r.CheckpointId);
        Assert.Equal((CheckpointOutcome.NotMet, run, SuggestionDecision.Overridden, "装飾画像の誤検出"),
            (results["UX-01"].SuggestedOutcome, results["UX-01"].SuggestionRunId, results["UX-01"].SuggestionDecision, results["UX-01"].OverrideReason));
        Assert.Equal(SuggestionDecision.Confirmed, results["UX-06"].SuggestionDecision);
        Assert.Null(results["P1-01"].SuggestionDecision);

        var audit = await db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == nameof(CheckpointResult) && e.EntityId == results["UX-01"].Id.ToString() && e.ActorName == "assessor")
            .Select(e => e.After).ToListAsync();
        Assert.Contains(audit, after => after != null && after.Contains("装飾画像の誤検出", StringComparison.Ordinal) && after.Contains("Overridden", StringComparison.Ordinal));

        var counts = await scope.ServiceProvider.GetRequiredService<SuggestionOverrides>().CountAsync();
        var ux01 = Assert.Single(counts, c => c.CheckpointId == "UX-01");
        Assert.Equal((1, 0, 1), (ux01.Suggested, ux01.Confirmed, ux01.Overridden));
        Assert.Equal(["装飾画像の誤検出"], ux01.RecentReasons);
        Assert.Equal((1, 1, 0), counts.Where(c => c.CheckpointId == "UX-06").Select(c => (c.Suggested, c.Confirmed, c.Overridden)).Single());
        Assert.DoesNotContain(counts, c => c.CheckpointId == "P1-01");
        Assert.Equal("UX-01", counts[0].CheckpointId);
    }

    private async Task<IReadOnlyDictionary<string, ScanSuggestion>> SuggestAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var catalog = (await scope.ServiceProvider.GetRequiredService<Core.Catalog.CatalogService>().GetCurrentAsync())!.Document;
        return await scope.ServiceProvider.GetRequiredService<ScanEvidence>().SuggestAsync(serviceId, catalog.Checkpoints);
    }

    private async Task<AssessmentResult<CheckpointResult>> SaveAsync(string checkpointId, CheckpointAnswer answer)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<AuditActor>();
        actor.Name = "assessor";
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var revision = await db.CheckpointResults.Where(r => r.AssessmentId == assessmentId && r.CheckpointId == checkpointId).Select(r => r.Revision).SingleAsync();
        var admin = new ServiceScope(new Viewer(Guid.NewGuid(), new HashSet<string>(StringComparer.Ordinal) { Core.Identity.Roles.Admin }), new HashSet<Guid>(), new HashSet<Guid>());
        return await scope.ServiceProvider.GetRequiredService<AssessmentService>().SaveResultAsync(admin, assessmentId, checkpointId, answer, revision);
    }

    /// <summary>Stores a finished run of the service from a report with these pages, a minute after the previous one.</summary>
    private async Task<Guid> RecordRunAsync(string[] rules, params JsonObject[] pages)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var run = new ScanRun { ServiceId = serviceId, Status = ScanRunStatus.Running, Trigger = ScanTrigger.Uploaded, QueuedAt = DateTime.UtcNow };
        db.ScanRuns.Add(run);
        await db.SaveChangesAsync();
        var report = new JsonObject
        {
            ["scanner"] = new JsonObject { ["name"] = "Shishin", ["version"] = "1.0.0", ["axeCoreVersion"] = "4.11.0" },
            ["options"] = new JsonObject { ["rules"] = new JsonArray([.. rules.Select(r => (JsonNode)r)]) },
            ["pages"] = new JsonArray([.. pages]),
        };
        using var document = JsonDocument.Parse(report.ToJsonString());
        await scope.ServiceProvider.GetRequiredService<ScanRunService>().RecordAsync(run, document.RootElement);
        // Runs recorded one after another in a test finish within the same millisecond: space them out.
        await db.ScanRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.FinishedAt, DateTime.UtcNow.AddMinutes(++recorded)));
        return run.Id;
    }

    private int recorded;

    private static JsonObject Page(string url, params (string Rule, string Outcome, string Impact)[] findings) => new()
    {
        ["requestedUrl"] = url,
        ["status"] = "complete",
        ["findings"] = new JsonArray([.. findings.Select(f => (JsonNode)new JsonObject
        {
            ["ruleId"] = f.Rule,
            ["category"] = "accessibility",
            ["outcome"] = f.Outcome,
            ["impact"] = f.Impact,
            ["message"] = f.Rule,
            ["fingerprint"] = f.Rule + "|" + new Uri(url).AbsolutePath,
            ["nodes"] = new JsonArray(),
        })]),
    };
}

public sealed class ScanEvidenceTests_Sqlite() : ScanEvidenceTests(TestProvider.Sqlite);

public sealed class ScanEvidenceTests_Postgres() : ScanEvidenceTests(TestProvider.Postgres);
