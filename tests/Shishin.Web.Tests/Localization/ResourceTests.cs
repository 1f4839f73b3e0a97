using System.Text.RegularExpressions;
using System.Xml.Linq;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;

namespace Shishin.Web.Tests.Localization;

/// <summary>Japanese is the default language: every text the code asks for must have a Japanese entry.</summary>
public sealed partial class ResourceTests
{
    private static readonly string WebRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Shishin.Web"));

    private static HashSet<string> Keys(string culture) =>
        XDocument.Load(Path.Combine(WebRoot, "Resources", $"SharedResource.{culture}.resx"))
            .Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> KeysUsedInCode()
    {
        var files = Directory.EnumerateFiles(WebRoot, "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));
        foreach (var file in files)
        {
            foreach (Match match in KeyPattern().Matches(File.ReadAllText(file)))
            {
                yield return match.Groups.Cast<Group>().Skip(1).First(g => g.Success).Value.Replace("\\\"", "\"", StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Japanese_EveryKeyUsedInCode_HasAnEntry()
    {
        var japanese = Keys("ja");

        var missing = KeysUsedInCode().Where(k => !japanese.Contains(k)).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "Missing Japanese text for: " + string.Join(" | ", missing));
        Assert.True(KeysUsedInCode().Count() > 100, "The key scan found too few keys; the pattern is broken.");
    }

    [Fact]
    public void Names_OfRolesAndOrganisationKinds_ExistInBothLanguages()
    {
        var japanese = Keys("ja");
        var english = Keys("en");
        var dynamic = Roles.All.SelectMany(r => new[] { r, r + ".description" })
            .Concat(Enum.GetNames<OrganizationKind>().SelectMany(k => new[] { k, k + ".plural" }));

        Assert.All(dynamic, k =>
        {
            Assert.Contains(k, japanese);
            Assert.Contains(k, english);
        });
    }

    private static readonly string[] CatalogueSources = ["CatalogValidator.cs", "CatalogService.cs", "ProposalService.cs"];

    /// <summary>The catalogue's rules and services report English templates that the pages translate.</summary>
    [Fact]
    public void Japanese_EveryCatalogueMessageOfCore_HasAnEntry()
    {
        var japanese = Keys("ja");
        var core = Path.GetFullPath(Path.Combine(WebRoot, "../Shishin.Core/Catalog"));
        var templates = CatalogueSources
            .SelectMany(f => TemplatePattern().Matches(File.ReadAllText(Path.Combine(core, f))).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        var missing = templates.Where(t => !japanese.Contains(t)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "Missing Japanese text for: " + string.Join(" | ", missing));
        Assert.True(templates.Count > 50, "The template scan found too few messages; the pattern is broken.");
    }

    // A sentence literal: starts with a capital letter or a quoted placeholder and ends with a full stop.
    [GeneratedRegex(@"""((?:[A-Z]|'\{0\}')[^""]*\.)""")]
    private static partial Regex TemplatePattern();

    [GeneratedRegex(@"\b[lL]\[""((?:[^""\\]|\\.)*)""|Localizer\.Value\[""((?:[^""\\]|\\.)*)""|ErrorMessage = ""((?:[^""\\]|\\.)*)""|Display\(Name = ""((?:[^""\\]|\\.)*)""")]
    private static partial Regex KeyPattern();
}
