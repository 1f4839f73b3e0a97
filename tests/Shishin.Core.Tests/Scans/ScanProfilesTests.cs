using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Data;
using Shishin.Core.Scans;
using Shishin.Tests;

namespace Shishin.Core.Tests.Scans;

public sealed class ScanProfileValidationTests
{
    private static readonly ScanProfileInput Valid = new("公開サイト", "https://www.example.lg.jp/ https://www.example.lg.jp/apply", 50, 3, "/apply/**\n/news/**", "", false, true, ScanCadence.Weekly);

    public static TheoryData<string, ScanProfileInput> Invalid => new()
    {
        { "Name", Valid with { Name = "  " } },
        { "Name", Valid with { Name = new string('名', 201) } },
        { "StartUrls", Valid with { StartUrls = "www.example.lg.jp/" } },
        { "StartUrls", Valid with { StartUrls = "ftp://www.example.lg.jp/" } },
        { "StartUrls", Valid with { StartUrls = "javascript:alert(1)" } },
        { "StartUrls", Valid with { StartUrls = "https://user:secret@www.example.lg.jp/" } },
        { "StartUrls", Valid with { StartUrls = string.Join(' ', Enumerable.Range(0, 21).Select(i => $"https://www.example.lg.jp/{i}")) } },
        { "MaxPages", Valid with { MaxPages = null } },
        { "MaxPages", Valid with { MaxPages = 0 } },
        { "MaxPages", Valid with { MaxPages = 1001 } },
        { "MaxDepth", Valid with { MaxDepth = -1 } },
        { "MaxDepth", Valid with { MaxDepth = 11 } },
        { "Include", Valid with { Include = "/apply/**\n/has space/**" } },
        { "Exclude", Valid with { Exclude = string.Join('\n', Enumerable.Range(0, 51).Select(i => $"/x{i}/**")) } },
        { "Exclude", Valid with { Exclude = "/" + new string('a', 500) } },
        { "Cadence", Valid with { Cadence = (ScanCadence)42 } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_BadField_NamesExactlyThatField(string field, ScanProfileInput input)
    {
        var errors = ScanProfiles.Validate(input);

        Assert.Equal([field], errors.Select(e => e.Field));
    }

    [Fact]
    public void Validate_EmptyStartUrlsAndBlankGlobLines_AreAccepted()
    {
        var errors = ScanProfiles.Validate(Valid with { StartUrls = "", Include = "\n  \n/apply/**\r\n\n", Exclude = null });

        Assert.Empty(errors);
    }
}

/// <summary>Saving profiles on the real database: blank glob lines dropped, optimistic concurrency, the audit log.</summary>
public abstract class ScanProfilesTests(CoreFixture fixture)
{
    private static readonly ScanProfileInput Input = new("公開サイト", "https://www.example.lg.jp/\nhttps://www.example.lg.jp/apply", 20, 2, "/apply/**\n\n/news/**\n", "", true, false, ScanCadence.Daily);

    [Fact]
    public async Task Update_StaleRevision_IsAConflictAndChangesNothing()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var profiles = scope.ServiceProvider.GetRequiredService<ScanProfiles>();
        var service = await ScanSamples.ServiceAsync(db, $"profile-{Guid.NewGuid():N}"[..20]);
        var created = (await profiles.CreateAsync(service, Input)).Profile!;
        Assert.True((await profiles.UpdateAsync(service, created.Id, Input with { MaxPages = 30 }, 0)).Outcome == ScanProfileOutcome.Saved);

        var stale = await profiles.UpdateAsync(service, created.Id, Input with { MaxPages = 40 }, 0);
        var staleDelete = await profiles.DeleteAsync(service, created.Id, 0);

        Assert.Equal(ScanProfileOutcome.Conflict, stale.Outcome);
        Assert.Equal(ScanProfileOutcome.Conflict, staleDelete);
        var stored = await db.ScanProfiles.AsNoTracking().SingleAsync(p => p.Id == created.Id);
        Assert.Equal((30, 1), (stored.MaxPages, stored.Revision));
        Assert.Equal("https://www.example.lg.jp/ https://www.example.lg.jp/apply", stored.StartUrls);
        Assert.Equal("/apply/**\n/news/**", stored.Include);
        Assert.Equal((true, false, ScanCadence.Daily), (stored.Mobile, stored.Wcag22, stored.Cadence));
    }

    [Fact]
    public async Task CreateUpdateDelete_EachStep_IsInTheAuditLog()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var profiles = scope.ServiceProvider.GetRequiredService<ScanProfiles>();
        var service = await ScanSamples.ServiceAsync(db, $"audit-{Guid.NewGuid():N}"[..20]);
        var id = (await profiles.CreateAsync(service, Input)).Profile!.Id;
        await profiles.UpdateAsync(service, id, Input with { Name = "改名" }, 0);

        var deleted = await profiles.DeleteAsync(service, id, 1);

        Assert.Equal(ScanProfileOutcome.Saved, deleted);
        var actions = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(ScanProfile) && e.EntityId == id.ToString())
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal(["ScanProfile.created", "ScanProfile.updated", "ScanProfile.deleted"], actions);
    }
}

public sealed class ScanProfilesTests_Sqlite(SqliteCoreFixture fixture) : ScanProfilesTests(fixture), IClassFixture<SqliteCoreFixture>;

public sealed class ScanProfilesTests_Postgres(PostgresCoreFixture fixture) : ScanProfilesTests(fixture), IClassFixture<PostgresCoreFixture>;
