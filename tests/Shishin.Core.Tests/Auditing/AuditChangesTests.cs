using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Auditing;
using Shishin.Core.Data;
using Shishin.Core.Organizations;
using Shishin.Tests;

namespace Shishin.Core.Tests.Auditing;

public sealed class AuditChangesTests
{
    [Fact]
    public void Read_UpdatedFields_ListsEachFieldWithBeforeAndAfter()
    {
        var changes = AuditChanges.Read("""{"NameJa":"アクメ株式会社","IsActive":true}""", """{"NameJa":"アクメ合同会社","IsActive":false}""");

        Assert.Equal(
            [new AuditFieldChange("NameJa", "アクメ株式会社", "アクメ合同会社"), new AuditFieldChange("IsActive", "true", "false")],
            changes);
    }

    [Fact]
    public void Read_EnumStoredAsNumber_ShowsTheEnumName()
    {
        var changes = AuditChanges.Read("""{"Kind":1}""", """{"Kind":3}""", name => name == "Kind" ? typeof(OrganizationKind) : null);

        Assert.Equal([new AuditFieldChange("Kind", "Bureau", "Partner")], changes);
    }

    [Fact]
    public void Read_UtcTimeField_ShowsJapanTime()
    {
        var changes = AuditChanges.Read(null, """{"CreatedAt":"2026-04-01T15:30:00Z","ParentId":null}""", name => name == "CreatedAt" ? typeof(DateTime) : null);

        Assert.Equal([new AuditFieldChange("CreatedAt", null, "2026-04-02 00:30:00"), new AuditFieldChange("ParentId", null, null)], changes);
    }

    [Fact]
    public void Read_NestedValueAndBrokenJson_ShownAsTextNotHidden()
    {
        var nested = AuditChanges.Read(null, """{"fields":[{"Field":"title.ja"}]}""");
        var broken = AuditChanges.Read("{not json", null);

        Assert.Equal([new AuditFieldChange("fields", null, """[{"Field":"title.ja"}]""")], nested);
        Assert.Equal([new AuditFieldChange("before", "{not json", null)], broken);
    }
}

/// <summary>What the log stores for an entity change, and how <see cref="AuditLog.Describe"/> reads it back.</summary>
public abstract class AuditDescribeTests(CoreFixture fixture)
{
    [Fact]
    public async Task Describe_OrganisationKindChanged_NamesTheKindsNotNumbers()
    {
        // Arrange: a partner that becomes a bureau
        await using var scope = fixture.Services.CreateAsyncScope();
        var organizations = scope.ServiceProvider.GetRequiredService<OrganizationService>();
        var key = $"audit-{Guid.NewGuid():N}"[..20];
        var created = await organizations.CreateAsync(new(key, OrganizationKind.Partner, "監査株式会社", "Audit Ltd.", null, null));

        // Act
        await organizations.UpdateAsync(created.Id, new(key, OrganizationKind.Bureau, "監査局", "Audit Bureau", null, null));

        // Assert: stored by name, read back by name
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var update = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.EntityId == created.Id.ToString() && e.Action == "Organization.updated");
        Assert.Contains("\"Kind\":\"Bureau\"", update.After, StringComparison.Ordinal);
        var changes = scope.ServiceProvider.GetRequiredService<AuditLog>().Describe(update);
        Assert.Contains(new AuditFieldChange("Kind", "Partner", "Bureau"), changes);
        Assert.Contains(new AuditFieldChange("NameJa", "監査株式会社", "監査局"), changes);
    }

    [Fact]
    public async Task Describe_OldEventWithEnumNumber_NamesTheKind()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var old = new AuditEvent
        {
            ActorName = "system", Action = "Organization.created", EntityType = nameof(Organization), EntityId = "x",
            After = """{"Kind":2,"CreatedAt":"2026-01-01T00:00:00Z"}""",
        };

        var changes = audit.Describe(old);

        Assert.Equal([new AuditFieldChange("Kind", null, "Municipality"), new AuditFieldChange("CreatedAt", null, "2026-01-01 09:00:00")], changes);
    }
}

public sealed class AuditDescribeTests_Sqlite(SqliteCoreFixture fixture) : AuditDescribeTests(fixture), IClassFixture<SqliteCoreFixture>;

public sealed class AuditDescribeTests_Postgres(PostgresCoreFixture fixture) : AuditDescribeTests(fixture), IClassFixture<PostgresCoreFixture>;
