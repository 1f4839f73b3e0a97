using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace Shishin.Web.Pages.Catalog;

/// <summary>
/// The fields of the version diff in words: "title.en" is "タイトル（英語）", "background[1].ja" is "背景 2（日本語）".
/// The diff flattens items to JSON paths (CatalogDiff); this names those paths for people, with the same words the
/// catalogue pages use. A path not listed keeps its key, so a new field still shows.
/// </summary>
public sealed partial class CatalogFieldNames(IStringLocalizer l)
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["id"] = "ID",
        ["key"] = "Key",
        ["number"] = "Principle",
        ["principle"] = "Principle",
        ["theme"] = "Theme",
        ["title"] = "Title",
        ["label"] = "Label",
        ["name"] = "Name",
        ["summary"] = "Summary",
        ["background"] = "Background",
        ["governanceCode"] = "Governance code (behaviour principles)",
        ["example"] = "Example",
        ["management"] = "How it is managed",
        ["doNot"] = "Do not",
        ["purpose"] = "Purpose",
        ["preamble"] = "Preamble",
        ["guidance"] = "Guidance",
        ["evidence"] = "Evidence",
        ["phases"] = "Phases",
        ["checkType"] = "Check type",
        ["scannerRules"] = "Scanner rules",
        ["parameters"] = "Parameters",
        ["mappings.wcag"] = "WCAG success criteria",
        ["mappings.jis"] = "JIS X 8341-3:2016 success criteria",
        ["mappings.ukServiceStandard"] = "UK Service Standard points",
        ["mappings.usPlaybook"] = "US Digital Services Playbook",
        ["mappings.asvs"] = "OWASP ASVS 5.0 chapters",
        ["sources"] = "Sources",
        ["retired"] = "Retired",
        ["type"] = "Type",
        ["unit"] = "Unit",
        ["value"] = "Value",
        ["description"] = "Description",
        ["url"] = "Web address",
    };

    /// <summary>The field's name in words, or null when the path is not one the catalogue knows.</summary>
    public string? Name(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var match = PathPattern().Match(path);
        if (!match.Success || !Names.TryGetValue(match.Groups["field"].Value, out var key))
        {
            return null;
        }

        string name = l[key];
        if (match.Groups["index"].Success)
        {
            name += " " + (int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
        }

        return match.Groups["lang"].Value switch
        {
            "ja" => l["{0} (Japanese)", name],
            "en" => l["{0} (English)", name],
            _ => name,
        };
    }

    // "title.ja", "background[2].en", "mappings.wcag", "phases"
    [GeneratedRegex(@"^(?<field>[A-Za-z]+(?:\.(?!ja$|en$)[A-Za-z]+)?)(?:\[(?<index>\d{1,4})\])?(?:\.(?<lang>ja|en))?$", RegexOptions.CultureInvariant)]
    private static partial Regex PathPattern();
}
