using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Auditing;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;
using Shishin.Core.Services;
using Shishin.Tests;

namespace Shishin.Core.Tests.Services;

/// <summary>The register's writes on a real database: validation, scope, conflicts, phase history and KPIs.</summary>
public abstract class ServiceRegistryTests(CoreFixture fixture)
{
    // 00:30 on 1 April in Tokyo, still 31 March in UTC: the first phase change must carry the Japanese date.
    private static readonly DateTimeOffset Now = new(2026, 3, 31, 15, 30, 0, TimeSpan.Zero);

    private static readonly ServiceScope Admin = new(new Viewer(null, new HashSet<string> { Roles.Admin }), new HashSet<Guid>(), new HashSet<Guid>());

    private async Task<T> WithRegistry<T>(Func<ServiceRegistry, ShishinDbContext, Task<T>> action)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "test";
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        return await action(new ServiceRegistry(db, new FixedClock(Now)), db);
    }

    private async Task<Organization> OrganizationAsync(string key)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<OrganizationService>().FindByKeyAsync(key))!;
    }

    private async Task<Organization> PartnerCompanyAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "test";
        var organizations = scope.ServiceProvider.GetRequiredService<OrganizationService>();
        return await organizations.FindByKeyAsync("registry-vendor")
            ?? await organizations.CreateAsync(new OrganizationInput("registry-vendor", OrganizationKind.Partner, "試験ベンダー", "Test vendor", null, null));
    }

    private static string NewKey() => "svc-" + Guid.NewGuid().ToString("N")[..12];

    private static ServiceInput Input(string key, string organization = "chiyoda", IReadOnlyList<string>? partners = null, string nameEn = "Nursery application") =>
        new(key, "保育所入所申請", nameEn, "説明", "Description", organization, partners ?? [], ["https://www.city.chiyoda.lg.jp/apply"], "都民", "web", true, "development");

    private static ServiceScope OwnerOf(params Guid[] organizations) =>
        new(new Viewer(Guid.NewGuid(), new HashSet<string> { Roles.ServiceOwner }), organizations.ToHashSet(), new HashSet<Guid>());

    [Fact]
    public async Task Create_ValidInput_SavesWithTheFirstPhaseChangeDatedTodayInJapan()
    {
        var partner = await PartnerCompanyAsync();
        var key = NewKey();

        var result = await WithRegistry((r, _) => r.CreateAsync(Input(key, partners: [partner.Key]), Admin));

        Assert.Equal(RegistryOutcome.Saved, result.Outcome);
        var service = result.Value!;
        Assert.Equal(1, service.Revision);
        Assert.Equal("chiyoda", service.OwnerOrganization!.Key);
        Assert.Equal([partner.Key], service.Partners.Select(p => p.Organization!.Key));
        Assert.Equal(ServicePhase.Development, service.Phase);
        var change = Assert.Single(service.PhaseChanges);
        Assert.Equal((ServicePhase.Development, new DateOnly(2026, 4, 1)), (change.Phase, change.EnteredOn));
    }

    [Fact]
    public async Task Create_EveryFieldWrong_ReportsEachFieldWithItsCode()
    {
        var partner = await PartnerCompanyAsync();
        var input = new ServiceInput("Bad Key!", " ", new string('x', 201), "", "", partner.Key, ["minato", "no-such-company"],
            ["ftp://example.jp/file", "https://example.jp/ok"], "", "fax", false, "someday");

        var result = await WithRegistry((r, _) => r.CreateAsync(input, Admin));

        Assert.Equal(RegistryOutcome.Invalid, result.Outcome);
        Assert.Equal(
            new[]
            {
                (ServiceFields.Key, ServiceErrorCode.InvalidKey),
                (ServiceFields.NameJa, ServiceErrorCode.Required),
                (ServiceFields.NameEn, ServiceErrorCode.TooLong),
                (ServiceFields.Organization, ServiceErrorCode.OwnerIsPartner),
                (ServiceFields.Partners, ServiceErrorCode.UnknownPartner),
                (ServiceFields.Partners, ServiceErrorCode.NotAPartner),
                (ServiceFields.EntryUrls, ServiceErrorCode.InvalidUrl),
                (ServiceFields.Channel, ServiceErrorCode.UnknownChannel),
                (ServiceFields.Phase, ServiceErrorCode.UnknownPhase),
            }.Order(),
            result.Errors.Select(e => (e.Field, e.Code)).Order());
    }

    [Fact]
    public async Task Create_KeyInUseAndUnknownOrganisation_AreRefused()
    {
        var key = NewKey();
        await WithRegistry((r, _) => r.CreateAsync(Input(key), Admin));

        var again = await WithRegistry((r, _) => r.CreateAsync(Input(key, organization: "no-such-organisation"), Admin));

        Assert.Equal(
            new[] { (ServiceFields.Key, ServiceErrorCode.KeyTaken), (ServiceFields.Organization, ServiceErrorCode.UnknownOrganization) },
            again.Errors.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public async Task Create_ServiceOwnerInAnotherOrganisation_IsForbiddenAndNothingIsSaved()
    {
        var chiyoda = await OrganizationAsync("chiyoda");
        var key = NewKey();

        var result = await WithRegistry((r, _) => r.CreateAsync(Input(key, organization: "minato"), OwnerOf(chiyoda.Id)));

        Assert.Equal(RegistryOutcome.Forbidden, result.Outcome);
        Assert.False(await WithRegistry((_, db) => db.Services.AnyAsync(s => s.Key == key)));
    }

    [Fact]
    public async Task Update_FromAStaleRevision_IsAConflictCarryingTheCurrentValues()
    {
        var key = NewKey();
        await WithRegistry((r, _) => r.CreateAsync(Input(key), Admin));

        var first = await WithRegistry((r, _) => r.UpdateAsync(key, Input(key, nameEn: "First editor"), 1, Admin));
        var second = await WithRegistry((r, _) => r.UpdateAsync(key, Input(key, nameEn: "Second editor"), 1, Admin));

        Assert.Equal((RegistryOutcome.Saved, 2), (first.Outcome, first.Value!.Revision));
        Assert.Equal(RegistryOutcome.Conflict, second.Outcome);
        Assert.Equal(("First editor", 2), (second.Value!.NameEn, second.Value.Revision));
        Assert.Equal("First editor", (await WithRegistry((r, _) => r.FindAsync(key)))!.NameEn);
    }

    [Fact]
    public async Task Update_ByOthers_HiddenIsNotFoundAndVisibleIsForbidden()
    {
        var chiyoda = await OrganizationAsync("chiyoda");
        var hidden = NewKey();
        var visible = NewKey();
        await WithRegistry((r, _) => r.CreateAsync(Input(hidden, organization: "minato") with { IsPublic = false }, Admin));
        await WithRegistry((r, _) => r.CreateAsync(Input(visible, organization: "minato"), Admin));

        var onHidden = await WithRegistry((r, _) => r.UpdateAsync(hidden, Input(hidden, organization: "minato"), 1, OwnerOf(chiyoda.Id)));
        var onVisible = await WithRegistry((r, _) => r.UpdateAsync(visible, Input(visible, organization: "minato"), 1, OwnerOf(chiyoda.Id)));

        Assert.Equal((RegistryOutcome.NotFound, RegistryOutcome.Forbidden), (onHidden.Outcome, onVisible.Outcome));
    }

    [Fact]
    public async Task Update_ServiceOwnerOfTheParentBureau_MayEditAServiceOfItsSubOrganisation()
    {
        // Arrange: a member of a bureau only (not of its sub-organisation), their scope made as the app makes it.
        var (root, child) = await new RegisterSamples(fixture.Services).TreeAsync();
        var childKey = await WithRegistry(async (_, db) => (await db.Organizations.SingleAsync(o => o.Id == child)).Key);
        var key = NewKey();
        await WithRegistry((r, _) => r.CreateAsync(Input(key, organization: childKey), Admin));
        var owner = await WithRegistry(async (_, db) =>
        {
            var user = new ShishinUser { UserName = $"bureau-{Guid.NewGuid():N}@example.jp", Email = $"bureau-{Guid.NewGuid():N}@example.jp", DisplayName = "局 太郎" };
            db.Users.Add(user);
            db.UserOrganizations.Add(new UserOrganization { UserId = user.Id, OrganizationId = root });
            await db.SaveChangesAsync();
            return await new ServiceAccess(db).ScopeAsync(new Viewer(user.Id, new HashSet<string> { Roles.ServiceOwner }));
        });

        // Act
        var result = await WithRegistry((r, _) => r.UpdateAsync(key, Input(key, organization: childKey, nameEn: "Edited by the bureau"), 1, owner));

        // Assert
        Assert.Equal(RegistryOutcome.Saved, result.Outcome);
        Assert.Equal("Edited by the bureau", (await WithRegistry((r, _) => r.FindAsync(key)))!.NameEn);
    }

    [Fact]
    public async Task Update_PartnersAndPhaseChanged_SavesTheNewSetAndRecordsThePhase()
    {
        var partner = await PartnerCompanyAsync();
        var key = NewKey();
        await WithRegistry((r, _) => r.CreateAsync(Input(key, partners: [partner.Key]), Admin));

        var removed = await WithRegistry((r, _) => r.UpdateAsync(key, Input(key, partners: []), 1, Admin));
        var added = await WithRegistry((r, _) => r.UpdateAsync(key, Input(key, partners: [partner.Key]) with { Phase = "operation" }, 2, Admin));

        Assert.Empty(removed.Value!.Partners);
        Assert.Equal([partner.Key], added.Value!.Partners.Select(p => p.Organization!.Key));
        Assert.Equal([ServicePhase.Development, ServicePhase.Operation], added.Value.PhaseChanges.Select(c => c.Phase).Order());
        Assert.Equal(1, await WithRegistry((_, db) => db.ServicePartners.CountAsync(p => p.ServiceId == removed.Value.Id)));
    }

    [Fact]
    public async Task ChangePhase_NewPhaseThenTheSameAgain_AppendsOnceAndRefusesTheRepeat()
    {
        var key = NewKey();
        await WithRegistry((r, _) => r.CreateAsync(Input(key), Admin));

        var moved = await WithRegistry((r, _) => r.ChangePhaseAsync(key, new PhaseInput("運用", new DateOnly(2026, 4, 1), "リリース"), Admin));
        var repeated = await WithRegistry((r, _) => r.ChangePhaseAsync(key, new PhaseInput("operation", null, ""), Admin));
        var future = await WithRegistry((r, _) => r.ChangePhaseAsync(key, new PhaseInput("retired", new DateOnly(2026, 4, 2), ""), Admin));
        var earlier = await WithRegistry((r, _) => r.ChangePhaseAsync(key, new PhaseInput("retired", new DateOnly(2026, 3, 1), ""), Admin));

        Assert.Equal(RegistryOutcome.Saved, moved.Outcome);
        Assert.Equal(ServicePhase.Operation, moved.Value!.Phase);
        Assert.Equal(
            [(ServicePhase.Development, ""), (ServicePhase.Operation, "リリース")],
            moved.Value.PhaseChanges.OrderBy(c => c.RecordedAt).ThenBy(c => c.Phase).Select(c => (c.Phase, c.Note)));
        Assert.Equal((ServiceFields.Phase, ServiceErrorCode.SamePhase), (repeated.Errors.Single().Field, repeated.Errors.Single().Code));
        Assert.Equal(ServiceErrorCode.FutureDate, future.Errors.Single().Code);
        Assert.Equal(ServiceErrorCode.BeforePreviousChange, earlier.Errors.Single().Code);
        Assert.Equal(2, (await WithRegistry((r, _) => r.FindAsync(key)))!.PhaseChanges.Count);
    }

    [Theory]
    [InlineData(1999, null, null, null, ServiceFields.FiscalYear, ServiceErrorCode.FiscalYearOutOfRange)]
    [InlineData(2101, null, null, null, ServiceFields.FiscalYear, ServiceErrorCode.FiscalYearOutOfRange)]
    [InlineData(2025, -1, null, null, ServiceFields.AnnualApplications, ServiceErrorCode.Negative)]
    [InlineData(2025, 10, 11, null, ServiceFields.DigitalApplications, ServiceErrorCode.DigitalExceedsAnnual)]
    [InlineData(2025, null, null, "12.25", ServiceFields.MedianCompletionMinutes, ServiceErrorCode.TooPrecise)]
    [InlineData(2025, null, null, "-0.5", ServiceFields.MedianCompletionMinutes, ServiceErrorCode.Negative)]
    [InlineData(2025, null, null, "100000000", ServiceFields.MedianCompletionMinutes, ServiceErrorCode.TooLarge)]
    public void CheckKpi_BadFigure_NamesTheField(int year, int? annual, int? digital, string? minutes, string field, ServiceErrorCode code)
    {
        var input = new KpiInput(year, annual, digital, minutes is null ? null : decimal.Parse(minutes, System.Globalization.CultureInfo.InvariantCulture), null, null, null);

        var error = Assert.Single(ServiceRegistry.CheckKpi(input));

        Assert.Equal((field, code), (error.Field, error.Code));
    }

    [Fact]
    public async Task SaveKpi_NewYearThenTwoEditorsOfIt_SecondIsAConflictAndTakeUpIsDerived()
    {
        var key = NewKey();
        await WithRegistry((r, _) => r.CreateAsync(Input(key), Admin));

        var added = await WithRegistry((r, _) => r.SaveKpiAsync(key, new KpiInput(2025, 1200, 300, 12.5m, 20, 2, 7), null, Admin));
        var addedAgain = await WithRegistry((r, _) => r.SaveKpiAsync(key, new KpiInput(2025, 1, 1, null, null, null, null), null, Admin));
        var first = await WithRegistry((r, _) => r.SaveKpiAsync(key, new KpiInput(2025, 1200, 600, 12.5m, 20, 2, 7), 1, Admin));
        var second = await WithRegistry((r, _) => r.SaveKpiAsync(key, new KpiInput(2025, 1200, 900, 12.5m, 20, 2, 7), 1, Admin));

        Assert.Equal((RegistryOutcome.Saved, 1, 25.0m), (added.Outcome, added.Value!.Revision, added.Value.DigitalTakeUpPercent));
        Assert.Equal((RegistryOutcome.Conflict, 1200), (addedAgain.Outcome, addedAgain.Value!.AnnualApplications));
        Assert.Equal((RegistryOutcome.Saved, 2), (first.Outcome, first.Value!.Revision));
        Assert.Equal((RegistryOutcome.Conflict, 600), (second.Outcome, second.Value!.DigitalApplications));
        var stored = Assert.Single((await WithRegistry((r, _) => r.FindAsync(key)))!.Kpis);
        Assert.Equal(50.0m, stored.DigitalTakeUpPercent);
    }

    [Fact]
    public async Task SaveKpi_PartnerOfTheService_IsForbidden()
    {
        var partner = await PartnerCompanyAsync();
        var key = NewKey();
        await WithRegistry((r, _) => r.CreateAsync(Input(key, partners: [partner.Key]) with { IsPublic = false }, Admin));
        var partnerScope = new ServiceScope(new Viewer(Guid.NewGuid(), new HashSet<string> { Roles.Partner }), new HashSet<Guid>(), new HashSet<Guid> { partner.Id });

        var result = await WithRegistry((r, _) => r.SaveKpiAsync(key, new KpiInput(2025, 1, 1, null, null, null, null), null, partnerScope));

        Assert.Equal(RegistryOutcome.Forbidden, result.Outcome);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class ServiceRegistryTests_Sqlite(SqliteCoreFixture fixture) : ServiceRegistryTests(fixture), IClassFixture<SqliteCoreFixture>;

public sealed class ServiceRegistryTests_Postgres(PostgresCoreFixture fixture) : ServiceRegistryTests(fixture), IClassFixture<PostgresCoreFixture>;
