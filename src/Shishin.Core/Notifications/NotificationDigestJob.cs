using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quartz;
using Shishin.Core.Data;
using Shishin.Core.Email;

namespace Shishin.Core.Notifications;

/// <summary>
/// Every morning in Tokyo, one e-mail per digest subscriber with the events waiting for them since the last digest, in
/// the language of their subscriptions.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class NotificationDigestJob(ShishinDbContext db, NotificationMail mail, TimeProvider clock, ILogger<NotificationDigestJob> logger) : IJob
{
    public static readonly JobKey Key = new("notification-digest", "notifications");
    public static readonly TriggerKey MorningTrigger = new("notification-digest-morning", "notifications");

    /// <summary>08:00 Japan time, before the working day starts.</summary>
    public const string Cron = "0 0 8 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await SendAsync(cancellationToken);

    /// <summary>Sends the digests; returns the number of e-mails sent.</summary>
    public async Task<int> SendAsync(CancellationToken cancellationToken = default)
    {
        var waiting = await db.NotificationDeliveries.Include(d => d.Event)
            .Where(d => d.Status == NotificationDeliveryStatus.AwaitingDigest && d.UserId != null)
            .ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return 0;
        }

        var userIds = waiting.Select(d => d.UserId!.Value).Distinct().ToList();
        var serviceIds = waiting.Select(d => d.ServiceId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        var services = await db.Services.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var sent = 0;
        foreach (var group in waiting.GroupBy(d => d.UserId!.Value))
        {
            var deliveries = group.Where(d => d.Event is not null && services.ContainsKey(d.ServiceId)).ToList();
            var status = NotificationDeliveryStatus.Failed;
            string? error = null;
            if (!mail.Configured)
            {
                status = NotificationDeliveryStatus.EmailOff;
            }
            else if (users.GetValueOrDefault(group.Key) is { IsActive: true, Email: { Length: > 0 } email } && deliveries.Count > 0)
            {
                // The newest choice of language wins when subscriptions were saved in different ones.
                var language = deliveries.OrderByDescending(d => d.CreatedAt).First().Language;
                var english = language == "en";
                var items = deliveries.Select(d => (d.Event!, services[d.ServiceId].Name(english))).ToList();
                var message = NotificationEmails.Digest(email, CultureInfo.GetCultureInfo(language), items, mail.Link("/account/notifications"));
                var result = await mail.SendAsync(message, cancellationToken);
                status = result == EmailDelivery.Sent ? NotificationDeliveryStatus.Sent : NotificationDeliveryStatus.Failed;
                error = result == EmailDelivery.Sent ? null : "The SMTP server did not take the digest; the log says why.";
                sent += result == EmailDelivery.Sent ? 1 : 0;
            }
            else
            {
                error = "The account is deactivated or has no e-mail address.";
            }

            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var delivery in group)
            {
                delivery.Status = status;
                delivery.Attempts++;
                delivery.LastAttemptAt = now;
                delivery.LastError = error;
            }

            await db.SaveChangesAsync(CancellationToken.None);
        }

        LogDigests(logger, sent);
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} notification digest(s)")]
    private static partial void LogDigests(ILogger logger, int count);
}
