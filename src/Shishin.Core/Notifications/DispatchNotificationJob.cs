using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quartz;
using Shishin.Core.Data;
using Shishin.Core.Email;
using Shishin.Core.Services;

namespace Shishin.Core.Notifications;

/// <summary>
/// Delivers one stored event: an e-mail to each immediate subscriber who may still see the service (retried by
/// <see cref="EmailDeliveryJob"/> when the SMTP server does not take it), a place in the next digest for each digest
/// subscriber, and a <see cref="WebhookDeliveryJob"/> for each enabled webhook. Run again after a crash, it skips the
/// recipients that already have a delivery.
/// </summary>
public sealed partial class DispatchNotificationJob(
    ShishinDbContext db, ServiceAccess access, NotificationMail mail, EmailDeliveryJob email, ISchedulerFactory schedulers, TimeProvider clock,
    ILogger<DispatchNotificationJob> logger) : IJob
{
    public const string EventIdKey = "eventId";

    public static JobKey KeyFor(Guid eventId) => new($"notify-{eventId:N}", "notifications");

    public static IJobDetail Job(Guid eventId) => JobBuilder.Create<DispatchNotificationJob>()
        .WithIdentity(KeyFor(eventId))
        .UsingJobData(EventIdKey, eventId.ToString())
        .RequestRecovery()
        .Build();

    public static ITrigger Now(Guid eventId) => TriggerBuilder.Create()
        .WithIdentity($"notify-{eventId:N}-now", "notifications")
        .ForJob(KeyFor(eventId))
        .StartNow()
        .Build();

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Guid.TryParse(context.MergedJobDataMap.GetString(EventIdKey), out var eventId))
        {
            await DispatchAsync(eventId, cancellationToken);
        }
    }

    public async Task DispatchAsync(Guid eventId, CancellationToken cancellationToken = default)
    {
        var record = await db.NotificationEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        var service = record is null ? null : await db.Services.AsNoTracking().Include(s => s.Partners).FirstOrDefaultAsync(s => s.Id == record.ServiceId, cancellationToken);
        if (record is null || service is null)
        {
            return;
        }

        var done = await db.NotificationDeliveries.AsNoTracking().Where(d => d.EventId == eventId)
            .Select(d => new { d.UserId, d.WebhookId }).ToListAsync(cancellationToken);
        var doneUsers = done.Where(d => d.UserId is not null).Select(d => d.UserId!.Value).ToHashSet();
        var doneHooks = done.Where(d => d.WebhookId is not null).Select(d => d.WebhookId!.Value).ToHashSet();
        var bit = NotificationKinds.Bit(record.Kind);
        var now = clock.GetUtcNow().UtcDateTime;

        var subscribers = await db.NotificationSubscriptions.AsNoTracking()
            .Where(s => s.ServiceId == record.ServiceId && (s.Kinds & bit) != 0 && s.User!.IsActive && s.User.Email != null)
            .Select(s => new { s.UserId, s.Mode, s.Language, s.User!.Email })
            .ToListAsync(cancellationToken);
        foreach (var subscriber in subscribers.Where(s => !doneUsers.Contains(s.UserId)))
        {
            // Rights are read now, not when the person subscribed: someone who left the organisation hears nothing more.
            if (!(await access.ScopeOfUserAsync(subscriber.UserId, cancellationToken)).CanSee(service))
            {
                continue;
            }

            var delivery = new NotificationDelivery
            {
                EventId = record.Id, ServiceId = record.ServiceId, Channel = NotificationChannel.Email, UserId = subscriber.UserId,
                Language = subscriber.Language, CreatedAt = now,
                Status = !mail.Configured ? NotificationDeliveryStatus.EmailOff
                    : subscriber.Mode == NotificationMode.DailyDigest ? NotificationDeliveryStatus.AwaitingDigest : NotificationDeliveryStatus.Pending,
            };
            db.NotificationDeliveries.Add(delivery);
            // Saved one by one, so that a crash in the middle does not send the same e-mail twice on the rerun.
            if (delivery.Status == NotificationDeliveryStatus.Pending)
            {
                await email.AttemptAsync(delivery, record, service, subscriber.Email!, cancellationToken);
            }
            else
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }

        var hooks = await db.NotificationWebhooks.AsNoTracking()
            .Where(w => w.ServiceId == record.ServiceId && w.Enabled && (w.Kinds & bit) != 0).ToListAsync(cancellationToken);
        foreach (var hook in hooks.Where(h => !doneHooks.Contains(h.Id)))
        {
            var delivery = new NotificationDelivery
            {
                EventId = record.Id, ServiceId = record.ServiceId, Channel = NotificationChannel.Webhook, WebhookId = hook.Id,
                CreatedAt = now, Status = NotificationDeliveryStatus.Pending, NextAttemptAt = now,
                Payload = WebhookPayloads.For(record, service, mail.Link(record.Path)),
            };
            db.NotificationDeliveries.Add(delivery);
            await db.SaveChangesAsync(CancellationToken.None);
            await DeliveryAttempt.ScheduleAsync<WebhookDeliveryJob>(schedulers, "webhook", delivery.Id, 1, clock.GetUtcNow());
        }

        LogDispatched(logger, record.Id, record.Kind, subscribers.Count, hooks.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId} ({Kind}): {Subscribers} subscriber(s) considered, {Webhooks} webhook(s) queued")]
    private static partial void LogDispatched(ILogger logger, Guid eventId, NotificationKind kind, int subscribers, int webhooks);
}
