using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Assessments;
using Shishin.Core.Catalog;
using Shishin.Core.Data;
using Shishin.Core.Organizations;
using Shishin.Core.Scans;
using Shishin.Core.Services;

namespace Shishin.BrowserTests.Accessibility;

/// <summary>
/// Assessments of the workflow's pages for the page table: {assessment-draft} (a self-assessment with one answer and
/// one conflict-free draft), {assessment-review} (in review) and {assessment-published} (published Red, the response
/// window open), all of the internal service <c>axe-assessed</c> of Chiyoda, which the admin sees. The service has a
/// finished scan with an image-alt violation, so the self-assessment shows scan evidence, and its UX-01 answer overrides
/// the suggestion (also counted on the overrides page).
/// </summary>
internal static class AssessmentSamples
{
    public const string ServiceKey = "axe-assessed";

    public static async Task<Dictionary<string, string>> CreateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var current = (await scope.ServiceProvider.GetRequiredService<CatalogService>().GetCurrentAsync())!;
        var chiyoda = (await scope.ServiceProvider.GetRequiredService<OrganizationService>().FindByKeyAsync("chiyoda"))!.Id;
        var service = new Service { Key = ServiceKey, NameJa = "アクセシビリティ試験のサービス", NameEn = "Accessibility test service", OwnerOrganizationId = chiyoda, Phase = ServicePhase.Development };
        db.Services.Add(service);

        Assessment Sample(LifecyclePhase phase, AssessmentStatus status)
        {
            var assessment = new Assessment
            {
                ServiceId = service.Id,
                Phase = phase,
                CatalogVersionId = current.Id,
                Status = status,
                CreatedAt = DateTime.UtcNow,
                Results = [.. AssessmentCheckpoints.For(current.Document, phase).Select(c => new CheckpointResult { CheckpointId = c.Id })],
            };
            db.Assessments.Add(assessment);
            return assessment;
        }

        var draft = Sample(LifecyclePhase.Development, AssessmentStatus.Draft);
        draft.Results[0].Outcome = CheckpointOutcome.NotApplicable;
        draft.Results[0].NotApplicableReason = "窓口だけの手続きのため。";
        draft.Results[0].UpdatedAt = DateTime.UtcNow;
        draft.Results[0].UpdatedByName = "評価 太郎";
        var review = Sample(LifecyclePhase.Operation, AssessmentStatus.InReview);
        var published = Sample(LifecyclePhase.ServiceDesign, AssessmentStatus.Published);
        foreach (var result in review.Results.Concat(published.Results))
        {
            result.Outcome = CheckpointOutcome.PartlyMet;
            result.Evidence = "利用者テストの記録があります。";
            result.EvidenceLinks = "https://example.jp/evidence";
        }

        foreach (var result in published.Results)
        {
            result.Rag = Rag.Red;
            result.PanelComment = "根拠が足りません。";
        }

        published.Rag = Rag.Red;
        published.PublishedAt = DateTime.UtcNow;
        published.ResponseDueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(14));
        var run = new ScanRun
        {
            ServiceId = service.Id, Status = ScanRunStatus.Done, Trigger = ScanTrigger.Uploaded, QueuedAt = DateTime.UtcNow, FinishedAt = DateTime.UtcNow,
            OptionsJson = """{"rules":["wcag22aa","best-practice"]}""", Pages = 1, PagesWithViolations = 1, Serious = 1,
        };
        db.ScanRuns.Add(run);
        db.ScanPages.Add(new ScanPage
        {
            RunId = run.Id, RequestedUrl = "https://city.example/", Title = "トップ",
            Findings = [new ScanFinding { RunId = run.Id, RuleId = "image-alt", Category = "accessibility", Outcome = "violation", Impact = "serious", Fingerprint = "image-alt|/" }],
        });
        var ux01 = draft.Results.Single(r => r.CheckpointId == "UX-01");
        ux01.Outcome = CheckpointOutcome.Met;
        ux01.SuggestedOutcome = CheckpointOutcome.NotMet;
        ux01.SuggestionRunId = run.Id;
        ux01.SuggestionDecision = SuggestionDecision.Overridden;
        ux01.OverrideReason = "装飾画像の誤検出のため。";
        var reviewed = review.Results.Single(r => r.CheckpointId == "UX-01");
        reviewed.SuggestedOutcome = CheckpointOutcome.NotMet;
        reviewed.SuggestionRunId = run.Id;
        reviewed.SuggestionDecision = SuggestionDecision.Overridden;
        reviewed.OverrideReason = "装飾画像の誤検出のため。";
        await db.SaveChangesAsync();
        return new(StringComparer.Ordinal)
        {
            ["{assessment-draft}"] = draft.Id.ToString(),
            ["{assessment-review}"] = review.Id.ToString(),
            ["{assessment-published}"] = published.Id.ToString(),
        };
    }
}
