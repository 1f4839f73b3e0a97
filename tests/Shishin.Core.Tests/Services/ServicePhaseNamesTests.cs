using Shishin.Core.Services;

namespace Shishin.Core.Tests.Services;

public sealed class ServicePhaseNamesTests
{
    [Theory]
    [InlineData("企画-仮説検討", ServicePhase.Hypothesis)]
    [InlineData("企画-サービス立案", ServicePhase.ServiceDesign)]
    [InlineData("企画ーサービス立案", ServicePhase.ServiceDesign)]
    [InlineData("企画－要件定義・調達", ServicePhase.Requirements)]
    [InlineData("開発", ServicePhase.Development)]
    [InlineData(" operation ", ServicePhase.Operation)]
    [InlineData("Service-Design", ServicePhase.ServiceDesign)]
    public void TryParse_JapaneseNameOrKeyWrittenLoosely_FindsThePhase(string text, ServicePhase expected)
    {
        Assert.True(ServicePhaseNames.TryParse(text, out var phase));
        Assert.Equal(expected, phase);
    }

    [Fact]
    public void TryParse_EveryPhasesOwnNames_RoundTrip()
    {
        Assert.All(Enum.GetValues<ServicePhase>(), p =>
        {
            Assert.True(ServicePhaseNames.TryParse(p.Japanese(), out var fromJapanese), p.Japanese());
            Assert.True(ServicePhaseNames.TryParse(p.Key(), out var fromKey), p.Key());
            Assert.Equal((p, p), (fromJapanese, fromKey));
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("banana")]
    [InlineData("企画")]
    public void TryParse_Unknown_False(string text) => Assert.False(ServicePhaseNames.TryParse(text, out _));
}
