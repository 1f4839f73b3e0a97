using Microsoft.EntityFrameworkCore;
using Shishin.Core.Data;
using Shishin.Core.Services;

namespace Shishin.Core.Assessments;

/// <summary>
/// Action items: lists per organisation (with its sub-organisations) and for the whole portfolio, and changes of status,
/// owner and due date. The team (those who may self-assess the service), reviewers and the item's owner read items; only
/// those who may edit the service (its owning organisation's service owners, admins) change them — reviewers read.
/// </summary>
public sealed class ActionItemService(ShishinDbContext db, TimeProvider clock)
{
    public const int ReasonMaxLength = 2000;

    /// <summary>The items the viewer may read, most overdue first (by due date), then by title.</summary>
    public async Task<IReadOnlyList<ActionItemRow>> ListAsync(ServiceScope scope, ActionItemQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var items = Readable(scope);
        if (query.OrganizationId is { } organizationId)
        {
            var tree = (await OrganizationTree.SubTreeAsync(db, organizationId, cancellationToken)).ToList();
            var inTree = db.Services.Where(s => tree.Contains(s.OwnerOrganizationId)).Select(s => s.Id);
            items = items.Where(i => inTree.Contains(i.ServiceId));
        }

        if (query.Status is { } status)
        {
            items = items.Where(i => i.Status == status);
        }

        if (query.OverdueOnly)
        {
            items = items.Where(i => i.IsOverdue);
        }

        if (query.ServiceId is { } serviceId)
        {
            items = items.Where(i => i.ServiceId == serviceId);
        }

        var list = await items.OrderBy(i => i.DueOn).ThenBy(i => i.Title).ToListAsync(cancellationToken);
        return await RowsAsync(list, cancellationToken);
    }

    /// <summary>Overdue items per organisation that owns the services, over everything the viewer may read.</summary>
    public async Task<IReadOnlyList<OverdueCount>> OverdueByOrganizationAsync(ServiceScope scope, CancellationToken cancellationToken = default)
    {
        var counts = await Readable(scope).Where(i => i.IsOverdue)
            .Join(db.Services, i => i.ServiceId, s => s.Id, (i, s) => s.OwnerOrganizationId)
            .GroupBy(o => o).Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var totals = counts.ToDictionary(c => c.Key, c => c.Count);
        var ids = totals.Keys.ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(cancellationToken);
        return
        [
            .. Organizations.OrganizationService.InPublishedOrder(organizations).Select(o => new OverdueCount(o, totals[o.Id])),
        ];
    }

    /// <summary>One item, or null when it does not exist or the viewer may not read it.</summary>
    public async Task<ActionItemDetail?> FindAsync(ServiceScope scope, Guid id, CancellationToken cancellationToken = default)
    {
        var item = await Readable(scope).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return null;
        }

