using Quartz;

namespace Shishin.Core.Notifications;

/// <summary>
/// The one-off Quartz job of one attempt of one delivery (a webhook call or an e-mail), named by the delivery and the
/// attempt so that a retry never collides with the attempt that schedules it, and recovered if its node dies.
/// </summary>
internal static class DeliveryAttempt
{
    private const string DeliveryIdKey = "deliveryId";

    /// <param name="kind">The name's prefix: <c>webhook</c> or <c>email</c>.</param>
    public static async Task ScheduleAsync<TJob>(ISchedulerFactory schedulers, string kind, Guid deliveryId, int attempt, DateTimeOffset when)
        where TJob : IJob
    {
        var key = new JobKey($"{kind}-{deliveryId:N}-{attempt}", "notifications");
        var job = JobBuilder.Create<TJob>().WithIdentity(key).UsingJobData(DeliveryIdKey, deliveryId.ToString()).RequestRecovery().Build();
        var trigger = TriggerBuilder.Create().WithIdentity(key.Name, key.Group).ForJob(key).StartAt(when).Build();
        var scheduler = await schedulers.GetScheduler(CancellationToken.None);
        await scheduler.ScheduleJob(job, trigger, cancellationToken: CancellationToken.None);
    }

    /// <summary>The delivery a firing is for; null for a job data map without one.</summary>
    public static Guid? DeliveryId(IJobExecutionContext context) =>
        Guid.TryParse(context.MergedJobDataMap.GetString(DeliveryIdKey), out var id) ? id : null;
}
