using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Data;
using Shishin.Core.Organizations;
using Shishin.Tests;

namespace Shishin.Core.Tests.Auditing;

public abstract class AuditInterceptorTests(CoreFixture fixture)
{
    [Fact]
    public async Task SaveChanges_FailedThenRetriedOnTheSameContext_RecordsOneEventWithTheSavedValues()
    {
        // Arrange: an organisation whose key collides with a seeded one
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var organization = new Organization { Key = "hachioji", Kind = OrganizationKind.Partner, NameJa = "試験株式会社", NameEn = "Test Ltd." };
        db.Organizations.Add(organization);

        // Act: the first save fails on the unique key; the corrected entity is saved by the same context
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        organization.Key = $"test-{Guid.NewGuid():N}";
        await db.SaveChangesAsync();

        // Assert: one event, describing what was stored
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.EntityId == organization.Id.ToString()).ToListAsync();
        var created = Assert.Single(events);
        Assert.Equal("Organization.created", created.Action);
        Assert.Equal(organization.Key, JsonDocument.Parse(created.After!).RootElement.GetProperty("Key").GetString());
    }
}

public sealed class AuditInterceptorTests_Sqlite(SqliteCoreFixture fixture) : AuditInterceptorTests(fixture), IClassFixture<SqliteCoreFixture>;

public sealed class AuditInterceptorTests_Postgres(PostgresCoreFixture fixture) : AuditInterceptorTests(fixture), IClassFixture<PostgresCoreFixture>;
