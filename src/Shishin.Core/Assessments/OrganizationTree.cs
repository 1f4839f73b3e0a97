using Microsoft.EntityFrameworkCore;
using Shishin.Core.Data;

namespace Shishin.Core.Assessments;

/// <summary>An organisation with everything below it, and the chain above it, for filters and owner lists.</summary>
internal static class OrganizationTree
{
    public static async Task<HashSet<Guid>> SubTreeAsync(ShishinDbContext db, Guid root, CancellationToken cancellationToken)
    {
        // About a hundred organisations: read the parent links once and walk them here; the visited set stops a cycle in bad data.
        var links = await db.Organizations.AsNoTracking().Select(o => new { o.Id, o.ParentId }).ToListAsync(cancellationToken);
        var children = links.Where(o => o.ParentId is not null).ToLookup(o => o.ParentId!.Value, o => o.Id);
        var found = new HashSet<Guid>();
        var pending = new Stack<Guid>([root]);
        while (pending.TryPop(out var next))
        {
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

    public static async Task<HashSet<Guid>> WithAncestorsAsync(ShishinDbContext db, Guid start, CancellationToken cancellationToken)
    {
        var parents = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.ParentId, cancellationToken);
        var found = new HashSet<Guid>();
        for (Guid? current = start; current is { } id && found.Add(id); current = parents.GetValueOrDefault(id))
        {
        }

        return found;
    }
}
