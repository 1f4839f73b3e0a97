using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quartz;
using Shishin.Core.Data;

namespace Shishin.Core.Jobs;

/// <summary>
/// Removes invitation tokens that expired unused, so the table holds only links that can still work.
/// The invited account stays (an admin can invite again); each removal is audited like any change.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PurgeExpiredInvitationsJob(ShishinDbContext db, TimeProvider clock, ILogger<PurgeExpiredInvitationsJob> logger) : IJob
{
    public static readonly JobKey Key = new("purge-expired-invitations", "maintenance");
    public static readonly TriggerKey NightlyTrigger = new("purge-expired-invitations-nightly", "maintenance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var removed = await PurgeAsync(cancellationToken);
        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} expired invitation(s)", removed);
        }
    }

    public async Task<int> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = await db.Invitations.Where(i => i.AcceptedAt == null && i.ExpiresAt < now).ToListAsync(cancellationToken);
        db.Invitations.RemoveRange(expired);
        await db.SaveChangesAsync(cancellationToken);
        return expired.Count;
    }
}
