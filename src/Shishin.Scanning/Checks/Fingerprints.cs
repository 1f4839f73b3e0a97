using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Shishin.Scanning.Checks;

/// <summary>Stable ids of findings, for comparing two scans of the same site.</summary>
internal static partial class Fingerprints
{
    /// <summary>
    /// The first 128 bits of SHA-256 over the rule id, the page's path and query, and the normalised selector, in
    /// lower-case hex. Host and scheme are left out so that the same site on another host (staging) compares.
    /// </summary>
    public static string Compute(string ruleId, Uri page, string? selector = null)
    {
        var text = $"{ruleId}\n{PagePath(page)}\n{NormalizeSelector(selector ?? "")}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>The path and query of a page, as the fingerprint sees it.</summary>
    public static string PagePath(Uri page) => page.IsAbsoluteUri ? page.PathAndQuery : page.OriginalString;

    /// <summary>
    /// One spelling per selector: whitespace collapsed and none around the combinators <c>&gt; + ~</c>, so that a
    /// differently formatted selector of the same element gives the same fingerprint.
    /// </summary>
    public static string NormalizeSelector(string selector)
    {
        var collapsed = Whitespace().Replace(selector.Trim(), " ");
        return Combinator().Replace(collapsed, "$1");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s*([>+~])\s*")]
    private static partial Regex Combinator();
}
