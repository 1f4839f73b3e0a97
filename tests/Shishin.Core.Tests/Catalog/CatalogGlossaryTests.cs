using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Shishin.Core.Catalog;

namespace Shishin.Core.Tests.Catalog;

/// <summary>
/// The glossary's catalogue table (docs/glossary.md, between the catalogue-glossary markers) run over every Japanese
/// text of catalog/, with the voice rules that are not single words. Official document titles (sources) and wording
/// quoted in 「」 are exempt as the glossary says.
/// </summary>
public sealed partial class CatalogGlossaryTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void GlossaryTable_OfTheCatalogue_IsThereAndHasPatterns()
    {
        var rules = Rules();

        Assert.Contains(rules, r => r.Pattern.IsMatch("手続き"));
        Assert.Contains(rules, r => r.Pattern.IsMatch("ブラウザで"));
        Assert.DoesNotContain(rules, r => r.Pattern.IsMatch("ブラウザーで"));
        Assert.Contains(rules, r => r.Pattern.IsMatch("パラメータを"));
        Assert.Contains(rules, r => r.Pattern.IsMatch("役所"));
        Assert.Contains(rules, r => r.Pattern.IsMatch("煙たがる"));
        Assert.Contains(rules, r => r.Pattern.IsMatch("e ラーニング"));
    }

    [Fact]
    public void DisabilityRule_OutageWordsPass_DisabilityWordsFail()
    {
        string[] outage = ["障害時のお知らせ", "システム障害", "障害発生", "障害の間に申請", "過去の障害での掲載", "障害と災害に備えた"];
        string[] disability = ["障害のある人", "障害の有無", "障害者", "視覚障害", "聴覚に障害を持つ"];

        Assert.All(outage, text => Assert.Empty(Violations(text, isChangelog: false)));
        Assert.All(disability, text => Assert.NotEmpty(Violations(text, isChangelog: false)));
    }

    [Fact]
    public void Catalogue_EveryJapaneseText_UsesTheGlossaryWords()
    {
        var problems = Texts().SelectMany(t => Violations(t.Text, t.IsChangelog).Select(v => $"{t.Path}: {v}")).ToList();

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Catalogue_Guidance_SpeaksInOneVoice()
    {
        var document = Load();
        var requests = document.Checkpoints.Where(c => Request().IsMatch(c.Guidance.Ja)).Select(c => c.Id)
            .Concat(document.Parameters.Where(p => Request().IsMatch(p.Description.Ja)).Select(p => p.Key))
            .ToList();

        Assert.True(requests.Count == 0, "「〜してください」 in: " + string.Join(", ", requests));
    }

    [Fact]
    public void Catalogue_Evidence_EndsAsAStatement()
    {
        var document = Load();
        var endings = document.Checkpoints.Where(c => c.Evidence.Ja.TrimEnd().EndsWith("こと。", StringComparison.Ordinal) || c.Evidence.Ja.TrimEnd().EndsWith("こと", StringComparison.Ordinal))
            .Select(c => c.Id).ToList();

        Assert.True(endings.Count == 0, "Evidence ending in 「こと。」: " + string.Join(", ", endings));
    }

    private sealed record Rule(string Word, Regex Pattern);

    // Disability compounds the table's 障害 pattern may not list; 障害 stays allowed for outages (障害時, 障害の間).
    private static readonly Rule Disability = new("障がい", DisabilitySense());

    private static List<Rule> Rules()
    {
        var text = File.ReadAllText(Path.Combine(Root, "docs", "glossary.md"));
        var start = text.IndexOf("<!-- catalogue-glossary:start -->", StringComparison.Ordinal);
        var end = text.IndexOf("<!-- catalogue-glossary:end -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/glossary.md has no catalogue-glossary table.");
        var rules = new List<Rule>();
        // The header row, then the rows (the separator row starts with "|-", so it is not among them).
        foreach (var line in text[start..end].Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(1))
        {
            // Cells are split on '|' not escaped as '\|' (Markdown's way to put '|' in a table cell).
            var cells = CellSplit().Split(line.Trim().Trim('|')).Select(c => c.Trim().Replace("\\|", "|", StringComparison.Ordinal)).ToList();
            if (cells.Count >= 4 && cells[3].Length > 2)
            {
                rules.Add(new(cells[0], new Regex(cells[3].Trim('`'), RegexOptions.CultureInvariant)));
            }
        }

        return rules;
    }

    private static IEnumerable<string> Violations(string text, bool isChangelog)
    {
        var checkedText = Quoted().Replace(text, m => isChangelog || OfficialTitle().IsMatch(m.Value) ? "「」" : m.Value);
        foreach (var rule in Rules().Append(Disability))
        {
            if (rule.Pattern.Match(checkedText) is { Success: true } match)
            {
                yield return $"「{match.Value}」 (use {rule.Word})";
            }
        }
    }

    private static CatalogDocument Load()
    {
        var result = CatalogYamlReader.ReadDirectory(Path.Combine(Root, "catalog"));
        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        return result.Document!;
    }

    /// <summary>Every Japanese text with its JSON path, except the official titles of the sources.</summary>
    private static List<(string Path, string Text, bool IsChangelog)> Texts()
    {
        var texts = new List<(string, string, bool)>();
        Walk(JsonSerializer.SerializeToNode(Load(), CatalogJson.Options), "", texts);
        return texts;
    }

    private static void Walk(JsonNode? node, string path, List<(string, string, bool)> texts)
    {
        switch (node)
        {
            case JsonObject obj when obj["ja"] is JsonValue ja && obj.ContainsKey("en"):
                if (!SourceTitle().IsMatch(path))
                {
                    texts.Add((path, ja.GetValue<string>(), path.StartsWith("releases", StringComparison.Ordinal)));
                }

                break;
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    Walk(value, path.Length == 0 ? key : path + "." + key, texts);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", texts);
                }

                break;
        }
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Shishin.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Shishin.slnx not found above the test folder.");
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSplit();

    [GeneratedRegex("「[^「」]*」")]
    private static partial Regex Quoted();

    // A document's name quoted in 「」: its last word says it is a document.
    [GeneratedRegex("(ガイドライン|ガイドブック|指針|法律|法|規約|計画|手順書|方針|基準|規程|要綱|マニュアル)(（[^）]*）)?」$")]
    private static partial Regex OfficialTitle();

    [GeneratedRegex(@"^sources\[\d+\]\.title$")]
    private static partial Regex SourceTitle();

    [GeneratedRegex("(てください|ください。)")]
    private static partial Regex Request();

    [GeneratedRegex("障害(者|児|の有無|のある|のない|を持|を抱え|特性)|(視覚|聴覚|発達|知的|精神|身体|言語|学習)障害")]
    private static partial Regex DisabilitySense();
}
