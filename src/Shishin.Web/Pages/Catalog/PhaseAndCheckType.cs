namespace Shishin.Web.Pages.Catalog;

/// <summary>The phases and check type chosen on a checkpoint or proposal form (Pages/Shared/_PhaseAndCheckTypeFields).</summary>
public sealed record PhaseAndCheckType(IReadOnlyList<string> Phases, string? CheckType);
