using Shishin.Core.Catalog;
using YamlDotNet.RepresentationModel;

namespace Shishin.Core.Tests.Catalog;

/// <summary>The YAML reader takes the allowed fields from catalog.schema.json, and refuses to run when the two disagree.</summary>
public sealed class CatalogSchemaFieldsTests
{
    [Fact]
    public void Of_Principle_ListsTheSchemasFieldsInOrder()
    {
        var expected = System.Text.Json.Nodes.JsonNode.Parse(DefaultCatalog.Schema())!["$defs"]!["principle"]!["properties"]!
            .AsObject().Select(p => p.Key);

        Assert.Equal(expected, CatalogSchemaFields.Of("/$defs/principle"));
    }

    [Fact]
    public void Of_TheFileItself_ListsTheTopLevelFields() =>
        Assert.Equal(["version", "title", "changelog", "preamble", "purpose", "structure", "sources", "principles", "themes", "parameters", "checkpoints", "releases"], CatalogSchemaFields.Of(""));

    [Fact]
    public void Of_UnknownPointer_Throws() =>
        Assert.Throws<InvalidOperationException>(() => CatalogSchemaFields.Of("/$defs/nothing"));

    [Fact]
    public void ObjectFields_ReaderForAFieldTheSchemaLacks_RefusesToStart()
    {
        var readers = CatalogSchemaFields.Of("/$defs/theme").ToDictionary(n => n, _ => (Action<object, Theme, string, YamlNode>)((_, _, _, _) => { }));
        readers["colour"] = (_, _, _, _) => { };

        var error = Assert.Throws<InvalidOperationException>(() => new CatalogObjectFields<object, Theme>("/$defs/theme", readers));

        Assert.Contains("no schema field for [colour]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ObjectFields_SchemaFieldWithoutReader_RefusesToStart()
    {
        var readers = CatalogSchemaFields.Of("/$defs/theme").Where(n => n != "purpose")
            .ToDictionary(n => n, _ => (Action<object, Theme, string, YamlNode>)((_, _, _, _) => { }));

        var error = Assert.Throws<InvalidOperationException>(() => new CatalogObjectFields<object, Theme>("/$defs/theme", readers));

        Assert.Contains("no reader for [purpose]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownCheckpointField_NamesTheSchemasFields()
    {
        var result = CatalogYamlReader.Read([("catalog.yaml", "version: 1.0.0\ntitle: { ja: テスト, en: Test }\n"),
            ("checkpoints.yaml", "checkpoints:\n  - id: UX-01\n    colour: red\n")]);

        var error = Assert.Single(result.Errors, e => e.Message.StartsWith("Unknown field 'colour'", StringComparison.Ordinal));
        Assert.Equal((3, 5), (error.Line, error.Column));
        Assert.Contains(string.Join(", ", CatalogSchemaFields.Of("/$defs/checkpoint")), error.Message, StringComparison.Ordinal);
    }
}
