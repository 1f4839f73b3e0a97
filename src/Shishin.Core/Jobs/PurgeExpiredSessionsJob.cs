using Microsoft.Extensions.Logging;
using Quartz;
using Shishin.Core.Identity;

namespace Shishin.Core.Jobs;

/// <summary>Removes server-side sessions past their expiry; a session row is worthless once its cookie has expired.</summary>
[DisallowConcurrentExecution]
public sealed class PurgeExpiredSessionsJob(UserSessionStore sessions, ILogger<PurgeExpiredSessionsJob> logger) : IJob
{
    public static readonly JobKey Key = new("purge-expired-sessions", "maintenance");
    public static readonly TriggerKey NightlyTrigger = new("purge-expired-sessions-nightly", "maintenance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var removed = await sessions.PurgeExpiredAsync(cancellationToken);
        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} expired session(s)", removed);
        }
    }
}
