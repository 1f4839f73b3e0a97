using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Auditing;
using Shishin.Core.Catalog;
using Shishin.Core.Data;
using Shishin.Tests;

namespace Shishin.Core.Tests.Catalog;

/// <summary>The version lifecycle and the improvement cycle on a fresh real database per test.</summary>
public abstract class CatalogServiceTests(TestProvider provider) : IAsyncLifetime
{
    private readonly CoreFixture fixture = new(provider);
    private static readonly ProposalActor Proposer = new(Guid.NewGuid(), "Proposer");
    private static readonly ProposalActor Admin = new(Guid.NewGuid(), "Admin");

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    private async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "test";
        return await action(scope.ServiceProvider);
    }

    private Task<T> Catalog<T>(Func<CatalogService, Task<T>> action) => InScope(sp => action(sp.GetRequiredService<CatalogService>()));

    private Task<T> Proposals<T>(Func<ProposalService, Task<T>> action) => InScope(sp => action(sp.GetRequiredService<ProposalService>()));

    private Task<int> Proposals(Func<ProposalService, Task> action) => InScope(async sp => { await action(sp.GetRequiredService<ProposalService>()); return 0; });

    [Fact]
    public async Task FirstStart_SeedsTheDefaultAsPublished110_AndLaterStartsKeepEdits()
    {
        var current = await Catalog(c => c.GetCurrentAsync());
        Assert.Equal("1.1.0", current!.Info.Version);
        Assert.Equal(CatalogVersionStatus.Published, current.Info.Status);

        var draft = await Catalog(c => c.CreateDraftAsync());
        await fixture.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();

        Assert.Equal(3, (await Catalog(c => c.ListVersionsAsync())).Count);
        Assert.Equal(draft.Id, (await Catalog(c => c.GetDraftAsync()))!.Id);
    }

    [Fact]
    public async Task Draft_EditedAndPublished_BecomesCurrentAndTheDiffShowsTheEdit()
    {
        var draft = await Catalog(c => c.CreateDraftAsync());
        var checkpoint = CatalogJson.Clone(draft.Document).FindCheckpoint("P3-01")!;
        checkpoint.Title = checkpoint.Title with { En = "Publish an accessibility policy people can find" };
        draft = await Catalog(c => c.SaveCheckpointAsync(draft.Revision, "P3-01", checkpoint));
        draft = await Catalog(c => c.SetCheckpointRetiredAsync(draft.Revision, "P3-02", true));
        draft = await Catalog(c => c.MoveCheckpointAsync(draft.Revision, "P3-04", -1));

        var published = await Catalog(c => c.PublishAsync(draft.Revision, "1.2.0", new("改善", "Improvements")));

        Assert.Equal("1.2.0", (await Catalog(c => c.GetCurrentAsync()))!.Info.Version);
        Assert.Null(await Catalog(c => c.GetDraftAsync()));
        var document = published.Document;
        Assert.Equal("Publish an accessibility policy people can find", document.FindCheckpoint("P3-01")!.Title.En);
        Assert.True(document.FindCheckpoint("P3-02")!.Retired);
        Assert.Equal(["P3-01", "P3-02", "P3-04", "P3-03"], document.CheckpointsOf(3, null).Select(c => c.Id).Take(4));
        var diff = await Catalog(c => c.DiffAsync("1.1.0", "1.2.0"));
        Assert.Equal(["P3-01", "P3-02"], diff!.Of(CatalogDiff.CheckpointKind).Select(c => c.Key));

        // Both versions stay readable: assessments pinned to 1.1.0 still see 1.1.0.
        Assert.NotEqual(document.FindCheckpoint("P3-01")!.Title.En, (await Catalog(c => c.GetVersionAsync("1.1.0")))!.Document.FindCheckpoint("P3-01")!.Title.En);
        var audit = await InScope(sp => sp.GetRequiredService<ShishinDbContext>().AuditEvents.Select(e => e.Action).ToListAsync());
        Assert.Contains("catalog.checkpoint.updated", audit);
        Assert.Contains("catalog.version.published", audit);
    }

    [Fact]
    public async Task Publish_WithAVersionNotHigher_OrAStaleRevision_IsRefusedAndChangesNothing()
    {
        var draft = await Catalog(c => c.CreateDraftAsync());

        var lower = await Assert.ThrowsAsync<CatalogException>(() => Catalog(c => c.PublishAsync(draft.Revision, "1.1.0", new("a", "b"))));
        Assert.Equal(CatalogErrorKind.Invalid, lower.Kind);
        var stale = await Assert.ThrowsAsync<CatalogException>(() => Catalog(c => c.PublishAsync(draft.Revision + 1, "1.2.0", new("a", "b"))));
        Assert.Equal(CatalogErrorKind.Conflict, stale.Kind);
        var noChangelog = await Assert.ThrowsAsync<CatalogException>(() => Catalog(c => c.PublishAsync(draft.Revision, "1.2.0", new("", "b"))));
        Assert.Equal(CatalogErrorKind.Invalid, noChangelog.Kind);

        Assert.Equal(CatalogVersionStatus.Draft, (await Catalog(c => c.GetDraftAsync()))!.Info.Status);
    }

    [Fact]
    public async Task SecondDraft_IsRefused_ByTheServiceAndByTheDatabase()
    {
        await Catalog(c => c.CreateDraftAsync());

        var ex = await Assert.ThrowsAsync<CatalogException>(() => Catalog(c => c.CreateDraftAsync()));
        Assert.Equal(CatalogErrorKind.Conflict, ex.Kind);
        await InScope<int>(async sp =>
        {
            var db = sp.GetRequiredService<ShishinDbContext>();
            db.CatalogVersions.Add(new CatalogVersion { Status = CatalogVersionStatus.Draft, Document = "{}" });
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
            return 0;
        });
    }

    [Fact]
    public async Task PublishedVersion_CannotBeChanged_ThroughTheContextOrInSql()
    {
        await InScope<int>(async sp =>
        {
            var db = sp.GetRequiredService<ShishinDbContext>();
            var published = await db.CatalogVersions.SingleAsync(v => v.Version == "1.1.0");
            published.Document = published.Document.Replace("アクセシビリティ", "tampered", StringComparison.Ordinal);
            Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
            db.Entry(published).State = EntityState.Unchanged;
            db.CatalogVersions.Remove(published);
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            return 0;
        });

        await InScope<int>(async sp =>
        {
            var db = sp.GetRequiredService<ShishinDbContext>();
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"CatalogVersions\" SET \"Document\" = '{}'"));
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"CatalogVersions\" SET \"Status\" = 'Draft'"));
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"CatalogVersions\""));
            Assert.All(await db.CatalogVersions.AsNoTracking().ToListAsync(), v => Assert.Contains("アクセシビリティ", v.Document, StringComparison.Ordinal));
            return 0;
        });
    }

    [Fact]
    public async Task EditDraft_WithInvalidCheckpoint_IsRefusedWithTheFieldAndStoresNothing()
    {
        var draft = await Catalog(c => c.CreateDraftAsync());
        var checkpoint = CatalogJson.Clone(draft.Document).FindCheckpoint("UX-01")!;
        checkpoint.Title = checkpoint.Title with { Ja = " " };
        checkpoint.ScannerRules.Add("no-such-rule");

        var ex = await Assert.ThrowsAsync<CatalogException>(() => Catalog(c => c.SaveCheckpointAsync(draft.Revision, "UX-01", checkpoint)));

        Assert.Equal(["title.ja", $"scannerRules[{checkpoint.ScannerRules.Count - 1}]"], ex.Issues.Select(i => i.Field));
        Assert.Equal(draft.Revision, (await Catalog(c => c.GetDraftAsync()))!.Revision);
    }

    [Fact]
    public async Task Proposal_AcceptedIntoTheDraft_IsTracedIntoThePublishedVersion()
    {
        var change = await Proposals(p => p.CreateAsync(new ProposalInput(
            ProposalKind.Change, "P1-01", null, null, "Say when to update the canvas",
            new("", ""), new("", "Update the canvas at every phase gate and after each user test."), new("", ""),
            [], null, "Teams forget to update it.", "Three reviews in 2026 found stale canvases."), Proposer));
        var added = await Proposals(p => p.CreateAsync(new ProposalInput(
            ProposalKind.New, null, null, "UX", "Check error messages with users",
            new("エラーメッセージの確認", "Error messages tested"), new("利用者と確認します。", "Test them with users."), new("記録", "Test notes"),
            [LifecyclePhase.Development], CheckType.H, "Errors block people most.", null), Proposer));
        await Proposals(p => p.CommentAsync(change.Id, "Agreed; the canvas goes stale fast.", Admin));
        Assert.Equal(1, change.Number);
        Assert.Equal(2, added.Number);

        await Proposals(p => p.AcceptAsync(change.Id, null, Admin));
        var draft = await Proposals(p => p.AcceptAsync(added.Id, "Good idea", Admin));
        var published = await Catalog(c => c.PublishAsync(draft.Revision, "1.2.0", new("提案を反映", "Proposals applied")));

        Assert.Equal("Update the canvas at every phase gate and after each user test.", published.Document.FindCheckpoint("P1-01")!.Guidance.En);
        Assert.Equal("Error messages tested", published.Document.FindCheckpoint("UX-12")!.Title.En);
        var applied = await Proposals(p => p.ListAsync(appliedVersionId: published.Id));
        Assert.Equal([2, 1], applied.Select(p => p.Number));
        Assert.All(applied, p => Assert.Equal(ProposalStatus.Accepted, p.Status));
        Assert.Equal("UX-12", applied[0].CheckpointId);

        var events = await InScope(sp => sp.GetRequiredService<ShishinDbContext>().AuditEvents.Select(e => e.EntityType + " " + e.Action).ToListAsync());
        Assert.Contains("ChangeProposal ChangeProposal.created", events);
        Assert.Contains("ChangeProposal ChangeProposal.updated", events);
        Assert.Contains("ProposalComment ProposalComment.created", events);
        Assert.Contains("checkpoint catalog.proposal.applied", events);
    }

    [Fact]
    public async Task Proposal_Declined_NeedsAReason_AndOnlyTheProposerCanWithdraw()
    {
        var first = await Proposals(p => p.CreateAsync(new ProposalInput(
            ProposalKind.Change, "SE-01", null, null, "Require TLS 1.3", new("", "Use TLS 1.3 only"), new("", ""), new("", ""),
            [], null, "Newer is safer.", null), Proposer));
        var second = await Proposals(p => p.CreateAsync(new ProposalInput(
            ProposalKind.Change, "SE-01", null, null, "Drop HSTS", new("", "No HSTS"), new("", ""), new("", ""),
            [], null, "Simpler.", null), Proposer));

        var noReason = await Assert.ThrowsAsync<CatalogException>(() => Proposals(p => p.DeclineAsync(first.Id, " ", Admin)));
        Assert.Equal(CatalogErrorKind.Invalid, noReason.Kind);
        await Proposals(p => p.DeclineAsync(first.Id, "Many residents' devices do not support TLS 1.3 yet.", Admin));
        await Assert.ThrowsAsync<CatalogException>(() => Proposals(p => p.WithdrawAsync(second.Id, Admin)));
        await Proposals(p => p.WithdrawAsync(second.Id, Proposer));

        var mine = await Proposals(p => p.ListAsync(proposerId: Proposer.UserId));
        Assert.Equal([ProposalStatus.Withdrawn, ProposalStatus.Declined], mine.Select(p => p.Status));
        Assert.Null(await Catalog(c => c.GetDraftAsync()));
        var again = await Assert.ThrowsAsync<CatalogException>(() => Proposals(p => p.AcceptAsync(first.Id, null, Admin)));
        Assert.Equal(CatalogErrorKind.Conflict, again.Kind);
    }

    [Fact]
    public async Task Proposal_WithMissingFields_IsRefusedFieldByField()
    {
        var ex = await Assert.ThrowsAsync<CatalogException>(() => Proposals(p => p.CreateAsync(new ProposalInput(
            ProposalKind.New, null, 11, null, "", new("", "Only English"), new("", ""), new("", ""), [], null, "", null), Proposer)));

        Assert.Equal(
            ["summary", "rationale", "owner", "title.ja", "guidance.ja", "guidance.en", "evidence.ja", "evidence.en", "phases", "checkType"],
            ex.Issues.Select(i => i.Field));
    }

    [Fact]
    public async Task DiscardDraft_ReopensTheProposalsAcceptedIntoIt()
    {
        var proposal = await Proposals(p => p.CreateAsync(new ProposalInput(
            ProposalKind.Change, "P2-01", null, null, "Shorter title", new("短い題", ""), new("", ""), new("", ""),
            [], null, "Clearer.", null), Proposer));
        var draft = await Proposals(p => p.AcceptAsync(proposal.Id, null, Admin));

        await Catalog(async c => { await c.DiscardDraftAsync(draft.Revision); return 0; });

        var reopened = await Proposals(p => p.GetAsync(proposal.Id));
        Assert.Equal(ProposalStatus.Open, reopened!.Status);
        Assert.Null(reopened.AppliedVersionId);
        Assert.Null(await Catalog(c => c.GetDraftAsync()));
    }
}

public sealed class CatalogServiceTests_Sqlite() : CatalogServiceTests(TestProvider.Sqlite);

public sealed class CatalogServiceTests_Postgres() : CatalogServiceTests(TestProvider.Postgres);
