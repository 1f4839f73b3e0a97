using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Auditing;
using Shishin.Core.Data;
using Shishin.Core.Organizations;
using Shishin.Tests;

namespace Shishin.Core.Tests.Data;

public abstract class DatabaseTests(CoreFixture fixture)
{
    [Fact]
    public async Task Model_ComparedWithMigrations_HasNoPendingChanges()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();

        Assert.False(db.Database.HasPendingModelChanges(), $"The model has changes without a {fixture.Database.Provider} migration: run dotnet ef migrations add for both providers.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Initialize_RunTwice_KeepsOneCopyOfReferenceData()
    {
        await fixture.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();

        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        Assert.Equal(62, await db.Organizations.CountAsync(o => o.Kind == OrganizationKind.Municipality));
        Assert.Equal(4, await db.Roles.CountAsync());
    }

    [Fact]
    public async Task AuditEvents_UpdateOrDeleteInSql_AreRefusedByTheDatabase()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        Assert.True(await db.AuditEvents.AnyAsync());

        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Action\" = 'tampered'"));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEvents\""));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == "tampered"));
    }

    [Fact]
    public async Task AuditEvents_ChangedThroughTheContext_AreRefused()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var first = await db.AuditEvents.OrderBy(e => e.Id).FirstAsync();

        first.Action = "tampered";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEvents.Remove(first);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task EntityChange_AnyEntity_AppendsEventWithActorAndChangedFieldsOnly()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<AuditActor>();
        actor.Name = "tester@example.jp";
        actor.UserId = Guid.NewGuid();
        actor.ClientIp = "192.0.2.7";
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var organization = await db.Organizations.SingleAsync(o => o.Key == "hachioji");
        var before = organization.NameEn;

        organization.NameEn = "Hachioji City (test)";
        await db.SaveChangesAsync();
        organization.NameEn = before;
        await db.SaveChangesAsync();

        var change = await db.AuditEvents.Where(e => e.EntityId == organization.Id.ToString() && e.Action == "Organization.updated")
            .OrderBy(e => e.Id).FirstAsync();
        Assert.Equal("tester@example.jp", change.ActorName);
        Assert.Equal(actor.UserId, change.ActorId);
        Assert.Equal("192.0.2.7", change.ClientIp);
        Assert.Equal("""{"NameEn":"Hachioji City"}""", change.Before);
        Assert.Equal("""{"NameEn":"Hachioji City (test)"}""", change.After);
    }
}

public sealed class DatabaseTests_Sqlite(SqliteCoreFixture fixture) : DatabaseTests(fixture), IClassFixture<SqliteCoreFixture>
{
    private readonly SqliteCoreFixture fixture = fixture;

    [Fact]
    public async Task Sqlite_EveryConnection_UsesWalAndFullSynchronousCommits()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();

        await using var journal = connection.CreateCommand();
        journal.CommandText = "PRAGMA journal_mode";
        await using var sync = connection.CreateCommand();
        sync.CommandText = "PRAGMA synchronous";

        Assert.Equal("wal", (string?)await journal.ExecuteScalarAsync());
        Assert.Equal(2L, (long?)await sync.ExecuteScalarAsync()); // 2 = FULL
    }
}

public sealed class DatabaseTests_Postgres(PostgresCoreFixture fixture) : DatabaseTests(fixture), IClassFixture<PostgresCoreFixture>;
