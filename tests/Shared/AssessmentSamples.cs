using Microsoft.EntityFrameworkCore;
using Shishin.Core.Assessments;
using Shishin.Core.Catalog;
using Shishin.Core.Data;
using Shishin.Core.Services;

namespace Shishin.Tests;

/// <summary>
/// Services, assessments and action items written straight through the DbContext, for tests of the read side (the
/// workflow that normally makes them is tested on its own), the one builder of these rows for every test project
/// (<see cref="RegisterSamples"/> writes them through it too). Assessments pin the current published catalogue version.
/// </summary>
public static class AssessmentSamples
{
    /// <summary>A result: checkpoint id, the team's outcome and the panel's rating.</summary>
    public sealed record Result(string CheckpointId, CheckpointOutcome? Outcome, Rag? Rag = null);

    /// <summary>A web service named after its key; <paramref name="more"/> sets anything else before it is saved.</summary>
    public static async Task<Service> ServiceAsync(
        ShishinDbContext db, string key, Guid owner, bool isPublic = true, ServicePhase phase = ServicePhase.Development, Guid[]? partners = null,
        Action<Service>? more = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var service = new Service
        {
            Key = key,
            NameJa = "試験サービス " + key,
            NameEn = "Test service " + key,
            OwnerOrganizationId = owner,
            IsPublic = isPublic,
            Phase = phase,
            Channel = ServiceChannel.Web,
            Partners = [.. (partners ?? []).Select(p => new ServicePartner { OrganizationId = p })],
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        more?.Invoke(service);
        db.Services.Add(service);
        await db.SaveChangesAsync();
        return service;
    }

    /// <summary>An assessment with a result for each of <paramref name="results"/>; <paramref name="more"/> sets anything else before it is saved.</summary>
    public static async Task<Assessment> AssessmentAsync(
        ShishinDbContext db, Guid serviceId, AssessmentStatus status, Rag? rag, IEnumerable<Result> results,
        LifecyclePhase phase = LifecyclePhase.Development, DateTime? publishedAt = null, Guid? reassessmentOf = null, Guid? id = null,
        Action<Assessment>? more = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        // The current version: the highest published one (a fresh instance has 1.0.0 and 1.1.0).
        var version = (await db.CatalogVersions.Where(v => v.Status == CatalogVersionStatus.Published).Select(v => new { v.Id, v.Version }).ToListAsync())
            .OrderByDescending(v => SemanticVersion.TryParse(v.Version, out var s) ? s : default).First().Id;
        var now = DateTime.UtcNow;
        var assessment = new Assessment
        {
            Id = id ?? Guid.NewGuid(),
            ServiceId = serviceId,
            Phase = phase,
            CatalogVersionId = version,
            Status = status,
            Rag = status == AssessmentStatus.Published ? rag : null,
            DoneWell = "利用者調査の記録が丁寧です。",
            ToImprove = "添付書類の案内を見直してください。",
            CreatedAt = (publishedAt ?? now).AddDays(-20),
            PublishedAt = status == AssessmentStatus.Published ? publishedAt ?? now : null,
            ReassessmentOfId = reassessmentOf,
            ResponseDueOn = status == AssessmentStatus.Published ? DateOnly.FromDateTime(now.AddDays(14)) : null,
            Results = [.. results.Select(r => new CheckpointResult
            {
                CheckpointId = r.CheckpointId,
                Outcome = r.Outcome,
                NotApplicableReason = r.Outcome == CheckpointOutcome.NotApplicable ? "窓口のみのサービスのため。" : "",
                Evidence = "根拠 " + r.CheckpointId,
                EvidenceLinks = "https://example.jp/evidence/" + r.CheckpointId.ToLowerInvariant() + "\njavascript:alert(1)",
                AssessorNote = "メモ " + r.CheckpointId,
                PanelComment = status == AssessmentStatus.Published ? "パネル " + r.CheckpointId : "",
                Rag = r.Rag,
            })],
        };
        more?.Invoke(assessment);
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return assessment;
    }

    public static async Task<ActionItem> ActionItemAsync(
        ShishinDbContext db, Guid serviceId, Guid? assessmentId, DateOnly due, ActionItemStatus status = ActionItemStatus.Open, Guid? owner = null, bool overdue = false, Guid? id = null,
        string? title = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var item = new ActionItem
        {
            Id = id ?? Guid.NewGuid(),
            ServiceId = serviceId,
            AssessmentId = assessmentId,
            CheckpointId = assessmentId is null ? null : "P1-02",
            Title = title ?? "添付書類の案内を改善する " + Guid.NewGuid().ToString("N")[..6],
            Description = "申請画面で必要な書類を最初に示します。",
            DueOn = due,
            Status = status,
            OwnerId = owner,
            IsOverdue = overdue,
            WontDoReason = status == ActionItemStatus.WontDo ? "別の施策で対応します。" : "",
            CreatedAt = DateTime.UtcNow,
            ClosedAt = status is ActionItemStatus.Done or ActionItemStatus.WontDo ? DateTime.UtcNow : null,
        };
        db.ActionItems.Add(item);
        await db.SaveChangesAsync();
        // Detached, so that the returned item keeps the values it was made with while the code under test changes the row.
        db.Entry(item).State = EntityState.Detached;
        return item;
    }

    /// <summary>An amber report with every kind of outcome: P1 3 met of 4 applicable (one partly met), one N/A in UX, a red SE point.</summary>
    public static IReadOnlyList<Result> Mixed { get; } =
    [
        new("P1-01", CheckpointOutcome.Met, Rag.Green),
        new("P1-02", CheckpointOutcome.PartlyMet, Rag.Amber),
        new("P1-03", CheckpointOutcome.Met, Rag.Green),
        new("P1-04", CheckpointOutcome.Met, Rag.Green),
        new("UX-01", CheckpointOutcome.Met, Rag.Green),
        new("UX-04", CheckpointOutcome.NotApplicable),
        new("SE-01", CheckpointOutcome.NotMet, Rag.Red),
    ];
}
