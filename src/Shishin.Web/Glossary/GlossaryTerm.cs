using System.Text.RegularExpressions;

namespace Shishin.Web.Glossary;

/// <summary>A word the glossary turned down, with the pattern that finds it (the word itself unless a context matters).</summary>
public sealed record RejectedVariant(string Text, string? Pattern = null, bool HeadingsOnly = false)
{
    public Regex Regex { get; } = new(Pattern ?? Regex.Escape(Text), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}

/// <summary>
/// One term of the product: the words used for it in Japanese and English, the resource key whose texts are those
/// words (null for terms not shown on their own), and the variants that must not appear.
/// </summary>
public sealed record GlossaryTerm(
    string English,
    string Japanese,
    string? ResourceKey,
    string Meaning,
    IReadOnlyList<RejectedVariant> RejectedJapanese,
    IReadOnlyList<RejectedVariant> RejectedEnglish);
