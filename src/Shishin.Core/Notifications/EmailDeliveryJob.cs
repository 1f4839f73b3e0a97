using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using Shishin.Core.Data;
using Shishin.Core.Email;
using Shishin.Core.Services;

namespace Shishin.Core.Notifications;

/// <summary>
/// One attempt of one notification e-mail. The dispatch makes the first attempt at once; when the SMTP server does not
/// take it (down, refusing, timing out), the next attempt is a one-off Quartz trigger after an exponentially growing
/// wait (<c>Notifications:Email:RetryDelay</c>, doubled each time), until <c>MaxAttempts</c>; then the delivery is
/// marked failed. A retry reads the recipient's rights and address again, so someone who lost access in the meantime
/// is not written to.
/// </summary>
public sealed partial class EmailDeliveryJob(
    ShishinDbContext db, ServiceAccess access, NotificationMail mail, IOptions<NotificationOptions> options, ISchedulerFactory schedulers,
    TimeProvider clock, ILogger<EmailDeliveryJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (DeliveryAttempt.DeliveryId(context) is { } deliveryId)
        {
            await RetryAsync(deliveryId, cancellationToken);
        }
    }

    /// <summary>A later attempt of a delivery still pending; anything else (sent, given up, deleted) is left alone.</summary>
    public async Task RetryAsync(Guid deliveryId, CancellationToken cancellationToken = default)
    {
        var delivery = await db.NotificationDeliveries.Include(d => d.Event).FirstOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        if (delivery is not { Status: NotificationDeliveryStatus.Pending, Channel: NotificationChannel.Email, UserId: { } userId, Event: { } record })
        {
            return;
        }

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        var service = await db.Services.AsNoTracking().Include(s => s.Partners).FirstOrDefaultAsync(s => s.Id == delivery.ServiceId, cancellationToken);
        string? refused = null;
        if (user is not { IsActive: true, Email: { Length: > 0 } } || service is null)
        {
            refused = "The account is deactivated or has no e-mail address, or the service was deleted.";
        }
        else if (!(await access.ScopeOfUserAsync(userId, cancellationToken)).CanSee(service))
        {
            refused = "The recipient may no longer see the service.";
        }

        if (refused is not null)
        {
            delivery.Status = NotificationDeliveryStatus.Failed;
            delivery.LastError = refused;
            delivery.NextAttemptAt = null;
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }

        await AttemptAsync(delivery, record, service!, user!.Email!, cancellationToken);
    }

    /// <summary>
    /// Sends the event's e-mail to <paramref name="email"/> and records the outcome on <paramref name="delivery"/>
    /// (saved): sent, a next attempt scheduled, or given up. The dispatch calls it for the first attempt.
    /// </summary>
    public async Task AttemptAsync(NotificationDelivery delivery, NotificationEventRecord record, Service service, string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(service);
        var message = NotificationEmails.Event(email, CultureInfo.GetCultureInfo(delivery.Language), record, service.Name(delivery.Language == "en"), mail.Link(record.Path));
        var result = await mail.SendAsync(message, cancellationToken);
        var now = clock.GetUtcNow();
        delivery.Attempts++;
        delivery.LastAttemptAt = now.UtcDateTime;
        var settings = options.Value.Email;
        if (result == EmailDelivery.Sent)
        {
            delivery.Status = NotificationDeliveryStatus.Sent;
            delivery.LastError = null;
            delivery.NextAttemptAt = null;
        }
        else if (delivery.Attempts >= settings.MaxAttempts)
        {
            delivery.Status = NotificationDeliveryStatus.Failed;
            delivery.LastError = $"The SMTP server did not take the e-mail in {delivery.Attempts} attempt(s); the log says why.";
            delivery.NextAttemptAt = null;
            LogGaveUp(logger, delivery.Id, delivery.Attempts);
        }
        else
        {
            var next = delivery.Attempts + 1;
            var when = now + NotificationOptions.DelayBefore(next, settings.RetryDelay);
            delivery.Status = NotificationDeliveryStatus.Pending;
            delivery.LastError = "The SMTP server did not take the e-mail; it will be tried again.";
            delivery.NextAttemptAt = when.UtcDateTime;
            // The row first: a trigger that fires before the save would find nothing pending.
            await db.SaveChangesAsync(CancellationToken.None);
            await DeliveryAttempt.ScheduleAsync<EmailDeliveryJob>(schedulers, "email", delivery.Id, next, when);
            LogRetry(logger, delivery.Id, delivery.Attempts, when);
            return;
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification e-mail {DeliveryId} was not taken by the SMTP server (attempt {Attempt}); next attempt at {When}")]
    private static partial void LogRetry(ILogger logger, Guid deliveryId, int attempt, DateTimeOffset when);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification e-mail {DeliveryId} given up after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, Guid deliveryId, int attempts);
}
