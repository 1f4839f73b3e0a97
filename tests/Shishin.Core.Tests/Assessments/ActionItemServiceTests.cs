using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Assessments;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Core.Services;
using Shishin.Tests;
using static Shishin.Tests.AssessmentSamples;

namespace Shishin.Core.Tests.Assessments;

public abstract class ActionItemServiceTests(CoreFixture fixture)
{
    private static readonly DateOnly Later = new(2099, 4, 1);

    private async Task<(AsyncServiceScope Scope, ShishinDbContext Db, ActionItemService Actions, Guid Chiyoda, Service Service)> ArrangeAsync(bool isPublic = false)
    {
        var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var chiyoda = await Scopes.OrganizationAsync(fixture.Services, "chiyoda");
        var service = await ServiceAsync(db, "actions-" + Guid.NewGuid().ToString("N")[..8], chiyoda, isPublic);
        return (scope, db, scope.ServiceProvider.GetRequiredService<ActionItemService>(), chiyoda, service);
    }

    [Fact]
    public async Task Update_WontDoWithoutReason_IsRefusedNamingTheField()
    {
        var (scope, db, actions, chiyoda, service) = await ArrangeAsync();
        await using var _ = scope;
        var item = await ActionItemAsync(db, service.Id, null, Later);

        var result = await actions.UpdateAsync(Scopes.Owner(chiyoda), item.Id, new ActionItemUpdate(ActionItemStatus.WontDo, null, Later, "  ", item.Revision));

        Assert.Equal(ActionItemUpdateOutcome.Invalid, result.Outcome);
        Assert.Equal(["WontDoReason"], result.Issues.Select(i => i.Field));
        Assert.Equal(ActionItemStatus.Open, (await db.ActionItems.AsNoTracking().SingleAsync(i => i.Id == item.Id)).Status);
    }

