using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Assessments;
using Shishin.Core.Catalog;
using Shishin.Core.Data;
using Shishin.Core.Demo;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;
using Shishin.Core.Services;
using Shishin.Tests;

namespace Shishin.Core.Tests.Demo;

/// <summary>The demo data set on a fresh database of each provider: what it holds, when it refuses, and that removal takes out exactly it.</summary>
public abstract class DemoDataTests(TestProvider provider)
{
    private async Task<T> WithInstanceAsync<T>(Func<IServiceProvider, Task<T>> test)
    {
        var fixture = new CoreFixture(provider);
        try
        {
            await fixture.InitializeAsync();
            return await test(fixture.Services);
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    private static async Task<DemoSeedResult> SeedAsync(IServiceProvider services, bool force = false)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(force);
    }

    [Fact]
    public Task Seed_EmptyInstance_FillsEveryPartOfTheRegisterMarkedDemo() => WithInstanceAsync(async services =>
    {
        // Act
        var result = await SeedAsync(services);

        // Assert
        Assert.Equal(DemoSeedOutcome.Seeded, result.Outcome);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var all = await db.Services.AsNoTracking().Include(s => s.OwnerOrganization).Include(s => s.PhaseChanges).Include(s => s.Kpis).Include(s => s.Partners).ToListAsync();
        Assert.All(all, s => Assert.True(s.IsDemo && s.NameJa.StartsWith("【デモ】", StringComparison.Ordinal) && s.NameEn.StartsWith("[Demo] ", StringComparison.Ordinal), s.Key));
        Assert.All(all, s => Assert.True(ServiceRules.IsValidKey(s.Key) && s.EntryUrlList().All(ServiceRules.IsValidEntryUrl), s.Key));
        var publicServices = all.Where(s => s.IsPublic).ToList();
        Assert.InRange(publicServices.Count, 30, int.MaxValue);
        Assert.Contains(all, s => !s.IsPublic);
        Assert.InRange(publicServices.Select(s => s.OwnerOrganization!).Where(o => o.Kind == OrganizationKind.Bureau).DistinctBy(o => o.Id).Count(), 8, int.MaxValue);
        Assert.InRange(publicServices.Select(s => s.OwnerOrganization!).Where(o => o.Kind == OrganizationKind.Municipality).DistinctBy(o => o.Id).Count(), 8, int.MaxValue);
        Assert.Equal(Enum.GetValues<ServicePhase>().ToHashSet(), all.Select(s => s.Phase).ToHashSet());

        // A dated history ending in the current phase, in order; KPIs for three fiscal years with take-up rising
        Assert.All(all, s =>
        {
            var history = s.PhaseChanges.OrderBy(p => p.EnteredOn).ToList();
            Assert.Equal(s.Phase, history[^1].Phase);
            Assert.Equal(history.Select(p => p.Phase).Order(), history.Select(p => p.Phase));
            Assert.Equal(3, s.Kpis.Select(k => k.FiscalYear).Distinct().Count());
        });
        Assert.All(all.Where(s => s.Phase == ServicePhase.Operation), s =>
        {
            var takeUp = s.Kpis.OrderBy(k => k.FiscalYear).Select(k => k.DigitalTakeUpPercent!.Value).ToList();
            Assert.True(takeUp[0] < takeUp[2], $"{s.Key}: {string.Join(", ", takeUp)}");
        });

        // Partner companies, marked and flagged, assigned to services
        var partners = await db.Organizations.AsNoTracking().Where(o => o.IsDemo).ToListAsync();
        Assert.InRange(partners.Count, 2, 3);
        Assert.All(partners, p => Assert.True(p.Kind == OrganizationKind.Partner && p.NameJa.Contains("デモ", StringComparison.Ordinal)));
        Assert.All(partners, p => Assert.Contains(all, s => s.Partners.Any(sp => sp.OrganizationId == p.Id)));

        // Canvases, some with a second revision
        var canvases = await db.ServiceCanvasRevisions.AsNoTracking().ToListAsync();
        Assert.Contains(canvases, c => c.Number == 2);
        Assert.All(canvases, c => Assert.False(string.IsNullOrEmpty(System.Text.Json.JsonSerializer.Deserialize<ServiceCanvas>(c.Content)!.Purpose)));

        // Assessments against the current published catalogue, published in all three ratings, with panels and due dates
        var catalogue = (await scope.ServiceProvider.GetRequiredService<CatalogService>().GetCurrentAsync())!;
        var assessments = await db.Assessments.AsNoTracking().Include(a => a.Results).Include(a => a.Reviewers).ToListAsync();
        Assert.All(assessments, a => Assert.Equal(catalogue.Id, a.CatalogVersionId));
        var published = assessments.Where(a => a.Status == AssessmentStatus.Published).ToList();
        Assert.Equal(new HashSet<Rag?> { Rag.Green, Rag.Amber, Rag.Red }, published.Select(a => a.Rag).ToHashSet());
        Assert.All(published, a =>
        {
            Assert.NotNull(a.ResponseDueOn);
            Assert.Single(a.Reviewers, r => r.IsLead);
            Assert.All(a.Results, r => Assert.NotNull(r.Outcome));
            Assert.Contains(a.Results, r => r.PanelComment.Length > 0 && r.Rag is not null);
        });
        Assert.All(published.Where(a => a.Rag == Rag.Red && a.ReassessmentOfId is null), a => Assert.Contains(a.Results, r => r.Rag == Rag.Red));
        Assert.Contains(assessments, a => a.Status is AssessmentStatus.Draft);
        Assert.Contains(assessments, a => a.Status is AssessmentStatus.Submitted);
        Assert.Contains(assessments, a => a.Status is AssessmentStatus.InReview);
        foreach (var a in assessments.Where(a => a.ReassessmentOfId is null))
        {
            var phase = catalogue.Document.Checkpoints.Where(c => !c.Retired && c.Phases.Contains(a.Phase)).Select(c => c.Id).ToHashSet();
            Assert.Equal(phase, a.Results.Select(r => r.CheckpointId).ToHashSet());
        }

        // A reassessment of a Red report covers exactly its red checkpoints
        var reassessments = assessments.Where(a => a.ReassessmentOfId is not null).ToList();
        Assert.NotEmpty(reassessments);
        Assert.All(reassessments, re =>
        {
            var original = assessments.Single(a => a.Id == re.ReassessmentOfId);
            Assert.Equal(Rag.Red, original.Rag);
            Assert.Equal(original.Results.Where(r => r.Rag == Rag.Red).Select(r => r.CheckpointId).ToHashSet(), re.Results.Select(r => r.CheckpointId).ToHashSet());
        });
        Assert.Contains(reassessments, a => a.Status == AssessmentStatus.Published);

        // Action items in every state, some overdue
        var today = Shishin.Core.JapanTime.Today(TimeProvider.System);
        var actions = await db.ActionItems.AsNoTracking().ToListAsync();
        Assert.Equal(Enum.GetValues<ActionItemStatus>().ToHashSet(), actions.Select(a => a.Status).ToHashSet());
        Assert.Contains(actions, a => a.IsOverdue && a.DueOn < today && !a.IsClosed);
        Assert.All(actions.Where(a => a.IsOverdue), a => Assert.True(a.DueOn < today && !a.IsClosed));
        Assert.All(actions, a => Assert.Contains(assessments, x => x.Id == a.AssessmentId && x.Status == AssessmentStatus.Published));
        Assert.All(actions.Where(a => a.Status == ActionItemStatus.WontDo), a => Assert.NotEmpty(a.WontDoReason));

        // Users of every role, confirmed, whose returned passwords work
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ShishinUser>>();
        Assert.Equal(Roles.All.ToHashSet(), result.Accounts.Select(a => a.Role).ToHashSet());
        foreach (var account in result.Accounts)
        {
            var user = (await userManager.FindByEmailAsync(account.Email))!;
            Assert.True(user.IsDemo && user.EmailConfirmed);
            Assert.EndsWith("@demo.shishin.example", account.Email, StringComparison.Ordinal);
            Assert.True(await userManager.CheckPasswordAsync(user, account.Password), account.Email);
            Assert.True(await userManager.IsInRoleAsync(user, account.Role));
            Assert.DoesNotContain(account.Password, account.ToString(), StringComparison.Ordinal);
        }

        var owner = (await userManager.FindByEmailAsync(DemoData.Email("demo-owner")))!;
        var ownerOrganizations = await db.UserOrganizations.Where(m => m.UserId == owner.Id).Select(m => m.OrganizationId).ToListAsync();
        Assert.Contains(all, s => ownerOrganizations.Contains(s.OwnerOrganizationId));
        var partner = (await userManager.FindByEmailAsync(DemoData.Email("demo-partner")))!;
        var company = Assert.Single(await db.UserOrganizations.Where(m => m.UserId == partner.Id).Select(m => m.OrganizationId).ToListAsync());
        Assert.Contains(company, partners.Select(p => p.Id));
        Assert.Contains(all, s => s.Partners.Any(p => p.OrganizationId == company));

        // The counts returned are the counts stored
        Assert.Equal(all.Count, result.Counts.Services);
        Assert.Equal(actions.Count(a => a.IsOverdue), result.Counts.OverdueActionItems);
        return 0;
    });

    [Fact]
    public Task Seed_Twice_SecondRefusesAndChangesNothing() => WithInstanceAsync(async services =>
    {
        await SeedAsync(services);

        var second = await SeedAsync(services, force: true);

        Assert.Equal(DemoSeedOutcome.AlreadyPresent, second.Outcome);
        Assert.Contains("already present", second.Detail, StringComparison.Ordinal);
        Assert.Empty(second.Accounts);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        Assert.Equal(DemoCatalogue.Services.Count, await db.Services.CountAsync());
        Assert.Equal(DemoCatalogue.Users.Count, await db.Users.CountAsync(u => u.IsDemo));
        return 0;
    });

    [Fact]
    public Task Seed_NonDemoServicePresent_RefusesUnlessForced() => WithInstanceAsync(async services =>
    {
        await AddRealDataAsync(services);

        var refused = await SeedAsync(services);
        await using (var scope = services.CreateAsyncScope())
        {
            Assert.Equal(DemoSeedOutcome.NonDemoServicesPresent, refused.Outcome);
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().Services.CountAsync(s => s.IsDemo));
        }

        var forced = await SeedAsync(services, force: true);

        Assert.Equal(DemoSeedOutcome.Seeded, forced.Outcome);
        return 0;
    });

