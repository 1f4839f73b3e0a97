using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Shishin.Core.Assessments;
using Shishin.Core.Data;
using Shishin.Core.Jobs;
using Shishin.Core.Tests.Assessments;
using Shishin.Tests;
using static Shishin.Tests.AssessmentSamples;

namespace Shishin.Core.Tests.Jobs;

public abstract class MarkOverdueActionItemsJobTests(CoreFixture fixture)
{
    /// <summary>A clock stopped at one instant.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task Mark_AfterTheDueDateInTokyo_MarksOpenItemsAndClearsClosedOrMovedOnes()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var chiyoda = await Scopes.OrganizationAsync(fixture.Services, "chiyoda");
        var service = await ServiceAsync(db, "overdue-" + Guid.NewGuid().ToString("N")[..8], chiyoda, isPublic: false);
        // 2031-05-09 15:30 UTC is already 2031-05-10 00:30 in Tokyo: an item due on the 9th is overdue there.
        var clock = new FixedClock(new DateTimeOffset(2031, 5, 9, 15, 30, 0, TimeSpan.Zero));
        var dueYesterday = await ActionItemAsync(db, service.Id, null, new DateOnly(2031, 5, 9));
        var inProgress = await ActionItemAsync(db, service.Id, null, new DateOnly(2031, 5, 1), ActionItemStatus.InProgress);
        var dueToday = await ActionItemAsync(db, service.Id, null, new DateOnly(2031, 5, 10));
        var done = await ActionItemAsync(db, service.Id, null, new DateOnly(2031, 4, 1), ActionItemStatus.Done, overdue: true);
        var wontDo = await ActionItemAsync(db, service.Id, null, new DateOnly(2031, 4, 1), ActionItemStatus.WontDo);
        var moved = await ActionItemAsync(db, service.Id, null, new DateOnly(2031, 6, 1), overdue: true);
        var ids = new[] { dueYesterday.Id, inProgress.Id, dueToday.Id, done.Id, wontDo.Id, moved.Id };
        var revisions = await db.ActionItems.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Revision);
        var job = new MarkOverdueActionItemsJob(db, clock, scope.ServiceProvider.GetRequiredService<Shishin.Core.Notifications.Notifier>(), NullLogger<MarkOverdueActionItemsJob>.Instance);

        var (marked, cleared) = await job.MarkAsync();
        db.ChangeTracker.Clear();
        var flags = await db.ActionItems.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => (i.IsOverdue, i.Revision));

        Assert.True(flags[dueYesterday.Id].IsOverdue);
        Assert.True(flags[inProgress.Id].IsOverdue);
        Assert.False(flags[dueToday.Id].IsOverdue);
        Assert.False(flags[done.Id].IsOverdue);
        Assert.False(flags[wontDo.Id].IsOverdue);
        Assert.False(flags[moved.Id].IsOverdue);
        Assert.True(marked >= 2 && cleared >= 2);
        Assert.All(ids, id => Assert.Equal(revisions[id], flags[id].Revision));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityId == dueYesterday.Id.ToString() && e.Action == "ActionItem.updated"));

        var (again, _) = await job.MarkAsync();
        Assert.Equal(0, again);
    }

    [Fact]
    public void TodayInTokyo_JustBeforeAndAfterMidnightInTokyo_ChangesTheDay()
    {
        Assert.Equal(new DateOnly(2031, 5, 9), JapanTime.Today(new FixedClock(new DateTimeOffset(2031, 5, 9, 14, 59, 0, TimeSpan.Zero))));
        Assert.Equal(new DateOnly(2031, 5, 10), JapanTime.Today(new FixedClock(new DateTimeOffset(2031, 5, 9, 15, 0, 0, TimeSpan.Zero))));
    }
}

public sealed class MarkOverdueActionItemsJobTests_Sqlite(SqliteCoreFixture fixture) : MarkOverdueActionItemsJobTests(fixture), IClassFixture<SqliteCoreFixture>;

public sealed class MarkOverdueActionItemsJobTests_Postgres(PostgresCoreFixture fixture) : MarkOverdueActionItemsJobTests(fixture), IClassFixture<PostgresCoreFixture>;
