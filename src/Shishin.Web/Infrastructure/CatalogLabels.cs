using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;

namespace Shishin.Web.Infrastructure;

/// <summary>The names of the catalogue's fixed vocabularies (phases, check types, proposal states) in the page's language.</summary>
public static class CatalogLabels
{
    public static string Phase(IStringLocalizer l, LifecyclePhase phase)
    {
        ArgumentNullException.ThrowIfNull(l);
        return phase switch
        {
            LifecyclePhase.Hypothesis => l["Planning: hypothesis"],
            LifecyclePhase.ServiceDesign => l["Planning: service design"],
            LifecyclePhase.Requirements => l["Planning: requirements and procurement"],
            LifecyclePhase.Development => l["Development"],
            _ => l["Operation"],
        };
    }

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
            Core.Catalog.CheckType.A => l["The scanner decides whether it is met; name the scanner rules that give the evidence."],
            Core.Catalog.CheckType.S => l["A tool gives the evidence and a person confirms it."],
            _ => l["A person reviews the evidence; no tool can decide it."],
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
}

/// <summary>The phases and check type chosen on a checkpoint or proposal form (Pages/Shared/_PhaseAndCheckTypeFields).</summary>
public sealed record PhaseAndCheckType(IReadOnlyList<string> Phases, string? CheckType);