    [Fact]
    public async Task Update_WontDoWithReasonThenReopened_ClosesAndReopensAndKeepsTheReasonOnlyWhileWontDo()
    {
        var (scope, db, actions, chiyoda, service) = await ArrangeAsync();
        await using var _ = scope;
        var item = await ActionItemAsync(db, service.Id, null, Later);
        var owner = Scopes.Owner(chiyoda);

        var closed = await actions.UpdateAsync(owner, item.Id, new ActionItemUpdate(ActionItemStatus.WontDo, null, Later, " 別の施策で対応します。 ", item.Revision));
        var stored = await db.ActionItems.AsNoTracking().SingleAsync(i => i.Id == item.Id);
        var reopened = await actions.UpdateAsync(owner, item.Id, new ActionItemUpdate(ActionItemStatus.InProgress, null, Later, "残すつもりのない理由", stored.Revision));
        var after = await db.ActionItems.AsNoTracking().SingleAsync(i => i.Id == item.Id);

        Assert.Equal(ActionItemUpdateOutcome.Saved, closed.Outcome);
        Assert.Equal((ActionItemStatus.WontDo, "別の施策で対応します。", true), (stored.Status, stored.WontDoReason, stored.ClosedAt is not null));
        Assert.Equal(ActionItemUpdateOutcome.Saved, reopened.Outcome);
        Assert.Equal((ActionItemStatus.InProgress, "", false, item.Revision + 2), (after.Status, after.WontDoReason, after.ClosedAt is not null, after.Revision));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityId == item.Id.ToString() && e.Action == "ActionItem.updated"));
    }

    [Fact]
    public async Task Update_StaleRevision_ChangesNothingAndReportsWhatTheOtherSaveChanged()
    {
        var (scope, db, actions, chiyoda, service) = await ArrangeAsync();
        await using var _ = scope;
        var item = await ActionItemAsync(db, service.Id, null, Later);
        var owner = Scopes.Owner(chiyoda);
        var first = await actions.UpdateAsync(owner, item.Id, new ActionItemUpdate(ActionItemStatus.InProgress, null, Later.AddDays(7), null, item.Revision));

        var second = await actions.UpdateAsync(owner, item.Id, new ActionItemUpdate(ActionItemStatus.Done, null, Later, null, item.Revision));

        Assert.Equal(ActionItemUpdateOutcome.Saved, first.Outcome);
        Assert.Equal(ActionItemUpdateOutcome.Conflict, second.Outcome);
        Assert.Equal(["Status", "DueOn"], second.ChangedFields);
        Assert.Equal((ActionItemStatus.InProgress, Later.AddDays(7)), (second.Current!.Status, second.Current.DueOn));
        Assert.Equal(ActionItemStatus.InProgress, (await db.ActionItems.AsNoTracking().SingleAsync(i => i.Id == item.Id)).Status);
    }

    [Fact]
    public async Task Update_ByReviewerPartnerOrOtherOrganisation_IsRefused()
    {
        var (scope, db, actions, _, service) = await ArrangeAsync();
        await using var __ = scope;
        var minato = await Scopes.OrganizationAsync(fixture.Services, "minato");
        var item = await ActionItemAsync(db, service.Id, null, Later);
        var update = new ActionItemUpdate(ActionItemStatus.Done, null, Later, null, item.Revision);

        Assert.Equal(ActionItemUpdateOutcome.Forbidden, (await actions.UpdateAsync(Scopes.Reviewer, item.Id, update)).Outcome);
        Assert.Equal(ActionItemUpdateOutcome.NotFound, (await actions.UpdateAsync(Scopes.Owner(minato), item.Id, update)).Outcome);
        Assert.Equal(ActionItemUpdateOutcome.NotFound, (await actions.UpdateAsync(Scopes.Anonymous, item.Id, update)).Outcome);
        Assert.Equal(ActionItemUpdateOutcome.Saved, (await actions.UpdateAsync(Scopes.Admin, item.Id, update)).Outcome);
    }

    [Fact]
    public async Task Update_OwnerOutsideTheTeam_IsRefusedAndAMemberIsAccepted()
    {
        var (scope, db, actions, chiyoda, service) = await ArrangeAsync();
        await using var _ = scope;
        var item = await ActionItemAsync(db, service.Id, null, Later);
        var member = new ShishinUser { UserName = $"m-{Guid.NewGuid():N}@example.jp", Email = $"m-{Guid.NewGuid():N}@example.jp", DisplayName = "担当 花子" };
        var outsider = new ShishinUser { UserName = $"o-{Guid.NewGuid():N}@example.jp", Email = $"o-{Guid.NewGuid():N}@example.jp", DisplayName = "外部 太郎" };
        db.Users.AddRange(member, outsider);
        db.UserOrganizations.Add(new UserOrganization { UserId = member.Id, OrganizationId = chiyoda });
        await db.SaveChangesAsync();

        var refused = await actions.UpdateAsync(Scopes.Owner(chiyoda), item.Id, new ActionItemUpdate(ActionItemStatus.Open, outsider.Id, Later, null, item.Revision));
        var accepted = await actions.UpdateAsync(Scopes.Owner(chiyoda), item.Id, new ActionItemUpdate(ActionItemStatus.Open, member.Id, Later, null, item.Revision));

        Assert.Equal(["OwnerId"], refused.Issues.Select(i => i.Field));
        Assert.Equal(ActionItemUpdateOutcome.Saved, accepted.Outcome);
        Assert.Equal(member.Id, (await db.ActionItems.AsNoTracking().SingleAsync(i => i.Id == item.Id)).OwnerId);
    }

    [Fact]
    public async Task List_PerOrganisationAndOverdue_ShowsOnlyReadableItemsOfTheSubTree()
    {
        var (scope, db, actions, chiyoda, service) = await ArrangeAsync();
        await using var _ = scope;
        var minato = await Scopes.OrganizationAsync(fixture.Services, "minato");
        var company = await Scopes.PartnerCompanyAsync(fixture.Services);
        var other = await ServiceAsync(db, "actions-other-" + Guid.NewGuid().ToString("N")[..8], minato, isPublic: true, partners: [company]);
        var overdue = await ActionItemAsync(db, service.Id, null, new DateOnly(2020, 1, 1), overdue: true);
        var open = await ActionItemAsync(db, service.Id, null, Later);
        var elsewhere = await ActionItemAsync(db, other.Id, null, new DateOnly(2020, 1, 1), overdue: true);

        var mine = await actions.ListAsync(Scopes.Owner(chiyoda), new ActionItemQuery());
        var partner = await actions.ListAsync(Scopes.Partner(company), new ActionItemQuery());
        var anonymous = await actions.ListAsync(Scopes.Anonymous, new ActionItemQuery());
        var overdueInChiyoda = await actions.ListAsync(Scopes.Reviewer, new ActionItemQuery(chiyoda, OverdueOnly: true));
        var perOrganisation = await actions.OverdueByOrganizationAsync(Scopes.Reviewer);

        Assert.Contains(mine, r => r.Item.Id == overdue.Id);
        Assert.Contains(mine, r => r.Item.Id == open.Id);
        Assert.DoesNotContain(mine, r => r.Item.Id == elsewhere.Id);
        Assert.Equal([elsewhere.Id], partner.Select(r => r.Item.Id));
        Assert.Empty(anonymous);
        Assert.Contains(overdueInChiyoda, r => r.Item.Id == overdue.Id);
        Assert.DoesNotContain(overdueInChiyoda, r => r.Item.Id == open.Id || r.Item.Id == elsewhere.Id);
        Assert.All(overdueInChiyoda, r => Assert.True(r.Item.IsOverdue));
        Assert.Contains(perOrganisation, c => c.Organization.Id == chiyoda && c.Count >= 1);
        Assert.Contains(perOrganisation, c => c.Organization.Id == minato && c.Count >= 1);
    }
}

public sealed class ActionItemServiceTests_Sqlite(SqliteCoreFixture fixture) : ActionItemServiceTests(fixture), IClassFixture<SqliteCoreFixture>;

public sealed class ActionItemServiceTests_Postgres(PostgresCoreFixture fixture) : ActionItemServiceTests(fixture), IClassFixture<PostgresCoreFixture>;
