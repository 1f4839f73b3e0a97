using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shishin.Core.Assessments;
using Shishin.Core.Data;
using Shishin.Core.Organizations;

namespace Shishin.Core.Services;

/// <summary>
/// The read side of the register: the list with its filters, words, sort and pages, and one service with what its page
/// shows. Everything goes through the viewer's <see cref="ServiceScope"/>, so an internal service that a viewer may not
/// see is never listed, counted or found.
/// </summary>
public sealed class ServiceDirectory(ShishinDbContext db)
{
    private const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreWidth | CompareOptions.IgnoreKanaType;

    private static readonly StringComparer JapaneseNames =
        StringComparer.Create(CultureInfo.GetCultureInfo("ja-JP"), CompareOptions.IgnoreWidth | CompareOptions.IgnoreKanaType);

    private static readonly StringComparer EnglishNames = StringComparer.Create(CultureInfo.GetCultureInfo("en-US"), CompareOptions.IgnoreCase);

    /// <summary>
    /// One page of the services the scope may see that match the query. Visibility and the plain filters run in the
    /// database; the words, the ratings and the sort run in memory, because the loose match (case, width, kana type)
    /// has no portable SQL form and the register holds thousands of services at most.
    /// </summary>
    public async Task<ServicePage> ListAsync(ServiceQuery query, ServiceScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scope);
        var pageSize = Math.Clamp(query.PageSize, 1, ServiceQuery.MaxPageSize);
        var page = Math.Max(1, query.Page);

        var services = scope.Visible(db.Services.AsNoTracking()).Include(s => s.OwnerOrganization).AsQueryable();
        if (query.OrganizationId is { } organizationId)
        {
            var subTree = (await SubTreeAsync(organizationId, cancellationToken)).ToList();
            services = services.Where(s => subTree.Contains(s.OwnerOrganizationId));
        }

        if (query.Phase is { } phase)
        {
            services = services.Where(s => s.Phase == phase);
        }

        if (query.Channel is { } channel)
        {
            services = services.Where(s => s.Channel == channel);
        }

        if (query.IsPublic is { } isPublic)
        {
            services = services.Where(s => s.IsPublic == isPublic);
        }

        var candidates = await services.ToListAsync(cancellationToken);
        var overdue = (await db.ActionItems.AsNoTracking()
            .Where(a => a.IsOverdue && a.Status != ActionItemStatus.Done && a.Status != ActionItemStatus.WontDo)
            .Select(a => a.ServiceId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var ratings = await LatestRatingsAsync(cancellationToken);

        var text = query.Text?.Trim() ?? "";
        var rows = candidates
            .Where(s => text.Length == 0 || Matches(s, text))
            .Select(s => new ServiceListItem(s, ratings.GetValueOrDefault(s.Id), overdue.Contains(s.Id)))
            .Where(r => query.HasOverdueActions is not { } wanted || r.HasOverdueActions == wanted)
            .Where(r => query.LatestRag is not { } rag || r.LatestRag == rag)
            .ToList();

        var sorted = Sort(rows, query);
        return new ServicePage([.. sorted.Skip((page - 1) * pageSize).Take(pageSize)], page, pageSize, rows.Count);
    }

    /// <summary>
    /// The service with its owner, partners (with their organisations), phase history and KPIs; null when no service has
    /// the key or when the scope may not see it, so that an internal service's existence does not leak.
    /// </summary>
    public async Task<Service?> FindAsync(string key, ServiceScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!ServiceRules.IsValidKey(key))
        {
            return null;
        }

        var service = await db.Services.AsNoTracking().AsSplitQuery()
            .Include(s => s.OwnerOrganization)
            .Include(s => s.Partners).ThenInclude(p => p.Organization)
            .Include(s => s.PhaseChanges)
            .Include(s => s.Kpis)
            .FirstOrDefaultAsync(s => s.Key == key, cancellationToken);
        return service is not null && scope.CanSee(service) ? service : null;
    }

    /// <summary>
    /// The same services (in the same order) with partners, phase changes and KPIs loaded as well, for answers that show
    /// each service in full (the API's list). Call it with a page, not the whole register.
    /// </summary>
    public async Task<List<Service>> WithDetailsAsync(IReadOnlyList<Service> services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var ids = services.Select(s => s.Id).ToList();
        var loaded = await db.Services.AsNoTracking().AsSplitQuery()
            .Include(s => s.OwnerOrganization)
            .Include(s => s.Partners).ThenInclude(p => p.Organization)
            .Include(s => s.PhaseChanges)
            .Include(s => s.Kpis)
            .Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        return [.. ids.Where(loaded.ContainsKey).Select(id => loaded[id])];
    }

