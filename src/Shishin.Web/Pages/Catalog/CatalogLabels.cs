using System.Globalization;
using Microsoft.Extensions.Localization;
using Shishin.Core;
using Shishin.Core.Catalog;
using Rules = Shishin.Scanning.Rules;

namespace Shishin.Web.Pages.Catalog;

/// <summary>
/// Names and explanations of the catalogue's codes in the reader's language. Catalogue content is bilingual data
/// and is picked with <see cref="Text"/>; the names of our own codes (phases, check types, units) are UI strings.
/// </summary>
public sealed class CatalogLabels(IStringLocalizer<SharedResource> l)
{

    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "ja";

    public static bool English => Language == "en";

    public string Text(LocalizedText? text) => text?.For(Language) ?? "";

    public string Phase(LifecyclePhase phase) => Phase(l, phase);

    public string Phases(IEnumerable<LifecyclePhase> phases) => string.Join(English ? ", " : "、", phases.Select(Phase));

    public string CheckTypeName(CheckType type) => type switch
    {
        Core.Catalog.CheckType.A => l["Automated"],
        Core.Catalog.CheckType.S => l["Tool evidence and sign-off"],
        Core.Catalog.CheckType.H => l["Human review"],
        _ => type.ToString(),
    };

    public string CheckTypeExplanation(CheckType type) => CheckTypeHint(l, type);

    public string Status(CatalogVersionStatus status) => Status(l, status);

    public static string StatusTag(CatalogVersionStatus status) => status switch
    {
        CatalogVersionStatus.Published => "tag tag--success",
        CatalogVersionStatus.Draft => "tag tag--warning",
        _ => "tag tag--neutral",
    };

    public string VersionName(CatalogVersionInfo version) =>
        version.Version is { } number ? l["Version {0}", number] : l["Draft"];

    /// <summary>A parameter's value with its unit, in the reader's number format.</summary>
    public string Value(CatalogParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var value = parameter.Value.ToString("0.###", CultureInfo.CurrentCulture);
        return parameter.Unit switch
        {
            ParameterUnit.Points => l["{0} points", value],
            ParameterUnit.Seconds => l["{0} seconds", value],
            ParameterUnit.Milliseconds => l["{0} ms", value],
            ParameterUnit.Days => l["{0} days", value],
            ParameterUnit.Percent => value + "%",
            ParameterUnit.Bytes => l["{0} bytes", value],
            ParameterUnit.Pixels => l["{0} px", value],
            _ => value,
        };
    }

    /// <summary>A date and time in Tokyo, as every Shishin page shows times.</summary>
    public static string Tokyo(DateTime? utc) =>
        utc is { } time ? JapanTime.FromUtc(time).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";

    public string Owner(CatalogDocument document, Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (checkpoint.Principle is { } number)
        {
            return document.FindPrinciple(number) is { } principle ? PrincipleName(principle) : l["Principle {0}", number];
        }

        return document.FindTheme(checkpoint.Theme ?? "") is { } theme ? Text(theme.Name) : checkpoint.Theme ?? "";
    }

    public static string OwnerPath(Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return checkpoint.Principle is { } number
            ? "/catalog/principles/" + number.ToString(CultureInfo.InvariantCulture)
            : "/catalog/themes/" + Uri.EscapeDataString(checkpoint.Theme ?? "");
    }

    /// <summary>"3. アクセシビリティ": the number and the official short label.</summary>
    public string PrincipleName(Principle principle)
    {
        ArgumentNullException.ThrowIfNull(principle);
        return l["{0}. {1}", principle.Number, Text(principle.Label)];
    }

    public string ScannerRule(string id)
    {
        var rule = Rules.ScannerRules.Find(id);
        return rule is null ? "" : English ? rule.Description : rule.DescriptionJa;
    }

    public string RuleCategory(string id) => Rules.ScannerRules.Find(id)?.Category switch
    {
        Rules.RuleCategory.Accessibility => l["Accessibility (axe-core)"],
        Rules.RuleCategory.Page => l["Page"],
        Rules.RuleCategory.Security => l["Security"],
        Rules.RuleCategory.Performance => l["Performance"],
        _ => "",
    };

    /// <summary>A checkpoint's mappings, one group per framework that it maps to.</summary>
    public IReadOnlyList<MappingGroup> Mappings(CheckpointMappings mappings)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        var groups = new List<MappingGroup>();
        if (mappings.Wcag.Count > 0)
        {
            groups.Add(new(l["WCAG success criteria"], [.. mappings.Wcag.Select(w =>
            {
                var criterion = WcagCriteria.Find(w.Criterion);
                var name = criterion is null ? "" : English ? criterion.NameEn : criterion.NameJa;
                return new MappingItem(l["{0} {1} (level {2}, WCAG {3})", w.Criterion, name, criterion?.Level ?? "", w.Version].Value.Replace("  ", " ", StringComparison.Ordinal), "WCAG " + w.Criterion);
            })]));
        }

