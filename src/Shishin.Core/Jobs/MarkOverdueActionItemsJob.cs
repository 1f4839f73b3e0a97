using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quartz;
using Shishin.Core.Assessments;
using Shishin.Core.Data;
using Shishin.Core.Notifications;

namespace Shishin.Core.Jobs;

/// <summary>
/// Marks action items overdue once their due date has passed (Japan time) while they are still open, and clears the
/// mark of items closed or given a later date since. Runs just after midnight in Tokyo so the lists are right all day.
/// The flag is derived, so the item's revision stays: a form open at the time still saves.
/// </summary>
[DisallowConcurrentExecution]
public sealed class MarkOverdueActionItemsJob(ShishinDbContext db, TimeProvider clock, Notifier notifier, ILogger<MarkOverdueActionItemsJob> logger) : IJob
{
    public static readonly JobKey Key = new("mark-overdue-action-items", "assessments");
    public static readonly TriggerKey NightlyTrigger = new("mark-overdue-action-items-nightly", "assessments");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var (marked, cleared) = await MarkAsync(cancellationToken);
        if (marked + cleared > 0)
        {
            logger.LogInformation("Marked {Marked} action item(s) overdue and cleared {Cleared}", marked, cleared);
        }
    }

    public async Task<(int Marked, int Cleared)> MarkAsync(CancellationToken cancellationToken = default)
    {
        var today = JapanTime.Today(clock);
        var closed = new[] { ActionItemStatus.Done, ActionItemStatus.WontDo };
        // Tracked and saved one by one (not ExecuteUpdate) so that every change reaches the audit log.
        var toMark = await db.ActionItems
            .Where(i => !i.IsOverdue && i.DueOn < today && !closed.Contains(i.Status))
            .ToListAsync(cancellationToken);
        var toClear = await db.ActionItems
            .Where(i => i.IsOverdue && (i.DueOn >= today || closed.Contains(i.Status)))
            .ToListAsync(cancellationToken);
        toMark.ForEach(i => i.IsOverdue = true);
        toClear.ForEach(i => i.IsOverdue = false);
        await db.SaveChangesAsync(cancellationToken);
        // One event per service with the items that became overdue just now (not every day they stay overdue).
        var occurredAt = clock.GetUtcNow().UtcDateTime;
        foreach (var service in toMark.GroupBy(i => i.ServiceId))
        {
            var facts = new Dictionary<string, string>
            {
                [NotificationFacts.Count] = service.Count().ToString(System.Globalization.CultureInfo.InvariantCulture),
                [NotificationFacts.Titles] = string.Join('\n', service.OrderBy(i => i.DueOn).Select(i => i.Title)),
            };
            await notifier.PublishAsync(new NotificationEvent(NotificationKind.ActionItemsOverdue, service.Key, occurredAt, facts, "/actions?Overdue=true"), cancellationToken);
        }

        return (toMark.Count, toClear.Count);
    }
}
