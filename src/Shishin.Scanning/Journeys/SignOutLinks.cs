using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Shishin.Scanning.Checks;

namespace Shishin.Scanning.Journeys;

/// <summary>
/// Tells sign-out links apart (<see cref="ScanOptions.SessionExclude"/>): a scan with a session must neither follow nor
/// check them, or its first visit to "ログアウト" would end the session for every page after it — and, for sites that
/// end the session on the server, for the person whose session it is.
/// </summary>
internal sealed partial class SignOutLinks
{
    private readonly List<Regex> patterns;

    private SignOutLinks(IEnumerable<string> patterns) =>
        this.patterns = patterns.Where(p => !string.IsNullOrWhiteSpace(p)).Select(Compile).ToList();

    /// <summary>The filter for the scan, or <see langword="null"/> when it has no session and every link may be followed.</summary>
    public static SignOutLinks? For(ScanOptions options) =>
        HasSession(options) ? new SignOutLinks(options.SessionExclude) : null;

    /// <summary>True when the scan carries a session: cookies, a storage state or headers.</summary>
    public static bool HasSession(ScanOptions options) =>
        options.Cookies.Count > 0 || options.AuthStatePath is not null || options.Headers.Count > 0;

    /// <summary>True when the link's path and query or its text (content, aria-label, title) matches a pattern.</summary>
    public bool IsSignOut(PageLink link) =>
        (Uri.TryCreate(link.Href, UriKind.Absolute, out var url) && Matches(Uri.UnescapeDataString(url.PathAndQuery)))
        || Matches(TextOf(link.Html));

    /// <summary>True when the URL's path and query matches a pattern (sitemap entries, which have no text).</summary>
    public bool IsSignOut(Uri url) => Matches(Uri.UnescapeDataString(url.PathAndQuery));

    public IReadOnlyList<PageLink> Keep(IReadOnlyList<PageLink> links) => links.Where(l => !IsSignOut(l)).ToList();

    private bool Matches(string text) => text.Length > 0 && patterns.Any(p => p.IsMatch(text));

    /// <summary>The words a person reads or hears for the link: its text, aria-label and title, from the probe's snippet.</summary>
    private static string TextOf(string html)
    {
        var text = new StringBuilder(WebUtility.HtmlDecode(Tags().Replace(html, " ")));
        foreach (Match attribute in Labels().Matches(html))
        {
            text.Append(' ').Append(WebUtility.HtmlDecode(attribute.Groups["value"].Value));
        }

        return text.ToString();
    }

    private static Regex Compile(string pattern)
    {
        var body = string.Join(".*?", pattern.Trim().Split('*').Select(Regex.Escape));
        // "log out" must not match "blog outline": a pattern that starts with a Latin letter starts a word.
        var start = char.IsAsciiLetter(pattern.Trim()[0]) ? @"(?<![\p{L}\p{N}])" : "";
        return new Regex(start + body, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Tags();

    [GeneratedRegex("""(?:aria-label|title)\s*=\s*(?:"(?<value>[^"]*)"|'(?<value>[^']*)')""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Labels();
}