    [Fact]
    public Task Remove_WithRealDataBeside_DeletesExactlyTheDemoData() => WithInstanceAsync(async services =>
    {
        // Arrange: real data first, then the demo data beside it, with a demo company assigned to the real service
        var real = await AddRealDataAsync(services);
        Assert.True((await SeedAsync(services, force: true)).Succeeded);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            var demoCompany = await db.Organizations.FirstAsync(o => o.IsDemo);
            db.ServicePartners.Add(new ServicePartner { ServiceId = real.ServiceId, OrganizationId = demoCompany.Id });
            await db.SaveChangesAsync();
        }

        // Act
        DemoRemoveResult removed;
        await using (var scope = services.CreateAsyncScope())
        {
            removed = await scope.ServiceProvider.GetRequiredService<DemoData>().RemoveAsync();
        }

        // Assert: no demo row is left, every real row is
        await using var check = services.CreateAsyncScope();
        var after = check.ServiceProvider.GetRequiredService<ShishinDbContext>();
        Assert.Equal(DemoCatalogue.Services.Count, removed.Services);
        Assert.Equal(DemoCatalogue.Users.Count, removed.Users);
        Assert.False(await after.Services.AnyAsync(s => s.IsDemo));
        Assert.False(await after.Users.AnyAsync(u => u.IsDemo));
        Assert.False(await after.Organizations.AnyAsync(o => o.IsDemo));
        var demoIds = await after.Services.Select(s => s.Id).ToListAsync();
        Assert.Equal([real.ServiceId], demoIds);
        Assert.Equal([real.AssessmentId], await after.Assessments.Select(a => a.Id).ToListAsync());
        Assert.Equal([real.ActionItemId], await after.ActionItems.Select(a => a.Id).ToListAsync());
        Assert.Equal(1, await after.ServiceKpis.CountAsync());
        Assert.Equal(1, await after.ServicePhaseChanges.CountAsync());
        Assert.Equal([real.PartnerId], await after.ServicePartners.Select(p => p.OrganizationId).ToListAsync());
        Assert.True(await after.Users.AnyAsync(u => u.Id == real.UserId));
        Assert.True(await after.UserOrganizations.AnyAsync(m => m.UserId == real.UserId && m.OrganizationId == real.PartnerId));
        Assert.True(await after.Organizations.AnyAsync(o => o.Id == real.PartnerId));
        Assert.Equal(OrganizationService.LoadSeed().Count + 1, await after.Organizations.CountAsync());
        Assert.True(await after.AuditEvents.AnyAsync(e => e.Action == "demo.removed"));
        return 0;
    });

    [Fact]
    public Task Seed_FreshInstance_AddsOneAcceptedProposalPerThemeOf110_AndRemoveTakesThemOut() => WithInstanceAsync(async services =>
    {
        // Act
        Assert.Equal(DemoSeedOutcome.Seeded, (await SeedAsync(services)).Outcome);

        // Assert: every changelog key of 1.1.0 has its proposal, accepted into 1.1.0 from 1.0.0
        await using (var scope = services.CreateAsyncScope())
        {
            var catalog = scope.ServiceProvider.GetRequiredService<CatalogService>();
            var v110 = (await catalog.GetVersionAsync("1.1.0"))!;
            var v100 = (await catalog.GetVersionAsync("1.0.0"))!;
            var proposals = await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().ChangeProposals.AsNoTracking().ToListAsync();
            Assert.Equal(6, proposals.Count);
            Assert.All(proposals, p => Assert.True(p.Status == ProposalStatus.Accepted && p.AppliedVersionId == v110.Id && p.BaseVersionId == v100.Id, p.Summary));
            var keys = v110.Document.Releases.Single(r => r.Version == "1.1.0").Entries.Select(e => e.Proposal).OfType<string>().Distinct();
            Assert.All(keys, key => Assert.Contains(proposals, p => p.Id == ChangeProposal.IdForChangelogKey(key)));
        }

        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().RemoveAsync();
        }

        await using var check = services.CreateAsyncScope();
        Assert.False(await check.ServiceProvider.GetRequiredService<ShishinDbContext>().ChangeProposals.AnyAsync());
        Assert.Equal(DemoSeedOutcome.Seeded, (await SeedAsync(services)).Outcome);
        return 0;
    });

    [Fact]
    public Task Remove_NoDemoData_RemovesNothing() => WithInstanceAsync(async services =>
    {
        await AddRealDataAsync(services);
        await using var scope = services.CreateAsyncScope();

        var removed = await scope.ServiceProvider.GetRequiredService<DemoData>().RemoveAsync();

        Assert.False(removed.RemovedAnything);
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().Services.CountAsync());
        return 0;
    });

    private sealed record RealData(Guid ServiceId, Guid AssessmentId, Guid ActionItemId, Guid UserId, Guid PartnerId);

    /// <summary>A service of the instance's own with a phase, KPI, partner, assessment and action item; a user and a partner company.</summary>
    private static async Task<RealData> AddRealDataAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var partner = new Organization { Key = "real-partner", Kind = OrganizationKind.Partner, NameJa = "本物株式会社", NameEn = "Real Ltd." };
        db.Organizations.Add(partner);
        var minato = await db.Organizations.SingleAsync(o => o.Key == "minato");
        var service = new Service { Key = "real-service", NameJa = "本物のサービス", NameEn = "A real service", OwnerOrganizationId = minato.Id, IsPublic = true, Phase = ServicePhase.Operation };
        service.Partners.Add(new ServicePartner { ServiceId = service.Id, OrganizationId = partner.Id });
        service.PhaseChanges.Add(new ServicePhaseChange { ServiceId = service.Id, Phase = ServicePhase.Operation, EnteredOn = new DateOnly(2024, 4, 1) });
        service.Kpis.Add(new ServiceKpi { ServiceId = service.Id, FiscalYear = 2024, AnnualApplications = 100, DigitalApplications = 50 });
        db.Services.Add(service);
        var catalogue = (await scope.ServiceProvider.GetRequiredService<CatalogService>().GetCurrentAsync())!;
        var assessment = new Assessment { ServiceId = service.Id, Phase = LifecyclePhase.Operation, CatalogVersionId = catalogue.Id, Status = AssessmentStatus.Draft };
        db.Assessments.Add(assessment);
        var action = new ActionItem { ServiceId = service.Id, AssessmentId = assessment.Id, Title = "本物の対応事項", DueOn = new DateOnly(2030, 1, 1) };
        db.ActionItems.Add(action);
        await db.SaveChangesAsync();
        var user = new ShishinUser { UserName = "real@example.jp", Email = "real@example.jp", DisplayName = "本物" };
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<ShishinUser>>().CreateAsync(user, "a long enough real password");
        Assert.True(created.Succeeded);
        db.UserOrganizations.Add(new UserOrganization { UserId = user.Id, OrganizationId = partner.Id });
        await db.SaveChangesAsync();
        return new RealData(service.Id, assessment.Id, action.Id, user.Id, partner.Id);
    }
}

public sealed class DemoDataTests_Sqlite() : DemoDataTests(TestProvider.Sqlite);

public sealed class DemoDataTests_Postgres() : DemoDataTests(TestProvider.Postgres);
