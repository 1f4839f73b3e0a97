using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using Shishin.Core.Data;

namespace Shishin.Core.Notifications;

/// <summary>
/// One attempt of one webhook delivery. A failure (no answer, or not 2xx) schedules the next attempt as a one-off
/// Quartz trigger after an exponentially growing wait (<c>Notifications:Webhooks:RetryDelay</c>, doubled each time),
/// until <c>MaxAttempts</c>; then the delivery is marked failed. Every attempt is written to the delivery row.
/// </summary>
public sealed partial class WebhookDeliveryJob(
    ShishinDbContext db, WebhookSender sender, WebhookSecrets secrets, IOptions<NotificationOptions> options, ISchedulerFactory schedulers,
    TimeProvider clock, ILogger<WebhookDeliveryJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (DeliveryAttempt.DeliveryId(context) is { } deliveryId)
        {
            await AttemptAsync(deliveryId, cancellationToken);
        }
    }

    public async Task AttemptAsync(Guid deliveryId, CancellationToken cancellationToken = default)
    {
        var delivery = await db.NotificationDeliveries.Include(d => d.Event).FirstOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        if (delivery is not { Status: NotificationDeliveryStatus.Pending, WebhookId: { } webhookId, Payload: { } payload, Event: { } record })
        {
            return;
        }

        var hook = await db.NotificationWebhooks.AsNoTracking().FirstOrDefaultAsync(w => w.Id == webhookId, cancellationToken);
        if (hook is null || !hook.Enabled)
        {
            delivery.Status = NotificationDeliveryStatus.Failed;
            delivery.LastError = hook is null ? "The webhook was deleted." : "The webhook was switched off.";
            delivery.NextAttemptAt = null;
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }

        string secret;
        try
        {
            secret = secrets.Unprotect(hook.ProtectedSecret);
        }
        catch (CryptographicException)
        {
            delivery.Status = NotificationDeliveryStatus.Failed;
            delivery.LastError = "The webhook's secret cannot be read (the Data Protection keys changed); create the webhook again.";
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }

        var now = clock.GetUtcNow();
        var result = await sender.PostAsync(hook.Url, secret, payload, record.Kind.ToString(), delivery.Id, now, cancellationToken);
        delivery.Attempts++;
        delivery.LastAttemptAt = now.UtcDateTime;
        delivery.ResponseStatus = result.Status;
        delivery.LastError = result.Error;
        var settings = options.Value.Webhooks;
        if (result.Succeeded)
        {
            delivery.Status = NotificationDeliveryStatus.Sent;
            delivery.NextAttemptAt = null;
        }
        else if (delivery.Attempts >= settings.MaxAttempts)
        {
            delivery.Status = NotificationDeliveryStatus.Failed;
            delivery.NextAttemptAt = null;
            LogGaveUp(logger, delivery.Id, hook.Id, delivery.Attempts);
        }
        else
        {
            var next = delivery.Attempts + 1;
            var when = clock.GetUtcNow() + NotificationOptions.DelayBefore(next, settings.RetryDelay);
            delivery.NextAttemptAt = when.UtcDateTime;
            await db.SaveChangesAsync(CancellationToken.None);
            await DeliveryAttempt.ScheduleAsync<WebhookDeliveryJob>(schedulers, "webhook", delivery.Id, next, when);
            LogRetry(logger, delivery.Id, hook.Id, delivery.Attempts, when);
            return;
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} to webhook {WebhookId} failed (attempt {Attempt}); next attempt at {When}")]
    private static partial void LogRetry(ILogger logger, Guid deliveryId, Guid webhookId, int attempt, DateTimeOffset when);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {DeliveryId} to webhook {WebhookId} given up after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, Guid deliveryId, Guid webhookId, int attempts);
}
