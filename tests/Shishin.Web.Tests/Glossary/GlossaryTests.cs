using System.Text.RegularExpressions;
using System.Xml.Linq;
using Shishin.Web.Glossary;

namespace Shishin.Web.Tests.Glossary;

/// <summary>The glossary, its document and the UI's resources agree, and the resources are well formed.</summary>
public sealed partial class GlossaryTests
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
    private static readonly string Resources = Path.Combine(Root, "src/Shishin.Web/Resources");

    private static List<(string Key, string Value)> Entries(string culture) =>
        [.. XDocument.Load(Path.Combine(Resources, $"SharedResource.{culture}.resx"))
            .Root!.Elements("data").Select(d => (d.Attribute("name")!.Value, d.Element("value")?.Value ?? ""))];

    /// <summary>What the English UI shows for a key: the English resource where there is one, else the key itself.</summary>
    private static Dictionary<string, string> English()
    {
        var english = Entries("ja").ToDictionary(e => e.Key, e => e.Key, StringComparer.Ordinal);
        foreach (var (key, value) in Entries("en"))
        {
            english[key] = value;
        }

        return english;
    }

    [Fact]
    public void Document_GlossaryFile_ListsExactlyTheTerms()
    {
        var path = Path.Combine(Root, "docs/glossary.md");
        var document = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = document.IndexOf(GlossaryDocument.Start, StringComparison.Ordinal);
        var end = document.IndexOf(GlossaryDocument.End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/glossary.md has no glossary markers.");

        if (Environment.GetEnvironmentVariable("SHISHIN_WRITE_GLOSSARY") == "1")
        {
            // After changing Terms.cs: SHISHIN_WRITE_GLOSSARY=1 dotnet test --filter Document_GlossaryFile rewrites the table.
            document = document[..(start + GlossaryDocument.Start.Length)] + "\n" + GlossaryDocument.Table() + document[end..];
            File.WriteAllText(path, document);
            end = document.IndexOf(GlossaryDocument.End, StringComparison.Ordinal);
        }

        var table = document[(start + GlossaryDocument.Start.Length)..end].Trim('\n') + "\n";

        Assert.Equal(GlossaryDocument.Table(), table);
    }

    [Fact]
    public void Resources_KeysOfTerms_ShowTheGlossaryWords()
    {
        var japanese = Entries("ja").ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var english = English();

        var wrong = Terms.All.Where(t => t.ResourceKey is not null)
            .Where(t => japanese.GetValueOrDefault(t.ResourceKey!) != t.Japanese || english.GetValueOrDefault(t.ResourceKey!) != t.English)
            .Select(t => $"{t.ResourceKey}: ja '{japanese.GetValueOrDefault(t.ResourceKey!)}' en '{english.GetValueOrDefault(t.ResourceKey!)}'")
            .ToList();

        Assert.True(wrong.Count == 0, "Resources that differ from the glossary: " + string.Join(" | ", wrong));
    }

    [Fact]
    public void Resources_JapaneseValues_UseNoRejectedVariant()
    {
        var found = Entries("ja")
            .SelectMany(e => Terms.Rejected(e.Value, english: false, heading: false).Select(r => $"{e.Key} → {e.Value} ({r.Variant.Text}; use {r.Term.Japanese})"))
            .ToList();

        Assert.True(found.Count == 0, "Rejected words in SharedResource.ja.resx: " + string.Join(" | ", found));
    }

    [Fact]
    public void Resources_EnglishTexts_UseNoRejectedVariant()
    {
        var found = English()
            .SelectMany(e => Terms.Rejected(e.Value, english: true, heading: false).Select(r => $"{e.Key} → {e.Value} ({r.Variant.Text}; use {r.Term.English})"))
            .ToList();

        Assert.True(found.Count == 0, "Rejected words in the English texts: " + string.Join(" | ", found));
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void Resources_Keys_AreUnique(string culture)
    {
        // Resource lookups ignore nothing, but two keys differing only in case ("Id", "ID") are the same word twice.
        var twice = Entries(culture).GroupBy(e => e.Key, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.True(twice.Count == 0, $"Keys listed twice in SharedResource.{culture}.resx: " + string.Join(" | ", twice));
    }

    [Fact]
    public void Resources_JapaneseValues_UseFullWidthPunctuation()
    {
        var found = Entries("ja").Where(e => AsciiPunctuationInJapanese().IsMatch(e.Value)).Select(e => $"{e.Key} → {e.Value}").ToList();

        Assert.True(found.Count == 0, "ASCII '.', ',' or ':' inside Japanese text: " + string.Join(" | ", found));
    }

    [Theory]
    [InlineData("人による確認. 人が根拠を確認します。", true)]
    [InlineData("対象：局,区市町村", true)]
    [InlineData("例：WCAG 1.4.3、JIS 7.1.4.3", false)]
    [InlineData("{0}. {1}", false)]
    public void AsciiPunctuationPattern_FindsItOnlyBetweenJapanese(string text, bool expected) =>
        Assert.Equal(expected, AsciiPunctuationInJapanese().IsMatch(text));

    [Theory]
    [InlineData("行動指針 3：アクセシビリティ", false, true)]
    [InlineData("東京都デジタルサービスの行動指針を実践する", false, false)]
    [InlineData("技術ガイドラインの一覧", false, false)]
    [InlineData("ガイドラインの版", false, true)]
    [InlineData("2段階認証", false, false)]
    [InlineData("一覧から段階を選んでください。", false, true)]
    [InlineData("Time (Tokyo)", true, true)]
    public void Rejected_VariantsInContext_AreFoundOnlyWhereTheyNameATerm(string text, bool english, bool expected) =>
        Assert.Equal(expected, Terms.Rejected(text, english, heading: true).Any());

    // A Japanese character (kana, kanji, full-width forms), ASCII . , or :, optional spaces, and a Japanese character.
    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}\u3000-\u303F\uFF01-\uFF60][.,:] *[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}\u3000-\u303F\uFF01-\uFF60]")]
    private static partial Regex AsciiPunctuationInJapanese();
}
