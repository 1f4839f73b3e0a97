using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Shishin.Scanning.Rules;

namespace Shishin.Scanning.Tests.Rules;

public sealed class ScannerRulesTests
{
    private static readonly Dictionary<RuleCategory, string> OwnPrefixes = new()
    {
        [RuleCategory.Page] = "page.",
        [RuleCategory.Security] = "security.",
        [RuleCategory.Performance] = "performance.",
    };

    [Fact]
    public void All_IdsAreUnique() =>
        Assert.Equal(ScannerRules.All.Count, ScannerRules.All.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());

    [Fact]
    public void All_Has105AxeRules_WithAxeStyleIds()
    {
        var axeRules = ScannerRules.All.Where(r => r.Category == RuleCategory.Accessibility).ToList();

        Assert.Equal(105, axeRules.Count);
        Assert.All(axeRules, r => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", r.Id));
    }

    [Fact]
    public void All_OwnIds_StartWithThePrefixOfTheirCategory() =>
        Assert.All(ScannerRules.All.Where(r => r.Category != RuleCategory.Accessibility), r =>
        {
            Assert.StartsWith(OwnPrefixes[r.Category], r.Id, StringComparison.Ordinal);
            Assert.Matches(@"^[a-z]+\.[a-z0-9]+(-[a-z0-9]+)*$", r.Id);
        });

    [Fact]
    public void All_EveryRuleHasEnglishAndJapaneseDescriptions() =>
        Assert.All(ScannerRules.All, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Description), r.Id);
            Assert.DoesNotContain('`', r.Description);
            Assert.Matches(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]", r.DescriptionJa);
        });

    [Fact]
    public void IdConstants_AreExactlyTheOwnIds()
    {
        var constants = typeof(ScannerRules)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);
        var ownIds = ScannerRules.All
            .Where(r => r.Category != RuleCategory.Accessibility)
            .Select(r => r.Id)
            .Order(StringComparer.Ordinal);

        Assert.Equal(ownIds, constants);
    }

    [Theory]
    [InlineData("image-alt", RuleCategory.Accessibility)]
    [InlineData(ScannerRules.PageTitle, RuleCategory.Page)]
    [InlineData(ScannerRules.SecurityHsts, RuleCategory.Security)]
    [InlineData(ScannerRules.PerformanceLcp, RuleCategory.Performance)]
    public void Find_KnownId_ReturnsTheRule(string id, RuleCategory category)
    {
        Assert.True(ScannerRules.IsKnown(id));
        Assert.Equal(category, ScannerRules.Find(id)?.Category);
    }

    [Theory]
    [InlineData("Image-Alt")]
    [InlineData("PAGE.TITLE")]
    [InlineData("page.unknown")]
    [InlineData(" image-alt")]
    [InlineData("")]
    public void Find_UnknownOrDifferentlyCasedId_ReturnsNull(string id)
    {
        Assert.False(ScannerRules.IsKnown(id));
        Assert.Null(ScannerRules.Find(id));
    }

    [Fact]
    public void AxeCoreVersion_IsTheVersionOfTheDequePackageThatEmbedsIt()
    {
        var packageVersion = XDocument.Load(Path.Combine(RepositoryRoot(), "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .Single(p => (string?)p.Attribute("Include") == "Deque.AxeCore.Commons")
            .Attribute("Version")?.Value;

        Assert.Equal(ScannerRules.AxeCoreVersion, packageVersion);
    }

    [Fact]
    public void Documentation_ListsExactlyTheRulesOfAll()
    {
        var expected = ScannerRules.All.Select(r => $"{r.Category} | {r.Id} | {r.Description}");

        Assert.Equal(expected, DocumentedRules());
    }

    [Fact]
    public void Documentation_NamesTheProfilesOfEveryAxeRule()
    {
        var expected = ScannerRules.All
            .Where(r => r.Category == RuleCategory.Accessibility)
            .Select(r => $"{r.Id} | {(r.Profiles == RuleProfiles.None ? "none" : string.Join(", ", RuleProfileNames.Of(r.Profiles)))}");
        var documented = File.ReadLines(Path.Combine(RepositoryRoot(), "docs", "scanner-rules.md"))
            .Select(line => Regex.Match(line, @"^\|\s*`(?<id>[^`|]+)`\s*\|[^|]+\|\s*(?<profiles>[^|]+?)\s*\|\s*\[Deque University\]"))
            .Where(m => m.Success)
            // "none (experimental)": the reason is for readers; the test checks that no profile is named.
            .Select(m => $"{m.Groups["id"].Value} | {Regex.Replace(m.Groups["profiles"].Value, @"\s*\(.*\)$", "").Replace("`", "", StringComparison.Ordinal)}");

        Assert.Equal(expected, documented);
    }

    [Fact]
    public void Documentation_NamesTheAxeCoreVersion() =>
        Assert.Contains(
            $"version **{ScannerRules.AxeCoreVersion}**",
            File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "scanner-rules.md")),
            StringComparison.Ordinal);

    /// <summary>
    /// The table rows of docs/scanner-rules.md as "category | id | meaning", the category taken from the section
    /// heading and the backticks that keep HTML tags readable in Markdown removed from the meaning.
    /// </summary>
    private static List<string> DocumentedRules()
    {
        var rows = new List<string>();
        RuleCategory? category = null;
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot(), "docs", "scanner-rules.md")))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                category = Enum.Parse<RuleCategory>(line[3..].Trim());
            }
            else if (Regex.Match(line, @"^\|\s*`(?<id>[^`]+)`\s*\|(?<meaning>[^|]+)\|") is { Success: true } row)
            {
                Assert.NotNull(category);
                var meaning = row.Groups["meaning"].Value.Trim().Replace("`", "", StringComparison.Ordinal);
                rows.Add($"{category} | {row.Groups["id"].Value} | {meaning}");
            }
        }

        return rows;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Shishin.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Shishin.slnx above {AppContext.BaseDirectory}.");
    }
}
