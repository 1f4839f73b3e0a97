using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Data;
using Shishin.Core.Organizations;
using Shishin.Tests;

namespace Shishin.Core.Tests.Organizations;

/// <summary>Organisations in the order Tokyo publishes them (DESIGN: Words), on both providers.</summary>
public abstract class OrganizationOrderTests(CoreFixture fixture)
{
    [Fact]
    public void Seed_Municipalities_AreInLocalGovernmentCodeOrder()
    {
        var codes = OrganizationService.LoadSeed().Where(o => o.Kind == OrganizationKind.Municipality).Select(o => o.LocalGovernmentCode!).ToList();

        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
    }

    [Fact]
    public async Task List_SeededInstance_GovernmentThenBureausInSeedOrderThenMunicipalitiesByCode()
    {
        await using var scope = fixture.Services.CreateAsyncScope();

        var listed = await scope.ServiceProvider.GetRequiredService<OrganizationService>().ListAsync();

        var seedKeys = OrganizationService.LoadSeed().Select(o => o.Key).ToList();
        Assert.Equal(seedKeys, listed.Select(o => o.Key).Where(seedKeys.Contains));
        Assert.Equal(["tmg", "bureau-policy-planning", "bureau-children-policy"], listed.Take(3).Select(o => o.Key));
        Assert.Equal("chiyoda", listed.First(o => o.Kind == OrganizationKind.Municipality).Key);
    }

    [Fact]
    public async Task Seed_ExistingDatabaseWithoutPositions_BackfillsOnceAndThenChangesNothing()
    {
        // Arrange: a database seeded before positions existed, with one organisation an admin added
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var organizations = scope.ServiceProvider.GetRequiredService<OrganizationService>();
        var added = await organizations.CreateAsync(new($"later-{Guid.NewGuid():N}"[..16], OrganizationKind.Partner, "後から株式会社", "Later Ltd.", null, null));
        await db.Organizations.ExecuteUpdateAsync(s => s.SetProperty(o => o.SortOrder, 0));

        // Act
        await organizations.SeedAsync();
        var first = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Key, o => o.SortOrder);
        await organizations.SeedAsync();
        var second = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Key, o => o.SortOrder);

        // Assert: seeded rows at their seed positions, the added one after them, and a second start changes nothing
        var seed = OrganizationService.LoadSeed();
        Assert.All(seed.Select((row, i) => (row.Key, Position: i + 1)), p => Assert.Equal(p.Position, first[p.Key]));
        Assert.True(first[added.Key] > seed.Count);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Create_MunicipalityAndPartner_MunicipalityByCodePartnerLast()
    {
        // Arrange: a made-up code with a valid check digit between 132152 (国立市) and 132187 (福生市)
        await using var scope = fixture.Services.CreateAsyncScope();
        var organizations = scope.ServiceProvider.GetRequiredService<OrganizationService>();
        var code = ValidCode("13216");

        // Act
        var municipality = await organizations.CreateAsync(new($"new-town-{Guid.NewGuid():N}"[..20], OrganizationKind.Municipality, "新町", "New Town", code, null));
        var partner = await organizations.CreateAsync(new($"partner-{Guid.NewGuid():N}"[..20], OrganizationKind.Partner, "新会社", "New Co.", null, null));
        var listed = (await organizations.ListAsync()).Select(o => o.Key).ToList();

        // Assert
        Assert.Equal(listed.IndexOf("kunitachi") + 1, listed.IndexOf(municipality.Key));
        Assert.Equal(listed.IndexOf(municipality.Key) + 1, listed.IndexOf("fussa"));
        Assert.Equal(listed.Count - 1, listed.IndexOf(partner.Key));
    }

    [Theory]
    [InlineData("渋谷", "shibuya")]
    [InlineData("ＳＨＩＢＵＹＡ", "shibuya")]
    [InlineData("131130", "shibuya")]
    [InlineData("shibuya city", "shibuya")]
    [InlineData("アキル", "akiruno")]
    public async Task Search_NameKeyOrCodeTypedLoosely_FindsExactlyTheOrganisation(string text, string key)
    {
        await using var scope = fixture.Services.CreateAsyncScope();

        var results = await scope.ServiceProvider.GetRequiredService<OrganizationService>().SearchAsync(text);

        Assert.Equal([key], results.Select(o => o.Key));
    }

    [Fact]
    public async Task Search_NoMatch_ReturnsNothing()
    {
        await using var scope = fixture.Services.CreateAsyncScope();

        var results = await scope.ServiceProvider.GetRequiredService<OrganizationService>().SearchAsync("存在しない組織");

        Assert.Empty(results);
    }

    private static string ValidCode(string five)
    {
        for (var digit = 0; digit <= 9; digit++)
        {
            var code = five + digit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (LocalGovernmentCodes.HasValidCheckDigit(code))
            {
                return code;
            }
        }

        throw new InvalidOperationException("No check digit fits.");
    }
}

public sealed class OrganizationOrderTests_Sqlite(SqliteCoreFixture fixture) : OrganizationOrderTests(fixture), IClassFixture<SqliteCoreFixture>;

public sealed class OrganizationOrderTests_Postgres(PostgresCoreFixture fixture) : OrganizationOrderTests(fixture), IClassFixture<PostgresCoreFixture>;
