using System.Text.Json;
using Shishin.Core.Catalog;

namespace Shishin.Core.Tests.Catalog;

/// <summary>The preamble, purpose, structure and changelog of the format: schema, reader, writer, validator and diff.</summary>
public sealed class CatalogChangelogTests
{
    private static CatalogDocument Default() => DefaultCatalog.Load();

    [Fact]
    public void Default_HasThePreamblePurposeStructureAndItsOwnRelease()
    {
        var document = Default();

        Assert.Equal(3, document.Preamble.Count);
        Assert.Contains("QOL", document.Preamble[0].Ja, StringComparison.Ordinal);
        Assert.Contains("SDGs", document.Preamble[2].Ja, StringComparison.Ordinal);
        Assert.Contains(document.Purpose, p => p.Ja.Contains("パートナー企業", StringComparison.Ordinal));
        Assert.Equal(("行動規範", "機能別技術ガイドライン"), (document.Structure!.Principles.Name.Ja, document.Structure.Themes.Name.Ja));
        Assert.Equal(document.Version, document.Releases[0].Version);
        Assert.Empty(CatalogValidator.ValidateShipped(document));
    }

    [Fact]
    public void Default_AgainstThePreviousShippedVersion_KeepsEveryIdAndRecordsTheScannerRuleRemovals()
    {
        var document = Default();
        var previous = DefaultCatalog.Previous(document.Version);

        Assert.Equal("1.0.0", previous!.Version);
        Assert.Empty(CatalogValidator.ValidateSuccessor(previous, document));
        var entries = document.Releases[0].Entries;
        Assert.Contains(entries, e => e.Ids.SequenceEqual(["P2-04", "UX-03"]) && e.Text.En.Contains("css-orientation-lock", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Ids.SequenceEqual(["UX-02"]) && e.Text.En.Contains("focus-order-semantics", StringComparison.Ordinal));
    }

    [Fact]
    public void History_100_FollowsTheSchemaAndHasNoNewFields()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "catalog", "history", "1.0.0.json"));
        var node = System.Text.Json.Nodes.JsonNode.Parse(text)!;

        Assert.Empty(CatalogSchema.Errors(node));
        var v100 = Assert.Single(DefaultCatalog.History());
        Assert.Equal(("1.0.0", 67), (v100.Version, v100.Checkpoints.Count));
        Assert.Empty(v100.Preamble);
        Assert.Null(v100.Structure);
    }

    [Fact]
    public void Schema_ChangelogWithAnUnknownKind_IsInvalid()
    {
        var yaml = "releases:\n  - version: 1.1.0\n    date: 2026-12-05\n    entries:\n      - ids: [P1-01]\n        kind: renamed\n        text: { ja: あ, en: a }\n";

        Assert.NotEmpty(CatalogSchema.Errors(CatalogSchema.YamlToJson(yaml)));
        Assert.Empty(CatalogSchema.Errors(CatalogSchema.YamlToJson(yaml.Replace("renamed", "changed", StringComparison.Ordinal))));
    }

    [Fact]
    public void WriteThenRead_KeepsTheNewFieldsAndWritesChangelogYaml()
    {
        var original = Default();

        var files = CatalogYamlWriter.Write(original);
        var read = CatalogYamlReader.Read(files);

        Assert.True(read.Succeeded, string.Join('\n', read.Errors));
        var changelog = Assert.Single(files, f => f.Path == "changelog.yaml").Text;
        Assert.StartsWith("# yaml-language-server: $schema=catalog.schema.json", changelog, StringComparison.Ordinal);
        // Block style, as the files of catalog/ are written (not canonical YAML's "? key : value").
        Assert.Contains("\nreleases:\n", changelog, StringComparison.Ordinal);
        Assert.Contains("\n    entries:\n", changelog, StringComparison.Ordinal);
        Assert.Equal(Json(original.Preamble), Json(read.Document!.Preamble));
        Assert.Equal(Json(original.Purpose), Json(read.Document.Purpose));
        Assert.Equal(Json(original.Structure), Json(read.Document.Structure));
        Assert.Equal(Json(original.Releases), Json(read.Document.Releases));
    }

    [Fact]
    public void Read_BadDateKindAndUnknownId_AreReportedAtTheirLines()
    {
        var files = CatalogYamlWriter.Write(Default()).Where(f => f.Path != "changelog.yaml")
            .Append(("changelog.yaml", "releases:\n  - version: 1.1.0\n    date: 5 Dec\n    entries:\n      - ids: [P1-99]\n        kind: renamed\n        text: { ja: あ, en: a }\n"));

        var errors = CatalogYamlReader.Read(files).Errors.Where(e => e.File == "changelog.yaml").Select(e => (e.Line, e.Message)).ToList();

        Assert.Contains((3, "'5 Dec' is not a date such as 2026-12-05."), errors);
        Assert.Contains((6, "'renamed' is not a known kind of change; use one of added, changed, retired, mapping."), errors);
        Assert.Contains((5, "The changelog names 'P1-99', which is not in the catalogue."), errors);
    }

    [Fact]
    public void Validate_ReleaseRules_AreEnforced()
    {
        var document = Default();
        var release = document.Releases[0];
        release.Entries.Add(new ChangelogEntry { Ids = ["P1-01"], Kind = ChangelogKind.Retired, Text = new("廃止", "Retired"), Proposal = "Not A Key" });
        release.Entries.Add(new ChangelogEntry { Ids = [], Kind = ChangelogKind.Changed, Text = new("", "x") });
        document.Releases.Add(new CatalogRelease { Version = "9.0.0", Date = new DateOnly(2026, 1, 1), Entries = [] });

        var issues = CatalogValidator.Validate(document).Select(i => (i.Field, i.Message)).ToList();

        Assert.Contains(("ids[0]", "The changelog retires 'P1-01', but it is not marked retired."), issues);
        Assert.Contains(("proposal", "The proposal key 'Not A Key' must be lower-case letters, digits and hyphens."), issues);
        Assert.Contains(("ids", "A changelog entry names at least one checkpoint, principle, theme, parameter, source or header field."), issues);
        Assert.Contains(("text.ja", "The Japanese text of 'text' is missing."), issues);
        Assert.Contains(("version", $"The changelog names version 9.0.0, which is newer than the catalogue ({document.Version})."), issues);
        Assert.Contains(("entries", "The changelog of version 9.0.0 has no entries."), issues);
    }

    [Theory]
    [InlineData("P3-01", true)]
    [InlineData("P3", true)]
    [InlineData("P11", false)]
    [InlineData("UX", true)]
    [InlineData("performance.lcp-good", true)]
    [InlineData("wcag-22", true)]
    [InlineData("preamble", true)]
    [InlineData("changelog", false)]
    public void Refers_Id_NamesSomethingInTheCatalogue(string id, bool expected) =>
        Assert.Equal(expected, CatalogValidator.Refers(Default(), id));

    [Fact]
    public void ValidateSuccessor_RemovedIdsAndReAddedIds_AreRefused_RetiredIdsAreKept()
    {
        var previous = Default();
        var next = Default();
        next.Version = "1.2.0";
        next.Checkpoints.RemoveAll(c => c.Id == "P3-01");
        next.FindCheckpoint("P3-02")!.Retired = true;
        next.Parameters.RemoveAt(0);
        next.Releases.Clear();
        next.Releases.Add(new CatalogRelease { Version = "1.2.0", Date = new DateOnly(2027, 1, 1), Entries = [new() { Ids = ["P3-03"], Kind = ChangelogKind.Added, Text = new("追加", "Added") }] });

        var issues = CatalogValidator.ValidateSuccessor(previous, next).Select(i => i.Message).ToList();

        Assert.Equal(4, issues.Count);
        Assert.Contains(issues, m => m.StartsWith($"Checkpoint P3-01 of version {previous.Version} is missing", StringComparison.Ordinal));
        Assert.Contains(issues, m => m.StartsWith($"The parameter '{previous.Parameters[0].Key}' of version {previous.Version} is missing", StringComparison.Ordinal));
        Assert.Contains($"The changelog of version {previous.Version} is missing; earlier releases stay in the changelog.", issues);
        Assert.Contains($"The changelog adds 'P3-03', but version {previous.Version} already has it.", issues);
    }

    [Fact]
    public void ValidateShipped_WithoutTheNewFields_NamesEachOne()
    {
        var document = Default();
        document.Preamble.Clear();
        document.Purpose.Clear();
        document.Structure = null;
        document.Releases.Clear();

        Assert.Equal(["preamble", "purpose", "structure", "releases"], CatalogValidator.ValidateShipped(document).Select(i => i.Field));
    }

    [Fact]
    public void Diff_PreambleAndStructureChanges_ShowInTheHeader_ReleasesDoNot()
    {
        var before = Default();
        var after = Default();
        after.Preamble[1] = after.Preamble[1] with { En = "Changed." };
        after.Structure!.Themes.Tagline = new("新しい", "New");
        after.Releases.Clear();

        var header = Assert.Single(CatalogDiff.Compare(before, after).Changes);

        Assert.Equal(CatalogDiff.HeaderKind, header.Kind);
        Assert.Equal(["preamble[1].en", "structure.themes.tagline.ja", "structure.themes.tagline.en"], header.Fields.Select(f => f.Field));
    }

    [Fact]
    public void IdForChangelogKey_IsStableAndDistinctPerKey()
    {
        Assert.Equal(ChangeProposal.IdForChangelogKey("one-voice"), ChangeProposal.IdForChangelogKey("one-voice"));
        Assert.NotEqual(ChangeProposal.IdForChangelogKey("one-voice"), ChangeProposal.IdForChangelogKey("mappings"));
        Assert.Equal(8, ChangeProposal.IdForChangelogKey("one-voice").Version);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, CatalogJson.Options);
}
