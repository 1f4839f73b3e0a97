using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;
using Shishin.Web.Pages.Catalog;

namespace Shishin.Web.Pages.Admin.Catalog;

/// <summary>
/// A checkpoint as the admin form shows it: lists are typed as text (one item per line or separated by spaces),
/// and the WCAG version of a criterion is looked up rather than typed.
/// </summary>
public sealed class CheckpointForm
{
    private static readonly char[] Separators = [' ', '\t', '\r', '\n', ',', '、', '，'];

    [StringLength(16, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Checkpoint id")]
    public string? Id { get; set; }

    [StringLength(16, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Principle or theme")]
    public string? Owner { get; set; }

    [StringLength(CatalogValidator.MaxShortText, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Title (Japanese)")]
    public string? TitleJa { get; set; }

    [StringLength(CatalogValidator.MaxShortText, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Title (English)")]
    public string? TitleEn { get; set; }

    [StringLength(CatalogValidator.MaxLongText, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Guidance (Japanese)")]
    public string? GuidanceJa { get; set; }

    [StringLength(CatalogValidator.MaxLongText, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Guidance (English)")]
    public string? GuidanceEn { get; set; }

    [StringLength(CatalogValidator.MaxLongText, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Evidence (Japanese)")]
    public string? EvidenceJa { get; set; }

    [StringLength(CatalogValidator.MaxLongText, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Evidence (English)")]
    public string? EvidenceEn { get; set; }

    /// <summary>Phase codes such as <c>service-design</c>.</summary>
    public List<string> Phases { get; set; } = [];

    public string? CheckType { get; set; }

    [StringLength(2000, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Scanner rules")]
    public string? ScannerRules { get; set; }

    public List<string> Parameters { get; set; } = [];

    [StringLength(2000, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "WCAG success criteria")]
    public string? Wcag { get; set; }

    [StringLength(2000, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "JIS X 8341-3:2016 success criteria")]
    public string? Jis { get; set; }

    [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "UK Service Standard points")]
    public string? UkServiceStandard { get; set; }

    [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "US Digital Services Playbook plays")]
    public string? UsPlaybook { get; set; }

    [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "OWASP ASVS 5.0 chapters")]
    public string? Asvs { get; set; }

    [StringLength(4000, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Sources")]
    public string? Sources { get; set; }

    public static CheckpointForm From(Checkpoint c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new()
        {
            Id = c.Id,
            Owner = CatalogGroup.CodeOf(c),
            TitleJa = c.Title.Ja,
            TitleEn = c.Title.En,
            GuidanceJa = c.Guidance.Ja,
            GuidanceEn = c.Guidance.En,
            EvidenceJa = c.Evidence.Ja,
            EvidenceEn = c.Evidence.En,
            Phases = [.. c.Phases.Select(CatalogCodes.Code)],
            CheckType = c.CheckType.ToString(),
            ScannerRules = string.Join('\n', c.ScannerRules),
            Parameters = [.. c.Parameters],
            Wcag = string.Join('\n', c.Mappings.Wcag.Select(w => w.Criterion)),
            Jis = string.Join('\n', c.Mappings.Jis),
            UkServiceStandard = string.Join(' ', c.Mappings.UkServiceStandard),
            UsPlaybook = string.Join(' ', c.Mappings.UsPlaybook),
            Asvs = string.Join(' ', c.Mappings.Asvs),
            Sources = string.Join('\n', c.Sources.Select(s => s.Locator is null ? s.Id : $"{s.Id} | {s.Locator}")),
        };
    }

    /// <summary>
    /// The checkpoint the form describes. Fields that cannot be read at all (no group chosen, a word among the UK
    /// points) get an error in <paramref name="state"/> and a stand-in value, so that the validator can still
    /// report on every other field in the same round. Content rules (texts present, rules known, criteria real)
    /// are the validator's.
    /// </summary>
    public Checkpoint ToCheckpoint(CatalogDocument draft, IReadOnlyList<CatalogGroup> groups, string? originalId, bool retired, ModelStateDictionary state, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(l);
        var group = CatalogGroup.Find(groups, Owner);
        if (group is null)
        {
            state.AddModelError("Input.Owner", l["Choose a principle or theme from the list."]);
        }

        var owner = group ?? (groups.Count > 0 ? groups[0] : new CatalogGroup("P1", 1, null, ""));
        var id = originalId ?? Id?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(id))
        {
            // Left empty: the next free number of the chosen group.
            id = CatalogGroup.NextId(draft, owner.Code);
        }

        var phases = new List<LifecyclePhase>();
        foreach (var code in Phases.Distinct(StringComparer.Ordinal))
        {
            if (CatalogCodes.Phases.TryGetValue(code, out var phase))
            {
                phases.Add(phase);
            }
            else
            {
                state.AddModelError("Input.Phases", l["Choose phases from the list."]);
            }
        }

        CheckType? checkType = CheckType switch
        {
            "A" => Core.Catalog.CheckType.A,
            "S" => Core.Catalog.CheckType.S,
            "H" => Core.Catalog.CheckType.H,
            _ => null,
        };
        if (checkType is null)
        {
            state.AddModelError("Input.CheckType", l["Choose how the checkpoint is checked."]);
        }

        var sources = new List<SourceReference>();
        foreach (var line in Lines(Sources))
        {
            var parts = line.Split('|', 2, StringSplitOptions.TrimEntries);
            if (parts[0].Length == 0 || parts[0].Contains(' ', StringComparison.Ordinal))
            {
                state.AddModelError("Input.Sources", l["Write each source on its own line as “source-id | where in it”, e.g. wcag-22 | 1.4.3."]);
                break;
            }

            sources.Add(new SourceReference { Id = parts[0], Locator = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null });
        }

        return new Checkpoint
        {
            Id = id,
            Principle = owner.Principle,
            Theme = owner.Theme,
            Title = new(Text(TitleJa), Text(TitleEn)),
            Guidance = new(Text(GuidanceJa), Text(GuidanceEn)),
            Evidence = new(Text(EvidenceJa), Text(EvidenceEn)),
            Phases = [.. phases.Order()],
            CheckType = checkType ?? Core.Catalog.CheckType.H,
            ScannerRules = [.. Tokens(ScannerRules).Distinct(StringComparer.Ordinal)],
            Parameters = [.. Parameters.Where(p => p.Length > 0).Distinct(StringComparer.Ordinal)],
            Mappings = new CheckpointMappings
            {
                // The WCAG version is a fact of the criterion; an unknown number gets no version and the validator names it.
                Wcag = [.. Tokens(Wcag).Distinct(StringComparer.Ordinal).Select(n => new WcagMapping(n, WcagCriteria.Find(n)?.IntroducedIn ?? ""))],
                Jis = [.. Tokens(Jis).Distinct(StringComparer.Ordinal)],
                UkServiceStandard = Numbers(UkServiceStandard, "Input.UkServiceStandard", state, l),
                UsPlaybook = Numbers(UsPlaybook, "Input.UsPlaybook", state, l),
                Asvs = [.. Tokens(Asvs).Select(a => a.ToUpperInvariant()).Distinct(StringComparer.Ordinal)],
            },
            Sources = sources,
            Retired = retired,
        };
    }

    /// <summary>Validator paths (indexes removed) to the form's fields.</summary>
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["id"] = "Input.Id",
        ["principle"] = "Input.Owner",
        ["theme"] = "Input.Owner",
        ["title.ja"] = "Input.TitleJa",
        ["title.en"] = "Input.TitleEn",
        ["guidance.ja"] = "Input.GuidanceJa",
        ["guidance.en"] = "Input.GuidanceEn",
        ["evidence.ja"] = "Input.EvidenceJa",
        ["evidence.en"] = "Input.EvidenceEn",
        ["phases"] = "Input.Phases",
        ["checkType"] = "Input.CheckType",
        ["scannerRules"] = "Input.ScannerRules",
        ["parameters"] = "Input.Parameters",
        ["mappings.wcag"] = "Input.Wcag",
        ["mappings.jis"] = "Input.Jis",
        ["mappings.ukServiceStandard"] = "Input.UkServiceStandard",
        ["mappings.usPlaybook"] = "Input.UsPlaybook",
        ["mappings.asvs"] = "Input.Asvs",
        ["sources"] = "Input.Sources",
    };

    public static string? FieldFor(string path) => CatalogMessages.Lookup(Fields, path);

    /// <summary>Browsers send line breaks as CR LF; the catalogue keeps LF.</summary>
    internal static string Text(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    internal static IEnumerable<string> Tokens(string? text) =>
        (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string[] Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static List<int> Numbers(string? text, string field, ModelStateDictionary state, IStringLocalizer l)
    {
        var numbers = new List<int>();
        // Duplicates are dropped rather than reported: "5 5" can only mean 5.
        foreach (var token in Tokens(text))
        {
            if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                numbers.Add(n);
            }
            else
            {
                state.AddModelError(field, l["Enter whole numbers separated by spaces, e.g. 1 5 12."]);
                break;
            }
        }

        return [.. numbers.Distinct()];
    }
}
