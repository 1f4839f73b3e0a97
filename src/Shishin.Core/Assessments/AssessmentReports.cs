using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shishin.Core.Catalog;
using Shishin.Core.Data;
using Shishin.Core.Services;

namespace Shishin.Core.Assessments;

/// <summary>
/// The read side of assessments: a report, a service's history and the portfolio. A published report is for anyone who
/// may see the service (anonymous visitors: public services only); a draft, submitted or in-review assessment only for
/// the team (those who may self-assess the service) and reviewers. What a viewer may not read is reported as absent, so
/// that an internal service's assessments do not reveal it.
/// </summary>
public sealed class AssessmentReports(ShishinDbContext db, CatalogService catalog)
{
    public static bool CanRead(ServiceScope scope, Service service, AssessmentStatus status)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.CanSee(service) && (status == AssessmentStatus.Published || scope.CanSelfAssess(service) || scope.CanReview);
    }

    /// <summary>The report of one assessment, or null when it does not exist or the viewer may not read it.</summary>
    public async Task<AssessmentReport?> GetAsync(ServiceScope scope, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var assessment = await db.Assessments.AsNoTracking().AsSplitQuery()
            .Include(a => a.Results).Include(a => a.Reviewers)
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment is null)
        {
            return null;
        }

        var service = await ServiceAsync(s => s.Id == assessment.ServiceId, cancellationToken);
        if (service is null || !CanRead(scope, service, assessment.Status))
        {
            return null;
        }

        var snapshot = await catalog.GetByIdAsync(assessment.CatalogVersionId, cancellationToken)
            ?? throw new InvalidOperationException($"Assessment {id} pins catalogue version {assessment.CatalogVersionId}, which does not exist.");
        var reviewerIds = assessment.Reviewers.Select(r => r.UserId).ToList();
        var names = await db.Users.AsNoTracking().Where(u => reviewerIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var reviewers = assessment.Reviewers
            .Select(r => new ReportReviewer(r.UserId, names.GetValueOrDefault(r.UserId) ?? "", r.IsLead))
            .OrderByDescending(r => r.IsLead).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();

        var linked = await db.Assessments.AsNoTracking()
            .Where(a => a.Id == assessment.ReassessmentOfId || a.ReassessmentOfId == assessment.Id)
            .Select(a => new { a.Id, a.ServiceId, a.Status, a.PublishedAt, a.CreatedAt, a.Rag, a.ReassessmentOfId })
            .ToListAsync(cancellationToken);
        var readable = linked.Where(a => a.ServiceId == service.Id && CanRead(scope, service, a.Status)).ToList();
        var original = readable.Where(a => a.Id == assessment.ReassessmentOfId)
            .Select(a => new ReportLink(a.Id, a.Status, a.PublishedAt, a.Rag)).FirstOrDefault();
        var followUps = readable.Where(a => a.ReassessmentOfId == assessment.Id).OrderBy(a => a.CreatedAt)
            .Select(a => new ReportLink(a.Id, a.Status, a.PublishedAt, a.Rag)).ToList();

        var permissions = new ReportPermissions(
            SelfAssess: assessment.Status == AssessmentStatus.Draft && scope.CanSelfAssess(service),
            Review: assessment.Status is AssessmentStatus.Submitted or AssessmentStatus.InReview && scope.CanReview,
            Respond: assessment.Status == AssessmentStatus.Published && assessment.TeamResponse == TeamResponse.None && scope.CanEdit(service),
            SeeActionItems: scope.CanSelfAssess(service) || scope.CanReview);
        var actions = permissions.SeeActionItems
            ? await db.ActionItems.AsNoTracking().Where(a => a.AssessmentId == assessment.Id).OrderBy(a => a.DueOn).ThenBy(a => a.Title).ToListAsync(cancellationToken)
            : [];

        return new AssessmentReport(assessment, service, snapshot.Info, snapshot.Document, reviewers,
            Sections(snapshot.Document, assessment.Results), AssessmentSummaries.Total(assessment.Results),
            original, followUps, actions, permissions);
    }

    /// <summary>
    /// A service's assessments by phase and date with their outcome, the trend across phases: published ones for anyone
    /// who may see the service, all of them for the team and reviewers. Null when the service is unknown or hidden.
    /// </summary>
    public async Task<AssessmentHistory?> HistoryAsync(ServiceScope scope, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var service = await ServiceAsync(s => s.Key == key, cancellationToken);
        if (service is null || !scope.CanSee(service))
        {
            return null;
        }

        var everything = scope.CanSelfAssess(service) || scope.CanReview;
        var assessments = await db.Assessments.AsNoTracking().Include(a => a.Results)
            .Where(a => a.ServiceId == service.Id && (everything || a.Status == AssessmentStatus.Published))
            .ToListAsync(cancellationToken);
        var versionIds = assessments.Select(a => a.CatalogVersionId).Distinct().ToList();
        var versions = await db.CatalogVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id))
            .ToDictionaryAsync(v => v.Id, v => v.Version, cancellationToken);
        var entries = assessments
            .Select(a => new AssessmentHistoryEntry(a.Id, a.Phase, a.Status, versions.GetValueOrDefault(a.CatalogVersionId),
                a.PublishedAt ?? a.SubmittedAt ?? a.CreatedAt, a.PublishedAt, a.Rag, AssessmentSummaries.Total(a.Results), a.ReassessmentOfId))
            .OrderBy(e => e.Phase).ThenBy(e => e.Date).ThenBy(e => e.Id)
            .ToList();
        return new AssessmentHistory(service, entries, everything);
    }

    /// <summary>
    /// Every service the viewer may see with its latest published assessment, summarised per principle (1–10) and theme.
    /// The columns are those of the current catalogue; a cell is absent where the assessment had no checkpoint of it.
    /// </summary>
    public async Task<Portfolio> PortfolioAsync(ServiceScope scope, PortfolioQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(query);
        var current = await catalog.GetCurrentAsync(cancellationToken);
        var columns = current is null
            ? Enumerable.Range(1, 10).Select(n => new PortfolioColumn(GroupSummary.KeyOf(n, null), n, null)).ToList()
            : current.Document.Principles.OrderBy(p => p.Number).Select(p => new PortfolioColumn(GroupSummary.KeyOf(p.Number, null), p.Number, null))
                .Concat(current.Document.Themes.Select(t => new PortfolioColumn(GroupSummary.KeyOf(null, t.Key), null, t.Key)))
                .ToList();

        var services = scope.Visible(db.Services.AsNoTracking()).Include(s => s.OwnerOrganization);
        if (query.OrganizationId is { } organizationId)
        {
            var tree = (await OrganizationTree.SubTreeAsync(db, organizationId, cancellationToken)).ToList();
            services = services.Where(s => tree.Contains(s.OwnerOrganizationId)).Include(s => s.OwnerOrganization);
        }

        var list = await services.ToListAsync(cancellationToken);
        var serviceIds = list.Select(s => s.Id).ToList();
        var published = await db.Assessments.AsNoTracking()
            .Where(a => a.Status == AssessmentStatus.Published && serviceIds.Contains(a.ServiceId))
            .Select(a => new { a.Id, a.ServiceId, a.Phase, a.PublishedAt, a.CreatedAt, a.Rag, a.CatalogVersionId })
            .ToListAsync(cancellationToken);
        var latest = published.GroupBy(a => a.ServiceId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.CreatedAt).First());
        var latestIds = latest.Values.Select(a => a.Id).ToList();
        var results = (await db.CheckpointResults.AsNoTracking().Where(r => latestIds.Contains(r.AssessmentId)).ToListAsync(cancellationToken))
            .ToLookup(r => r.AssessmentId);
        var documents = new Dictionary<Guid, CatalogSnapshot?>();
        foreach (var versionId in latest.Values.Select(a => a.CatalogVersionId).Distinct())
        {
            documents[versionId] = await catalog.GetByIdAsync(versionId, cancellationToken);
        }

        var rows = new List<PortfolioRow>();
        foreach (var service in list)
        {
            if (!latest.TryGetValue(service.Id, out var assessment))
            {
                rows.Add(new PortfolioRow(service, null, new Dictionary<string, GroupSummary>()));
                continue;
            }

            var snapshot = documents[assessment.CatalogVersionId];
            var own = results[assessment.Id].ToList();
            var cells = snapshot is null
                ? new Dictionary<string, GroupSummary>()
                : AssessmentSummaries.PerGroup(snapshot.Document, own).ToDictionary(g => g.Key, StringComparer.Ordinal);
            rows.Add(new PortfolioRow(service,
                new PortfolioAssessment(assessment.Id, assessment.Phase, assessment.PublishedAt, assessment.Rag, snapshot?.Info.Version, AssessmentSummaries.Total(own)),
                cells));
        }

        return new Portfolio(columns, Sort(rows, query));
    }

    /// <summary>Met of applicable as a share; null without a cell or with nothing applicable.</summary>
    private static double? Share(GroupSummary? cell) => cell is { Applicable: > 0 } c ? (double)c.Met / c.Applicable : null;

    private static List<PortfolioRow> Sort(List<PortfolioRow> rows, PortfolioQuery query)
    {
        var names = StringComparer.Create(CultureInfo.GetCultureInfo(query.English ? "en" : "ja"), ignoreCase: true);
        var ordered = query.Sort switch
        {
            PortfolioSort.Organization => rows.OrderBy(r => r.Service.OwnerOrganization?.Kind).ThenBy(r => r.Service.OwnerOrganization?.SortOrder)
                .ThenBy(r => r.Service.OwnerOrganization?.LocalGovernmentCode, StringComparer.Ordinal)
                .ThenBy(r => r.Service.OwnerOrganization?.Key, StringComparer.Ordinal),
            // Guideline owners look for the services that need them: the worst rating first.
            PortfolioSort.Rating => rows.OrderBy(r => r.Latest switch
            {
                { Rag: Rag.Red } => 0,
                { Rag: Rag.Amber } => 1,
                { Rag: Rag.Green } => 2,
                not null => 3,
                null => 4,
            }),
            PortfolioSort.Column => rows.OrderBy(r => Share(r.Cell(query.Column ?? "")) is null)
                .ThenBy(r => Share(r.Cell(query.Column ?? ""))),
            _ => rows.OrderBy(_ => 0),
        };
        return [.. ordered.ThenBy(r => r.Service.Name(query.English), names).ThenBy(r => r.Service.Key, StringComparer.Ordinal)];
    }

    private async Task<Service?> ServiceAsync(System.Linq.Expressions.Expression<Func<Service, bool>> predicate, CancellationToken cancellationToken) =>
        await db.Services.AsNoTracking().Include(s => s.Partners).Include(s => s.OwnerOrganization)
            .FirstOrDefaultAsync(predicate, cancellationToken);

    /// <summary>The results by principle and theme in catalogue order; results of checkpoints the version lacks come last.</summary>
    private static List<ReportSection> Sections(CatalogDocument document, IEnumerable<CheckpointResult> results)
    {
        var position = document.Checkpoints.Select((c, i) => (c.Id, i))
            .ToDictionary(x => x.Id, x => x.i, StringComparer.OrdinalIgnoreCase);
        var items = results.Select(r => new ReportItem(r, document.FindCheckpoint(r.CheckpointId)))
            .OrderBy(i => i.Checkpoint is null ? int.MaxValue : CatalogOrdering.GroupOf(document, i.Checkpoint))
            .ThenBy(i => position.GetValueOrDefault(i.Result.CheckpointId, int.MaxValue))
            .ThenBy(i => i.Result.CheckpointId, StringComparer.Ordinal)
            .ToList();
        return
        [
            .. items.GroupBy(i => i.Checkpoint is null ? "?" : GroupSummary.KeyOf(i.Checkpoint), StringComparer.Ordinal).Select(g =>
            {
                var first = g.First().Checkpoint;
                var principle = first?.Principle is { } n ? document.FindPrinciple(n) : null;
                var theme = first is not null && first.Principle is null ? document.FindTheme(first.Theme ?? "") : null;
                var summary = AssessmentSummaries.Summarise(g.Key, principle?.Number, theme?.Key.ToUpperInvariant(), g.Select(i => i.Result));
                return new ReportSection(summary, principle, theme, [.. g]);
            }),
        ];
    }
}
