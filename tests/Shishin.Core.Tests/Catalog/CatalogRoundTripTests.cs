using System.Text.Json;
using Shishin.Core.Catalog;

namespace Shishin.Core.Tests.Catalog;

public sealed class CatalogRoundTripTests
{
    // Texts that YAML is known to mangle when written carelessly: numbers, booleans, nulls, indicators, quotes,
    // line breaks, leading spaces, comments, anchors, and long Japanese.
    private static readonly string[] TrickyTexts =
    [
        "2.0", "1e3", "true", "no", "null", "~", "- dash first", "key: value", "# not a comment", "&anchor", "*alias",
        "'single'", "\"double\"", "line one\nline two", "  leading spaces", "trailing spaces  ", "tab\there", "{ flow }", "[flow]",
        "a, b, c", "%percent", "@at", "`backtick`", "|", ">", "?", "!tag", "0x1F", ".inf",
        "顧客の声を聞き、顧客の目線でサービスを作ります。「かぎ括弧」と：全角コロン。",
        "=SUM(A1:A2)", "😀 emoji", new string('長', CatalogValidator.MaxShortText),
    ];

    [Fact]
    public void YamlExportThenImport_DefaultCatalogue_KeepsEveryFieldOfEveryCheckpoint()
    {
        var original = DefaultCatalog.Load();

        var back = RoundTrip(original);

        Assert.Equal(Json(original), Json(back));
        Assert.Equal(original.Checkpoints.Count, back.Checkpoints.Count);
        for (var i = 0; i < original.Checkpoints.Count; i++)
        {
            Assert.Equal(JsonSerializer.Serialize(original.Checkpoints[i], CatalogJson.Options), JsonSerializer.Serialize(back.Checkpoints[i], CatalogJson.Options));
        }
    }

    [Fact]
    public void YamlExportThenImport_TrickyTextsInEveryField_KeepsThemExactly()
    {
        var random = new Random(20261127);
        var document = DefaultCatalog.Load();
        string Pick() => TrickyTexts[random.Next(TrickyTexts.Length)];
        LocalizedText Tricky() => new(Pick(), Pick());

        // Every text field of every item, several times over with different picks.
        for (var round = 0; round < 5; round++)
        {
            document.Title = Tricky();
            document.Changelog = Tricky();
            foreach (var source in document.Sources)
            {
                source.Title = Tricky();
            }

            foreach (var principle in document.Principles)
            {
                principle.Title = Tricky();
                principle.Summary = Tricky();
                principle.Background = [.. principle.Background.Select(_ => Tricky())];
                principle.Example = Tricky();
                principle.DoNot = Tricky();
                principle.Sources.ForEach(s => s.Locator = Pick());
            }

            foreach (var theme in document.Themes)
            {
                theme.Name = Tricky();
                theme.Purpose = Tricky();
            }

            foreach (var parameter in document.Parameters)
            {
                parameter.Name = Tricky();
                parameter.Description = Tricky();
            }

            foreach (var checkpoint in document.Checkpoints)
            {
                checkpoint.Title = Tricky();
                checkpoint.Guidance = Tricky();
                checkpoint.Evidence = Tricky();
                // A checkpoint the changelog retires stays retired: the validator holds the two together.
                checkpoint.Retired = checkpoint.Retired || random.Next(2) == 0;
                checkpoint.Sources.ForEach(s => s.Locator = Pick());
            }

            Assert.Equal(Json(document), Json(RoundTrip(document)));
        }
    }

    [Fact]
    public void JsonRoundTrip_DefaultCatalogue_IsLossless()
    {
        var original = DefaultCatalog.Load();

        Assert.Equal(Json(original), Json(CatalogJson.Deserialize(CatalogJson.Serialize(original))));
    }

    [Fact]
    public void YamlExport_WritesOneCheckpointFilePerPrincipleAndTheme()
    {
        var names = CatalogYamlWriter.Write(DefaultCatalog.Load()).Select(f => f.Path).ToList();

        Assert.Contains("catalog.yaml", names);
        Assert.Contains("checkpoints/principle-03.yaml", names);
        Assert.Contains("checkpoints/theme-ux.yaml", names);
        Assert.Contains("changelog.yaml", names);
        Assert.Equal(5 + 10 + 3, names.Count);
    }

    private static CatalogDocument RoundTrip(CatalogDocument document)
    {
        var result = CatalogYamlReader.Read(CatalogYamlWriter.Write(document));
        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        return result.Document!;
    }

    private static string Json(CatalogDocument document) => JsonSerializer.Serialize(document, CatalogJson.Indented);
}
