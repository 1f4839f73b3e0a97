using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using Shishin.Core.Data;

namespace Shishin.Core.Notifications;

/// <summary>
/// Where scans, uptime and action items report events. Publishing only stores the event and hands it to a Quartz job
/// (<see cref="DispatchNotificationJob"/>) that finds the subscribers and webhooks and delivers; so the caller waits
/// for one insert, and nothing that goes wrong here ever fails the caller's work: it is logged instead.
/// </summary>
public sealed partial class Notifier(IServiceScopeFactory scopes, ISchedulerFactory schedulers, TimeProvider clock, ILogger<Notifier> logger)
{
    public async Task PublishAsync(NotificationEvent notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        try
        {
            // A scope of its own: the caller's context may hold unsaved changes that are not ours to save.
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            var bit = NotificationKinds.Bit(notification.Kind);
            var wanted = await db.NotificationSubscriptions.AnyAsync(s => s.ServiceId == notification.ServiceId && (s.Kinds & bit) != 0, cancellationToken)
                || await db.NotificationWebhooks.AnyAsync(w => w.ServiceId == notification.ServiceId && w.Enabled && (w.Kinds & bit) != 0, cancellationToken);
            if (!wanted)
            {
                LogNobody(logger, notification.Kind, notification.ServiceId);
                return;
            }

            var record = new NotificationEventRecord
            {
                Kind = notification.Kind,
                ServiceId = notification.ServiceId,
                OccurredAt = notification.OccurredAt.Kind == DateTimeKind.Utc ? notification.OccurredAt : notification.OccurredAt.ToUniversalTime(),
                FactsJson = JsonSerializer.Serialize(notification.Facts),
                Path = notification.Path,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.NotificationEvents.Add(record);
            // Once the caller's work is done, the event is stored even if the caller is being stopped.
            await db.SaveChangesAsync(CancellationToken.None);
            var scheduler = await schedulers.GetScheduler(CancellationToken.None);
            await scheduler.ScheduleJob(DispatchNotificationJob.Job(record.Id), DispatchNotificationJob.Now(record.Id), cancellationToken: CancellationToken.None);
            LogPublished(logger, notification.Kind, notification.ServiceId, record.Id);
        }
#pragma warning disable CA1031 // Publishing must never fail the scan, probe or job that reports the event.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(logger, e, notification.Kind, notification.ServiceId);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Kind} for service {ServiceId}: nobody subscribed")]
    private static partial void LogNobody(ILogger logger, NotificationKind kind, Guid serviceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} for service {ServiceId} stored as event {EventId} and queued for delivery")]
    private static partial void LogPublished(ILogger logger, NotificationKind kind, Guid serviceId, Guid eventId);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Kind} for service {ServiceId} could not be queued for delivery")]
    private static partial void LogFailed(ILogger logger, Exception exception, NotificationKind kind, Guid serviceId);
}
