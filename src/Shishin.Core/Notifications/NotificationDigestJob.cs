using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using Shishin.Core.Data;
using Shishin.Core.Email;

namespace Shishin.Core.Notifications;

/// <summary>
/// Every morning in Tokyo, one e-mail per digest subscriber with the events waiting for them since the last digest, in
/// the language of their subscriptions. A digest the SMTP server does not take stays waiting and is tried again by a
/// one-off run after <c>Notifications:Email:RetryDelay</c> (doubled each time, up to <c>MaxAttempts</c>); that run
/// sends only the digests that failed, so nobody gets a second digest the same morning.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class NotificationDigestJob(
    ShishinDbContext db, NotificationMail mail, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<NotificationDigestJob> logger) : IJob
{
    public static readonly JobKey Key = new("notification-digest", "notifications");
    public static readonly TriggerKey MorningTrigger = new("notification-digest-morning", "notifications");

    /// <summary>The one-off run that makes attempt <paramref name="attempt"/> of the failed digests.</summary>
    public static TriggerKey RetryTrigger(int attempt) => new($"notification-digest-retry-{attempt}", "notifications");

    public const string RetryOnlyKey = "retryOnly";

    /// <summary>08:00 Japan time, before the working day starts.</summary>
    public const string Cron = "0 0 8 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var run = await SendAsync(retryOnly: context.MergedJobDataMap.ContainsKey(RetryOnlyKey), cancellationToken);
        if (run.NextAttempt is { } attempt)
        {
            // The scheduler running this job (a registered job is not handed a scheduler factory).
            await ScheduleRetryAsync(context.Scheduler, attempt);
        }
    }

    /// <summary>What a run did: the digests sent, and the number of the next attempt when some are to be tried again.</summary>
    public sealed record DigestRun(int Sent, int? NextAttempt);

    /// <summary>Sends the digests (with <paramref name="retryOnly"/>, only those that failed before).</summary>
    public async Task<DigestRun> SendAsync(bool retryOnly = false, CancellationToken cancellationToken = default)
    {
        var waiting = await db.NotificationDeliveries.Include(d => d.Event)
            .Where(d => d.Status == NotificationDeliveryStatus.AwaitingDigest && d.UserId != null && (!retryOnly || d.Attempts > 0))
            .ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return new DigestRun(0, null);
        }

        var userIds = waiting.Select(d => d.UserId!.Value).Distinct().ToList();
        var serviceIds = waiting.Select(d => d.ServiceId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        var services = await db.Services.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var sent = 0;
        var nextAttempt = int.MaxValue;
        foreach (var group in waiting.GroupBy(d => d.UserId!.Value))
        {
            var smtpFailed = false;
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
                smtpFailed = result != EmailDelivery.Sent;
                sent += result == EmailDelivery.Sent ? 1 : 0;
            }
            else
            {
                error = "The account is deactivated or has no e-mail address.";
            }

            var now = clock.GetUtcNow().UtcDateTime;
            // The SMTP server refused or was away: wait for the retry, unless this was the last attempt.
            var attempts = group.Max(d => d.Attempts) + 1;
            var retry = smtpFailed && attempts < options.Value.Email.MaxAttempts;
            foreach (var delivery in group)
            {
                delivery.Status = retry ? NotificationDeliveryStatus.AwaitingDigest : status;
                delivery.Attempts = attempts;
                delivery.LastAttemptAt = now;
                delivery.LastError = retry ? "The SMTP server did not take the digest; it will be tried again." : error;
            }

            await db.SaveChangesAsync(CancellationToken.None);
            if (retry)
            {
                nextAttempt = Math.Min(nextAttempt, attempts + 1);
            }
        }

        LogDigests(logger, sent);
        return new DigestRun(sent, nextAttempt < int.MaxValue ? nextAttempt : null);
    }

    /// <summary>
    /// One run per attempt number: a run already waiting for that attempt keeps its time. (Named by attempt because the
    /// trigger of the retry run that schedules the next one still exists while that run executes.)
    /// </summary>
    private async Task ScheduleRetryAsync(IScheduler scheduler, int attempt)
    {
        if (await scheduler.GetTrigger(RetryTrigger(attempt), CancellationToken.None) is not null)
        {
            return;
        }

        var when = clock.GetUtcNow() + NotificationOptions.DelayBefore(attempt, options.Value.Email.RetryDelay);
        var trigger = TriggerBuilder.Create().WithIdentity(RetryTrigger(attempt)).ForJob(Key).UsingJobData(RetryOnlyKey, "true").StartAt(when).Build();
        await scheduler.ScheduleJob(trigger, cancellationToken: CancellationToken.None);
        LogRetry(logger, when);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A notification digest was not taken by the SMTP server; the failed digests are tried again at {When}")]
    private static partial void LogRetry(ILogger logger, DateTimeOffset when);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} notification digest(s)")]
    private static partial void LogDigests(ILogger logger, int count);
}
