using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Core.Jobs;
using Shishin.Tests;

namespace Shishin.Web.Tests.Jobs;

public abstract class JobsTests(ShishinAppFactory app)
{
    [Fact]
    public async Task WebHost_RunsJobsInProcess_WithTheNightlyPurgeAt0315Tokyo()
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        Assert.NotNull((await scheduler.GetMetadata()).RunningSince);
        Assert.True(await scheduler.Exists(PurgeExpiredInvitationsJob.Key));
        var trigger = await scheduler.GetTrigger(PurgeExpiredInvitationsJob.NightlyTrigger);
        Assert.NotNull(trigger);
        var next = Shishin.Core.JapanTime.From(trigger.NextFireTimeUtc!.Value);
        Assert.Equal((3, 15), (next.Hour, next.Minute));
    }

    [Fact]
    public async Task Purge_ExpiredUnusedInvitation_IsRemovedAndAuditedWhileOpenOnesStay()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var access = new UserAccess([Roles.Reviewer], []);
        var (_, expired) = await accounts.InviteAsync($"old-{Guid.NewGuid():N}@example.jp", "old", access, null);
        var (_, open) = await accounts.InviteAsync($"new-{Guid.NewGuid():N}@example.jp", "new", access, null);
        var stale = await db.Invitations.SingleAsync(i => i.UserId == expired!.User.Id);
        stale.ExpiresAt = DateTime.UtcNow.AddDays(-1);
        await db.SaveChangesAsync();

        var removed = await scope.ServiceProvider.GetRequiredService<PurgeExpiredInvitationsJob>().PurgeAsync();

        Assert.True(removed >= 1);
        Assert.False(await db.Invitations.AnyAsync(i => i.UserId == expired!.User.Id));
        Assert.True(await db.Invitations.AnyAsync(i => i.UserId == open!.User.Id));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "Invitation.deleted" && e.EntityId == stale.Id.ToString()));
        Assert.Null(await accounts.FindOpenInvitationAsync(expired!.Token));
    }
}

public sealed class JobsTests_Sqlite(SqliteAppFactory app) : JobsTests(app), IClassFixture<SqliteAppFactory>;

public sealed class JobsTests_Postgres(PostgresAppFactory app) : JobsTests(app), IClassFixture<PostgresAppFactory>;