    /// <summary>The newest revision of the service's canvas, or null before the first save.</summary>
    public Task<ServiceCanvasRevision?> LatestCanvasAsync(Guid serviceId, CancellationToken cancellationToken = default) =>
        db.ServiceCanvasRevisions.AsNoTracking().Where(r => r.ServiceId == serviceId)
            .OrderByDescending(r => r.Number).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The service's assessments, newest first. Published ones for everyone who may see the service; those still in
    /// progress only for those who work on them (the team, an assigned partner, reviewers).
    /// </summary>
    public async Task<List<ServiceAssessmentSummary>> AssessmentsAsync(Service service, ServiceScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(scope);
        var unpublished = scope.CanSelfAssess(service) || scope.CanReview;
        var assessments = await db.Assessments.AsNoTracking()
            .Where(a => a.ServiceId == service.Id && (unpublished || a.Status == AssessmentStatus.Published))
            .Select(a => new ServiceAssessmentSummary(a.Id, a.Phase, a.CatalogVersion!.Version, a.Status, a.Rag, a.CreatedAt, a.PublishedAt, a.ReassessmentOfId))
            .ToListAsync(cancellationToken);
        return [.. assessments.OrderByDescending(a => a.PublishedAt ?? a.CreatedAt).ThenByDescending(a => a.CreatedAt)];
    }

    /// <summary>The action items not yet done or dropped, overdue first, then by due date.</summary>
    public async Task<List<ActionItem>> OpenActionsAsync(Guid serviceId, CancellationToken cancellationToken = default)
    {
        var open = await db.ActionItems.AsNoTracking()
            .Where(a => a.ServiceId == serviceId && a.Status != ActionItemStatus.Done && a.Status != ActionItemStatus.WontDo)
            .ToListAsync(cancellationToken);
        return [.. open.OrderByDescending(a => a.IsOverdue).ThenBy(a => a.DueOn).ThenBy(a => a.Title, StringComparer.Ordinal)];
    }

    /// <summary>Whether the words occur in either name, either description or the key, ignoring case, width and kana type.</summary>
    public static bool Matches(Service service, string text)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // Every word must occur somewhere, so "保育 申請" narrows the list as people expect of a search box.
        return words.All(w => Contains(service.NameJa, w) || Contains(service.NameEn, w) || Contains(service.DescriptionJa, w)
            || Contains(service.DescriptionEn, w) || Contains(service.Key, w));
    }

    private static bool Contains(string value, string word) => CultureInfo.InvariantCulture.CompareInfo.IndexOf(value, word, Loose) >= 0;

    private async Task<HashSet<Guid>> SubTreeAsync(Guid root, CancellationToken cancellationToken)
    {
        var children = (await db.Organizations.AsNoTracking().Where(o => o.ParentId != null)
            .Select(o => new { o.Id, Parent = o.ParentId!.Value }).ToListAsync(cancellationToken)).ToLookup(o => o.Parent, o => o.Id);
        var found = new HashSet<Guid>();
        var pending = new Stack<Guid>([root]);
        while (pending.TryPop(out var next))
        {
            // The visited check guards against a cycle in bad data.
            if (found.Add(next))
            {
                foreach (var child in children[next])
                {
                    pending.Push(child);
                }
            }
        }

        return found;
    }

    /// <summary>The rating of each service's latest published assessment (by publication time).</summary>
    private async Task<Dictionary<Guid, Rag?>> LatestRatingsAsync(CancellationToken cancellationToken)
    {
        var published = await db.Assessments.AsNoTracking().Where(a => a.Status == AssessmentStatus.Published)
            .Select(a => new { a.ServiceId, a.Rag, a.PublishedAt, a.CreatedAt }).ToListAsync(cancellationToken);
        return published.GroupBy(a => a.ServiceId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.CreatedAt).First().Rag);
    }

    private static List<ServiceListItem> Sort(List<ServiceListItem> rows, ServiceQuery query)
    {
        var names = query.English ? EnglishNames : JapaneseNames;
        Func<ServiceListItem, string> name = r => r.Service.Name(query.English);
        IOrderedEnumerable<ServiceListItem> ordered = query.Sort switch
        {
            ServiceSort.Organization => By(rows, r => OrganizationOrder(r.Service.OwnerOrganization), Comparer<(int, int, string, string)>.Default, query.Descending)
                .ThenBy(name, names),
            ServiceSort.Phase => By(rows, r => r.Service.Phase, Comparer<ServicePhase>.Default, query.Descending).ThenBy(name, names),
            ServiceSort.Updated => By(rows, r => r.Service.UpdatedAt, Comparer<DateTime>.Default, query.Descending).ThenBy(name, names),
            _ => By(rows, name, names, query.Descending),
        };
        // The key is unique: equal names still come in the same order on every page.
        return [.. ordered.ThenBy(r => r.Service.Key, StringComparer.Ordinal)];
    }

    private static IOrderedEnumerable<ServiceListItem> By<T>(IEnumerable<ServiceListItem> rows, Func<ServiceListItem, T> key, IComparer<T> comparer, bool descending) =>
        descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);

    /// <summary>Tokyo's published order (OrganizationService.InPublishedOrder) as a sortable key.</summary>
    private static (int, int, string, string) OrganizationOrder(Organization? organization) =>
        organization is null ? (int.MaxValue, 0, "", "") : ((int)organization.Kind, organization.SortOrder, organization.LocalGovernmentCode ?? "", organization.Key);
}