        if (mappings.Jis.Count > 0)
        {
            groups.Add(new(l["JIS X 8341-3:2016 success criteria"], [.. mappings.Jis.Select(j =>
            {
                var criterion = WcagCriteria.FromJisNumber(j);
                var name = criterion is null ? "" : English ? criterion.NameEn : criterion.NameJa;
                return new MappingItem($"{j} {name}".Trim(), "JIS " + j);
            })]));
        }

        if (mappings.UkServiceStandard.Count > 0)
        {
            groups.Add(new(l["UK Service Standard"], [.. mappings.UkServiceStandard.Select(n =>
                new MappingItem(l["Point {0}: {1}", n, Text(FrameworkNames.UkServiceStandard(n))], "UK " + n.ToString(CultureInfo.InvariantCulture)))]));
        }

        if (mappings.UsPlaybook.Count > 0)
        {
            groups.Add(new(l["US Digital Services Playbook"], [.. mappings.UsPlaybook.Select(n =>
                new MappingItem(l["Play {0}: {1}", n, Text(FrameworkNames.UsPlaybook(n))], "US " + n.ToString(CultureInfo.InvariantCulture)))]));
        }

        if (mappings.Asvs.Count > 0)
        {
            groups.Add(new(l["OWASP ASVS 5.0"], [.. mappings.Asvs.Select(a =>
                new MappingItem($"{a} {Text(FrameworkNames.AsvsChapter(a))}".Trim(), "ASVS " + a))]));
        }

        return groups;
    }

    /// <summary>The mappings in one short line, for tables and print: "WCAG 1.4.3, JIS 7.1.4.3, UK 5".</summary>
    public static string MappingCodes(CheckpointMappings mappings)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        return string.Join(", ", mappings.Wcag.Select(w => "WCAG " + w.Criterion)
            .Concat(mappings.Jis.Select(j => "JIS " + j))
            .Concat(mappings.UkServiceStandard.Select(n => "UK " + n.ToString(CultureInfo.InvariantCulture)))
            .Concat(mappings.UsPlaybook.Select(n => "US " + n.ToString(CultureInfo.InvariantCulture)))
            .Concat(mappings.Asvs.Select(a => "ASVS " + a)));
    }

    // The five phases of Tokyo's service design process: three planning steps (企画), then development and operation.
    public static string Phase(IStringLocalizer l, LifecyclePhase phase)
    {
        ArgumentNullException.ThrowIfNull(l);
        return phase switch
        {
            LifecyclePhase.Hypothesis => l["Planning: hypotheses"],
            LifecyclePhase.ServiceDesign => l["Planning: service design"],
            LifecyclePhase.Requirements => l["Planning: requirements and procurement"],
            LifecyclePhase.Development => l["Development"],
            _ => l["Operation"],
        };
    }

    /// <summary>The check type with its letter, as forms and admin tables show it ("A: automated").</summary>
    public static string CheckType(IStringLocalizer l, CheckType type)
    {
        ArgumentNullException.ThrowIfNull(l);
        return type switch
        {
            Core.Catalog.CheckType.A => l["A: automated"],
            Core.Catalog.CheckType.S => l["S: tool evidence and sign-off"],
            _ => l["H: human review"],
        };
    }

    public static string CheckTypeHint(IStringLocalizer l, CheckType type)
    {
        ArgumentNullException.ThrowIfNull(l);
        return type switch
        {
            Core.Catalog.CheckType.A => l["The scanner checks this checkpoint by itself; its findings are the evidence."],
            Core.Catalog.CheckType.S => l["Tools supply the evidence, and a person reviews it and signs the checkpoint off."],
            _ => l["A person reviews the evidence and decides whether the checkpoint is met."],
        };
    }

    public static string Status(IStringLocalizer l, CatalogVersionStatus status)
    {
        ArgumentNullException.ThrowIfNull(l);
        return status switch
        {
            CatalogVersionStatus.Draft => l["Draft"],
            CatalogVersionStatus.Published => l["Published"],
            _ => l["Retired"],
        };
    }

    public static string Status(IStringLocalizer l, ProposalStatus status)
    {
        ArgumentNullException.ThrowIfNull(l);
        return status switch
        {
            ProposalStatus.Open => l["Open"],
            ProposalStatus.Accepted => l["Accepted"],
            ProposalStatus.Declined => l["Declined"],
            _ => l["Withdrawn"],
        };
    }

    /// <summary>The tag style of a proposal state (the text says the state too, so colour is never alone).</summary>
    public static string StatusTag(ProposalStatus status) => status switch
    {
        ProposalStatus.Open => "tag",
        ProposalStatus.Accepted => "tag tag--success",
        ProposalStatus.Declined => "tag tag--danger",
        _ => "tag tag--neutral",
    };
}
