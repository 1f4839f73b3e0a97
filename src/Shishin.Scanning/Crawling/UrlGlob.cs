using System.Text;
using System.Text.RegularExpressions;

namespace Shishin.Scanning.Crawling;

/// <summary>
/// A glob over a URL's path and query: <c>*</c> matches within one path segment, <c>**</c> across segments,
/// <c>?</c> one character. <c>/news/**</c> matches every page under /news/.
/// </summary>
internal sealed class UrlGlob
{
    private readonly Regex pattern;

    /// <summary>Creates a glob such as <c>/docs/**</c> or <c>**.pdf</c>.</summary>
    public UrlGlob(string glob)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(glob);
        Text = glob;
        var regex = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                regex.Append(".*");
                i++;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        pattern = new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }

    /// <summary>The glob as written.</summary>
    public string Text { get; }

    /// <summary>True when the URL's path (and query, if any) matches.</summary>
    public bool Matches(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return pattern.IsMatch(url.AbsolutePath) || (url.Query.Length > 0 && pattern.IsMatch(url.PathAndQuery));
    }
}
