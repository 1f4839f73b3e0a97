using Shishin.Core.Organizations;

namespace Shishin.Core.Tests.Organizations;

public sealed class SeedTests
{
    [Theory]
    [InlineData("130001", true)]
    [InlineData("131016", true)]
    [InlineData("132012", true)]
    [InlineData("134210", true)]
    [InlineData("131017", false)]
    [InlineData("13101", false)]
    [InlineData("13101a", false)]
    [InlineData("", false)]
    public void CheckDigit_KnownCodes_AreRecognised(string code, bool valid) =>
        Assert.Equal(valid, LocalGovernmentCodes.HasValidCheckDigit(code));

    [Fact]
    public void Seed_Municipalities_Are23Wards26Cities5Towns8Villages()
    {
        var seed = OrganizationService.LoadSeed();
        var municipalities = seed.Where(o => o.Kind == OrganizationKind.Municipality).ToList();

        Assert.Equal(23, municipalities.Count(m => m.NameJa.EndsWith('区')));
        Assert.Equal(26, municipalities.Count(m => m.NameJa.EndsWith('市')));
        Assert.Equal(5, municipalities.Count(m => m.NameJa.EndsWith('町')));
        Assert.Equal(8, municipalities.Count(m => m.NameJa.EndsWith('村')));
        Assert.All(municipalities, m => Assert.True(LocalGovernmentCodes.HasValidCheckDigit(m.LocalGovernmentCode!), m.NameJa));
        Assert.Equal(seed.Count, seed.Select(o => o.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(seed.Where(o => o.Parent is not null), o => Assert.Contains(seed, p => p.Key == o.Parent));
        Assert.All(seed, o => Assert.False(string.IsNullOrWhiteSpace(o.NameEn), o.Key));
    }
}