        var row = (await RowsAsync([item], cancellationToken))[0];
        var canEdit = scope.CanEdit(row.Service);
        var owners = canEdit ? await OwnerCandidatesAsync(row.Service, item.OwnerId, cancellationToken) : [];
        return new ActionItemDetail(item, row.Service, row.OwnerName, canEdit, owners);
    }

    /// <summary>
    /// Changes status, owner and due date. Won't do needs a reason; the owner must be one of the candidates; a stale
    /// revision changes nothing and reports the item as it is now. Closing stamps the time and clears the overdue flag;
    /// the flag follows the due date at once (the nightly job keeps it right as days pass).
    /// </summary>
    public async Task<ActionItemUpdateResult> UpdateAsync(ServiceScope scope, Guid id, ActionItemUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(update);
        var visible = await Readable(scope).AnyAsync(i => i.Id == id, cancellationToken);
        var item = visible ? await db.ActionItems.FirstOrDefaultAsync(i => i.Id == id, cancellationToken) : null;
        if (item is null)
        {
            return ActionItemUpdateResult.Of(ActionItemUpdateOutcome.NotFound);
        }

        var service = await db.Services.AsNoTracking().Include(s => s.Partners).FirstAsync(s => s.Id == item.ServiceId, cancellationToken);
        if (!scope.CanEdit(service))
        {
            return ActionItemUpdateResult.Of(ActionItemUpdateOutcome.Forbidden);
        }

        var reason = (update.WontDoReason ?? "").Trim();
        var issues = new List<ActionItemIssue>();
        if (!Enum.IsDefined(update.Status))
        {
            issues.Add(new("Status", "Choose a status from the list."));
        }

        if (update.Status == ActionItemStatus.WontDo && reason.Length == 0)
        {
            issues.Add(new("WontDoReason", "Say why this will not be done."));
        }

        if (reason.Length > ReasonMaxLength)
        {
            issues.Add(new("WontDoReason", "The reason is too long."));
        }

        if (update.OwnerId is { } ownerId && (await OwnerCandidatesAsync(service, item.OwnerId, cancellationToken)).All(o => o.Id != ownerId))
        {
            issues.Add(new("OwnerId", "Choose an owner from the list."));
        }

        if (issues.Count > 0)
        {
            return new ActionItemUpdateResult(ActionItemUpdateOutcome.Invalid, issues, null, []);
        }

        if (item.Revision != update.Revision)
        {
            return Conflict(item, update, reason);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var wasClosed = item.IsClosed;
        item.Status = update.Status;
        item.OwnerId = update.OwnerId;
        item.DueOn = update.DueOn;
        item.WontDoReason = update.Status == ActionItemStatus.WontDo ? reason : "";
        item.ClosedAt = item.IsClosed ? (wasClosed ? item.ClosedAt ?? now : now) : null;
        item.IsOverdue = ActionItemDates.IsOverdue(item, JapanTime.Today(clock));
        item.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save won between our read and write: report the item as that save left it.
            db.ChangeTracker.Clear();
            var current = await db.ActionItems.AsNoTracking().FirstAsync(i => i.Id == id, cancellationToken);
            return Conflict(current, update, reason);
        }

        return new ActionItemUpdateResult(ActionItemUpdateOutcome.Saved, [], item, []);
    }

    private static ActionItemUpdateResult Conflict(ActionItem current, ActionItemUpdate update, string reason)
    {
        var changed = new List<string>();
        if (current.Status != update.Status)
        {
            changed.Add("Status");
        }

        if (current.OwnerId != update.OwnerId)
        {
            changed.Add("OwnerId");
        }

        if (current.DueOn != update.DueOn)
        {
            changed.Add("DueOn");
        }

        if (!string.Equals(current.WontDoReason, update.Status == ActionItemStatus.WontDo ? reason : "", StringComparison.Ordinal))
        {
            changed.Add("WontDoReason");
        }

        return new ActionItemUpdateResult(ActionItemUpdateOutcome.Conflict, [], current, changed);
    }

    /// <summary>
    /// Who may own an item: the members of the service's organisation and of the organisations above it, and of its
    /// partner companies (the people who do the work), active accounts only; the current owner stays a choice.
    /// </summary>
    public async Task<IReadOnlyList<OwnerCandidate>> OwnerCandidatesAsync(Service service, Guid? currentOwner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        var organizations = await OrganizationTree.WithAncestorsAsync(db, service.OwnerOrganizationId, cancellationToken);
        organizations.UnionWith(service.Partners.Select(p => p.OrganizationId));
        var ids = organizations.ToList();
        var members = db.UserOrganizations.Where(m => ids.Contains(m.OrganizationId)).Select(m => m.UserId);
        var users = await db.Users.AsNoTracking()
            .Where(u => (u.IsActive && members.Contains(u.Id)) || u.Id == currentOwner)
            .Select(u => new OwnerCandidate(u.Id, u.DisplayName))
            .ToListAsync(cancellationToken);
        return [.. users.OrderBy(u => u.Name, StringComparer.Ordinal).ThenBy(u => u.Id)];
    }

    /// <summary>
    /// The items whose service the viewer works on: everything for admins and reviewers; for others the services of
    /// their organisations and assigned partner companies, and items they own.
    /// </summary>
    private IQueryable<ActionItem> Readable(ServiceScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var items = db.ActionItems.AsNoTracking();
        if (scope.SeesEveryService)
        {
            return items;
        }

        var owned = scope.OwnedOrganizationIds.ToList();
        var partners = scope.PartnerOrganizationIds.ToList();
        var userId = scope.Viewer.UserId;
        var services = db.Services.Where(s => owned.Contains(s.OwnerOrganizationId) || s.Partners.Any(p => partners.Contains(p.OrganizationId))).Select(s => s.Id);
        return items.Where(i => services.Contains(i.ServiceId) || (userId != null && i.OwnerId == userId));
    }

    private async Task<List<ActionItemRow>> RowsAsync(List<ActionItem> items, CancellationToken cancellationToken)
    {
        var serviceIds = items.Select(i => i.ServiceId).Distinct().ToList();
        var services = await db.Services.AsNoTracking().Include(s => s.Partners).Include(s => s.OwnerOrganization)
            .Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var ownerIds = items.Where(i => i.OwnerId is not null).Select(i => i.OwnerId!.Value).Distinct().ToList();
        var owners = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return [.. items.Select(i => new ActionItemRow(i, services[i.ServiceId], i.OwnerId is { } o ? owners.GetValueOrDefault(o) : null))];
    }
}
