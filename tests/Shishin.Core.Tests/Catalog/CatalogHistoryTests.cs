using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Assessments;
using Shishin.Core.Auditing;
using Shishin.Core.Catalog;
using Shishin.Core.Data;
using Shishin.Tests;
using static Shishin.Tests.AssessmentSamples;

namespace Shishin.Core.Tests.Catalog;

/// <summary>
/// The shipped versions (ADR 0023): a fresh instance publishes 1.0.0 and then 1.1.0 from the import; an instance that
/// already has 1.0.0 gets 1.1.0 once as its draft, and what was assessed on 1.0.0 stays on 1.0.0.
/// </summary>
public abstract class CatalogHistoryTests(TestProvider provider) : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.Create(provider);
    private ServiceProvider services = default!;

    public Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddShishinCore(configuration);
        services = collection.BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
    }

    private Task StartAsync() => services.GetRequiredService<DatabaseInitializer>().InitializeAsync();

    private async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "test";
        return await action(scope.ServiceProvider);
    }

    private Task<T> Catalog<T>(Func<CatalogService, Task<T>> action) => InScope(sp => action(sp.GetRequiredService<CatalogService>()));

    [Fact]
    public async Task FreshInstance_Start_Publishes100ThenTheDefaultFromTheImportWithItsChangelog()
    {
        await StartAsync();

        var versions = await Catalog(c => c.ListVersionsAsync());
        var shipped = DefaultCatalog.Load();
        Assert.Equal([(shipped.Version, CatalogVersionStatus.Published), ("1.0.0", CatalogVersionStatus.Published)], versions.Select(v => (v.Version!, v.Status)));
        var current = await Catalog(c => c.GetCurrentAsync());
        Assert.Equal(shipped.Version, current!.Info.Version);
        Assert.Equal(shipped.Changelog, current.Document.Changelog);
        Assert.Equal(shipped.Releases.Select(r => r.Version), current.Document.Releases.Select(r => r.Version));
        Assert.Equal(versions.Single(v => v.Version == "1.0.0").Id, current.BasedOnId);
        var audit = await InScope(sp => sp.GetRequiredService<ShishinDbContext>().AuditEvents.Select(e => e.Action).ToListAsync());
        Assert.Contains("catalog.draft.imported", audit);
        Assert.Contains("catalog.version.published", audit);

        // The diff page has something to show: the header gained the preamble, purpose and structure.
        var diff = await Catalog(c => c.DiffAsync("1.0.0", shipped.Version));
        var header = Assert.Single(diff!.Of(CatalogDiff.HeaderKind));
        Assert.Contains(header.Fields, f => f.Field.StartsWith("preamble[0]", StringComparison.Ordinal) && f.Before is null);
        Assert.Contains(header.Fields, f => f.Field == "structure.principles.name.ja" && f.After == "行動規範");
    }

    [Fact]
    public async Task FreshInstance_SecondStart_ChangesNothing()
    {
        await StartAsync();
        var before = await Catalog(c => c.ListVersionsAsync());

        await StartAsync();

        Assert.Equal(before, await Catalog(c => c.ListVersionsAsync()));
        Assert.Null(await Catalog(c => c.GetDraftAsync()));
    }

    [Fact]
    public async Task InstanceWith100_Start_GetsTheDefaultOnceAsTheDraft_AndAssessmentsKeep100()
    {
        var (assessment, v100) = await Only100WithAnAssessmentAsync();

        await StartAsync();

        var draft = await Catalog(c => c.GetDraftAsync());
        Assert.NotNull(draft);
        Assert.Equal(v100, draft.BasedOnId);
        Assert.Equal("1.0.0", (await Catalog(c => c.GetCurrentAsync()))!.Info.Version);
        var shipped = DefaultCatalog.Load();
        await Catalog(c => c.PublishAsync(draft.Revision, shipped.Version, shipped.Changelog!));

        Assert.Equal(shipped.Version, (await Catalog(c => c.GetCurrentAsync()))!.Info.Version);
        var pinned = await InScope(sp => sp.GetRequiredService<ShishinDbContext>().Assessments.AsNoTracking().Where(a => a.Id == assessment).Select(a => a.CatalogVersionId).SingleAsync());
        Assert.Equal(v100, pinned);
        Assert.Equal("1.0.0", (await Catalog(c => c.GetByIdAsync(pinned)))!.Info.Version);
    }

    [Fact]
    public async Task InstanceWith100_DiscardedOffer_IsNotOfferedAgain()
    {
        await Only100WithAnAssessmentAsync();
        await StartAsync();
        var draft = await Catalog(c => c.GetDraftAsync());
        await Catalog(async c => { await c.DiscardDraftAsync(draft!.Revision); return 0; });

        await StartAsync();

        Assert.Null(await Catalog(c => c.GetDraftAsync()));
        Assert.Equal(["1.0.0"], (await Catalog(c => c.ListVersionsAsync())).Select(v => v.Version));
    }

    [Fact]
    public async Task Publish_DraftThatDropsACheckpointOfTheCurrentVersion_IsRefused_RetiringItIsNot()
    {
        await StartAsync();
        var document = CatalogJson.Clone((await Catalog(c => c.GetCurrentAsync()))!.Document);
        // One the changelog does not name: the changelog must name checkpoints the document holds.
        var named = document.Releases.SelectMany(r => r.Entries).SelectMany(e => e.Ids).ToHashSet(StringComparer.Ordinal);
        var dropped = document.Checkpoints.Last(c => !c.Retired && !named.Contains(c.Id));
        document.Checkpoints.Remove(dropped);
        var draft = await Catalog(c => c.ImportAsync(document));

        var refused = await Assert.ThrowsAsync<CatalogException>(() => Catalog(c => c.PublishAsync(draft.Revision, "9.0.0", new("削除", "Removed"))));

        Assert.Contains(refused.Issues, i => i.Field == "checkpoints" && i.Message.Contains(dropped.Id, StringComparison.Ordinal));
        await Catalog(async c => { await c.DiscardDraftAsync(draft.Revision); return 0; });
        document.Checkpoints.Add(dropped);
        dropped.Retired = true;
        draft = await Catalog(c => c.ImportAsync(document));
        var published = await Catalog(c => c.PublishAsync(draft.Revision, "9.0.0", new("廃止", "Retired")));
        Assert.True(published.Document.FindCheckpoint(dropped.Id)!.Retired);
    }

    /// <summary>
    /// A database migrated and holding only 1.0.0, as an instance of the previous release has it, with one assessment
    /// pinned to it. The initializer's first run (which would seed both versions) is skipped by migrating here.
    /// </summary>
    private async Task<(Guid Assessment, Guid Version)> Only100WithAnAssessmentAsync()
    {
        return await InScope(async sp =>
        {
            var db = sp.GetRequiredService<ShishinDbContext>();
            // As the initializer does: the schema belongs to the owner, who grants the application role at the next start.
            if (provider == TestProvider.Postgres)
            {
                db.Database.SetConnectionString(database.OwnerConnectionString);
            }

            await db.Database.MigrateAsync();
            var v100 = DefaultCatalog.History().Single(d => d.Version == "1.0.0");
            var version = new CatalogVersion
            {
                Version = "1.0.0",
                Status = CatalogVersionStatus.Published,
                Document = CatalogJson.Serialize(v100),
                CreatedAt = DateTime.UtcNow,
                PublishedAt = DateTime.UtcNow,
            };
            db.CatalogVersions.Add(version);
            await db.SaveChangesAsync();
            await sp.GetRequiredService<Shishin.Core.Organizations.OrganizationService>().SeedAsync(CancellationToken.None);
            var owner = await db.Organizations.Where(o => o.Key == "chiyoda").Select(o => o.Id).SingleAsync();
            var service = await ServiceAsync(db, "history-" + Guid.NewGuid().ToString("N")[..8], owner);
            var assessment = await AssessmentAsync(db, service.Id, AssessmentStatus.Published, Rag.Green, []);
            return (assessment.Id, version.Id);
        });
    }
}

public sealed class CatalogHistoryTests_Sqlite() : CatalogHistoryTests(TestProvider.Sqlite);

public sealed class CatalogHistoryTests_Postgres() : CatalogHistoryTests(TestProvider.Postgres);
