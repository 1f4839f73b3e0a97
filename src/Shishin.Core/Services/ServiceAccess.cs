using Microsoft.EntityFrameworkCore;
using Shishin.Core.Data;
using Shishin.Core.Organizations;

namespace Shishin.Core.Services;

/// <summary>
/// Resolves a viewer's <see cref="ServiceScope"/> from their memberships, read from the database on each request so that
/// a membership change takes effect at once. A ServiceOwner's memberships extend to the sub-organisations.
/// </summary>
public sealed class ServiceAccess(ShishinDbContext db)
{
    /// <summary>
    /// The scope of a user who is not the one signed in (a background job writing to a subscriber): their roles are read
    /// from the database now, not from a sign-in's claims.
    /// </summary>
    public async Task<ServiceScope> ScopeOfUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var roles = await db.UserRoles.AsNoTracking().Where(r => r.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(cancellationToken);
        return await ScopeAsync(new Viewer(userId, roles.ToHashSet(StringComparer.Ordinal)), cancellationToken);
    }

    public async Task<ServiceScope> ScopeAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.UserId is not { } userId || !(viewer.IsServiceOwner || viewer.IsPartner))
        {
            return new ServiceScope(viewer, new HashSet<Guid>(), new HashSet<Guid>());
        }

        var memberships = await db.UserOrganizations.AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => m.OrganizationId).ToListAsync(cancellationToken);
        var owned = new HashSet<Guid>();
        var partners = new HashSet<Guid>();
        if (memberships.Count > 0)
        {
            var organizations = await db.Organizations.AsNoTracking()
                .Select(o => new { o.Id, o.ParentId, o.Kind }).ToListAsync(cancellationToken);
            var children = organizations.Where(o => o.ParentId is not null).ToLookup(o => o.ParentId!.Value, o => o.Id);
            foreach (var id in memberships)
            {
                var kind = organizations.FirstOrDefault(o => o.Id == id)?.Kind;
                if (viewer.IsPartner && kind == OrganizationKind.Partner)
                {
                    partners.Add(id);
                }

                if (viewer.IsServiceOwner && kind is not OrganizationKind.Partner)
                {
                    AddWithDescendants(id, children, owned);
                }
            }
        }

        return new ServiceScope(viewer, owned, partners);
    }

    private static void AddWithDescendants(Guid id, ILookup<Guid, Guid> children, HashSet<Guid> into)
    {
        // The tree is small (about a hundred organisations); the visited check guards against a cycle in bad data.
        var pending = new Stack<Guid>([id]);
        while (pending.TryPop(out var next))
        {
            if (into.Add(next))
            {
                foreach (var child in children[next])
                {
                    pending.Push(child);
                }
            }
        }
    }
}
