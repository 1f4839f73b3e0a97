namespace Shishin.Scanning.Rules;

/// <summary>
/// Sets of axe-core rules a scan runs, chosen by axe-core's tags; they add up (<c>--rules wcag2aa,best-practice</c>).
/// Shishin's own <c>page.*</c>, <c>security.*</c> and <c>performance.*</c> rules run under every profile. axe-core's
/// experimental and deprecated rules run under none: axe-core itself leaves them out unless asked for by name.
/// </summary>
[Flags]
public enum RuleProfiles
{
    /// <summary>No profile: no axe-core rule runs. Not a valid choice for a scan.</summary>
    None = 0,

    /// <summary><c>wcag2aa</c>: WCAG 2.0 and 2.1, levels A and AA (tags wcag2a, wcag2aa, wcag21a, wcag21aa).</summary>
    Wcag2aa = 1,

    /// <summary><c>wcag22aa</c>: WCAG 2.2 levels A and AA, that is <see cref="Wcag2aa"/> and the rules of 2.2 (tag wcag22aa).</summary>
    Wcag22aa = 2,

    /// <summary><c>best-practice</c>: axe-core's best practices, which no WCAG criterion requires (tag best-practice).</summary>
    BestPractice = 4,

    /// <summary><c>aaa</c>: the rules of WCAG level AAA only (tag wcag2aaa); add a WCAG profile for A and AA.</summary>
    Aaa = 8,
}
