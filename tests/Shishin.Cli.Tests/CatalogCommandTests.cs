using System.Text.Json;
using Shishin.Tests;

namespace Shishin.Cli.Tests;

/// <summary><c>shishin catalog validate | export | import</c> end to end, against the repository's catalog/ folder.</summary>
public abstract class CatalogCommandTests(TestProvider provider) : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("shishin-catalog-").FullName;

    private static string RepositoryCatalog
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Shishin.slnx")))
            {
                directory = directory.Parent;
            }

            return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Shishin.slnx not found above the test folder."), "catalog");
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(TestDatabase? database, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, new StringReader(""), output, error, database?.Settings);
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        Directory.Delete(scratch, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Validate_TheDefaultCatalogue_ExitsWith0AndCountsIt()
    {
        var (exit, output, error) = await RunAsync(null, "catalog", "validate", RepositoryCatalog);

        Assert.True(exit == 0, output + error);
        Assert.Contains("10 principles, 3 themes", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BrokenFiles_ExitsWith1AndPrintsEveryErrorWithFileLineAndColumn()
    {
        CopyDirectory(RepositoryCatalog, scratch);
        var file = Path.Combine(scratch, "checkpoints", "principle-03.yaml");
        var lines = File.ReadAllLines(file);
        var checkType = Array.FindIndex(lines, l => l.TrimStart().StartsWith("checkType:", StringComparison.Ordinal));
        lines[checkType] = lines[checkType][..lines[checkType].IndexOf("checkType:", StringComparison.Ordinal)] + "checkType: Z";
        File.WriteAllLines(file, lines);
        await File.AppendAllTextAsync(Path.Combine(scratch, "themes.yaml"), "  - key: [\n");

        var (exit, output, error) = await RunAsync(null, "catalog", "validate", scratch);

        Assert.Equal(1, exit);
        var column = lines[checkType].IndexOf('Z', StringComparison.Ordinal) + 1;
        Assert.Contains($"{Path.Combine(scratch, "checkpoints", "principle-03.yaml")}:{checkType + 1}:{column}: 'Z' is not a known check type; use one of A, S, H.", output, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(scratch, "themes.yaml") + ":", output, StringComparison.Ordinal);
        Assert.Contains("YAML syntax error", output, StringComparison.Ordinal);
        Assert.Contains("error(s)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ACheckpointOfThePreviousVersionRemoved_ExitsWith1UnlessNoPreviousIsGiven()
    {
        CopyDirectory(RepositoryCatalog, scratch);
        // A checkpoint that 1.0.0 had and the changelog does not name (an entry naming it would fail for that reason too),
        // from whichever file holds the first such checkpoint.
        var changelog = await File.ReadAllTextAsync(Path.Combine(scratch, "changelog.yaml"));
        var v100 = Shishin.Core.Catalog.DefaultCatalog.History()[0];
        var (file, text, starts, pick) = Directory.GetFiles(Path.Combine(scratch, "checkpoints"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(f =>
            {
                var content = File.ReadAllText(f);
                var ids = System.Text.RegularExpressions.Regex.Matches(content, "(?m)^  - id: (\\S+)$").ToList();
                return (f, content, ids, ids.FindIndex(m => v100.FindCheckpoint(m.Groups[1].Value) is not null
                    && !System.Text.RegularExpressions.Regex.IsMatch(changelog, $"\\b{m.Groups[1].Value}\\b")));
            })
            .First(x => x.Item4 >= 0);
        var id = starts[pick].Groups[1].Value;
        var end = pick + 1 < starts.Count ? starts[pick + 1].Index : text.Length;
        await File.WriteAllTextAsync(file, text[..starts[pick].Index] + text[end..]);

        var (exit, output, _) = await RunAsync(null, "catalog", "validate", scratch);

        Assert.Equal(1, exit);
        Assert.Contains($"Checkpoint {id} of version 1.0.0 is missing", output, StringComparison.Ordinal);
        var (noneExit, noneOutput, noneError) = await RunAsync(null, "catalog", "validate", scratch, "--previous", "none");
        Assert.True(noneExit == 0, noneOutput + noneError);
    }

    [Fact]
    public async Task Validate_WithoutPreambleAndChangelog_NamesWhatAShippedCatalogueNeeds()
    {
        CopyDirectory(RepositoryCatalog, scratch);
        File.Delete(Path.Combine(scratch, "changelog.yaml"));
        var header = Path.Combine(scratch, "catalog.yaml");
        var lines = (await File.ReadAllLinesAsync(header)).ToList();
        var from = lines.FindIndex(l => l.StartsWith("preamble:", StringComparison.Ordinal));
        var to = lines.FindIndex(l => l.StartsWith("sources:", StringComparison.Ordinal));
        lines.RemoveRange(from, to - from);
        await File.WriteAllLinesAsync(header, lines);

        var (exit, output, _) = await RunAsync(null, "catalog", "validate", scratch);

        Assert.Equal(1, exit);
        Assert.Contains("The catalogue has no preamble", output, StringComparison.Ordinal);
        Assert.Contains("The catalogue has no purpose", output, StringComparison.Ordinal);
        Assert.Contains("does not describe its structure", output, StringComparison.Ordinal);
        Assert.Contains("has no entries for version 1.1.0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MissingFolder_ExitsWith2()
    {
        var (exit, _, error) = await RunAsync(null, "catalog", "validate", Path.Combine(scratch, "nowhere"));

        Assert.Equal(2, exit);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAllFormats_ThenImportTheYaml_CreatesADraftThatMatchesThePublishedVersion()
    {
        await using var database = TestDatabase.Create(provider);
        var json = Path.Combine(scratch, "catalog.json");
        var csv = Path.Combine(scratch, "checkpoints.csv");
        var yaml = Path.Combine(scratch, "yaml");

        Assert.Equal(0, (await RunAsync(database, "catalog", "export", "--format", "json", "--output", json)).Exit);
        Assert.Equal(0, (await RunAsync(database, "catalog", "export", "--format", "csv", "--output", csv)).Exit);
        Assert.Equal(0, (await RunAsync(database, "catalog", "export", "--format", "yaml", "--output", yaml)).Exit);

        using var exported = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        Assert.Equal("1.1.0", exported.RootElement.GetProperty("version").GetString());
        Assert.Equal(10, exported.RootElement.GetProperty("principles").GetArrayLength());
        var checkpoints = exported.RootElement.GetProperty("checkpoints").GetArrayLength();
        Assert.Equal(checkpoints + 1, (await File.ReadAllLinesAsync(csv)).Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, "^(P[0-9]+|UX|DA|SE)-[0-9]+,|^id,")));

        var (validateExit, validateOutput, _) = await RunAsync(null, "catalog", "validate", yaml);
        Assert.True(validateExit == 0, validateOutput);
        var (importExit, importOutput, importError) = await RunAsync(database, "catalog", "import", yaml);
        Assert.True(importExit == 0, importOutput + importError);

        var draftJson = Path.Combine(scratch, "draft.json");
        Assert.Equal(0, (await RunAsync(database, "catalog", "export", "--version", "draft", "--output", draftJson)).Exit);
        using var draft = JsonDocument.Parse(await File.ReadAllTextAsync(draftJson));
        Assert.Equal(
            exported.RootElement.GetProperty("checkpoints").GetRawText(),
            draft.RootElement.GetProperty("checkpoints").GetRawText());

        // Only one draft at a time.
        var (againExit, _, againError) = await RunAsync(database, "catalog", "import", yaml);
        Assert.Equal(1, againExit);
        Assert.Contains("draft already exists", againError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_InvalidFolder_ExitsWith1AndStoresNothing()
    {
        await using var database = TestDatabase.Create(provider);
        await File.WriteAllTextAsync(Path.Combine(scratch, "catalog.yaml"), "version: 1.1.0\ntitle: { ja: テスト }\n");

        var (exit, output, _) = await RunAsync(database, "catalog", "import", scratch);

        Assert.Equal(1, exit);
        Assert.Contains("catalog.yaml:2:8: The English text of 'title' is missing.", output, StringComparison.Ordinal);
        Assert.Equal(1, (await RunAsync(database, "catalog", "export", "--version", "draft")).Exit);
    }

    [Fact]
    public async Task Export_Yaml_WithoutOutput_ExitsWith2()
    {
        var (exit, _, error) = await RunAsync(null, "catalog", "export", "--format", "yaml");

        Assert.Equal(2, exit);
        Assert.Contains("--output", error, StringComparison.Ordinal);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

public sealed class CatalogCommandTests_Sqlite() : CatalogCommandTests(TestProvider.Sqlite);

public sealed class CatalogCommandTests_Postgres() : CatalogCommandTests(TestProvider.Postgres);
