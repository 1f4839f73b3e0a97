using System.Text.Json;
using System.Text.Json.Nodes;
using Shishin.Core.Catalog;

namespace Shishin.Core.Tests.Catalog;

public sealed class DefaultCatalogTests
{
    private static readonly CatalogDocument Catalog = DefaultCatalog.Load();

    [Fact]
    public void Default_Loads_AsVersion110WithTheTenOfficialLabels()
    {
        Assert.Equal("1.1.0", Catalog.Version);
        Assert.Equal(
            ["顧客視点", "シンプル", "アクセシビリティ", "データ利活用", "セキュリティ", "オール東京", "オープン", "共創", "チャレンジ", "ラーニング"],
            Catalog.Principles.Select(p => p.Label.Ja));
        Assert.Equal(["UX", "DA", "SE"], Catalog.Themes.Select(t => t.Key));
    }

    [Fact]
    public void Default_Checkpoints_MeetTheMinimumsPerPrincipleAndTheme()
    {
        Assert.True(Catalog.Checkpoints.Count >= 60, $"{Catalog.Checkpoints.Count} checkpoints");
        foreach (var principle in Catalog.Principles)
        {
            Assert.True(Catalog.CheckpointsOf(principle.Number, null).Count() >= 3, $"principle {principle.Number}");
        }

        foreach (var theme in Catalog.Themes)
        {
            Assert.True(Catalog.CheckpointsOf(null, theme.Key).Count() >= 6, $"theme {theme.Key}");
        }
    }

    [Fact]
    public void Default_EveryCheckpoint_IsCompleteInBothLanguagesAndCitesASource()
    {
        Assert.Empty(CatalogValidator.Validate(Catalog));
        Assert.All(Catalog.Checkpoints, c =>
        {
            Assert.NotEmpty(c.Phases);
            Assert.NotEmpty(c.Sources);
            Assert.NotEqual(c.Title.Ja, c.Title.En);
        });
        Assert.All(Catalog.Checkpoints.Where(c => c.CheckType == CheckType.A), c => Assert.NotEmpty(c.ScannerRules));
        Assert.Contains(Catalog.Checkpoints, c => c.Mappings.Wcag.Count > 0);
        Assert.Contains(Catalog.Checkpoints, c => c.Mappings.Jis.Count > 0);
        Assert.Contains(Catalog.Checkpoints, c => c.Mappings.Asvs.Count > 0);
        Assert.Contains(Catalog.Checkpoints, c => c.Mappings.UkServiceStandard.Count > 0);
        Assert.Contains(Catalog.Checkpoints, c => c.Mappings.UsPlaybook.Count > 0);
    }

    [Fact]
    public void Default_Parameters_HoldTheNamedThresholds()
    {
        Assert.Equal(3.0m, Catalog.FindParameter("satisfaction.baseline")!.Value);
        Assert.Equal(4.0m, Catalog.FindParameter("satisfaction.goal")!.Value);
        Assert.Equal(2.5m, Catalog.FindParameter("performance.lcp-good")!.Value);
        Assert.Equal(0.1m, Catalog.FindParameter("performance.cls-good")!.Value);
        Assert.Equal(30m, Catalog.FindParameter("security.certificate-warning-days")!.Value);
        Assert.Equal(ParameterUnit.Days, Catalog.FindParameter("security.certificate-warning-days")!.Unit);
    }

    public static TheoryData<string> Files() => [.. DefaultCatalog.Files().Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Files))]
    public void DefaultFile_FollowsThePublishedSchema(string name)
    {
        var text = DefaultCatalog.Files().Single(f => f.Name == name).Text;

        Assert.Empty(CatalogSchema.Errors(CatalogSchema.YamlToJson(text)));
    }

    [Fact]
    public void JsonExport_FollowsThePublishedSchema()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(Catalog, CatalogJson.Options))!;

        Assert.Empty(CatalogSchema.Errors(json));
    }

    [Fact]
    public void Schema_RejectsAMalformedCheckpoint()
    {
        var json = JsonNode.Parse("""{"checkpoints":[{"id":"X1","principle":1,"theme":"UX","title":{"ja":"t"},"guidance":{"ja":"g","en":"g"},"evidence":{"ja":"e","en":"e"},"phases":["later"],"checkType":"Q"}]}""")!;

        Assert.NotEmpty(CatalogSchema.Errors(json));
    }
}
