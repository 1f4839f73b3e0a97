using System.Globalization;

namespace Shishin.Scanning.Crawling;

/// <summary>
/// robots.txt as RFC 9309 reads it: the group for our product token (or <c>*</c>), the longest matching rule wins,
/// Allow wins a tie, <c>*</c> and <c>$</c> wildcards; plus the <c>Sitemap:</c> lines and an optional Crawl-delay.
/// </summary>
internal sealed class RobotsTxt
{
    private readonly List<(bool Allow, string Pattern)> rules;

    private RobotsTxt(List<(bool, string)> rules, IReadOnlyList<Uri> sitemaps, TimeSpan? crawlDelay)
    {
        this.rules = rules;
        Sitemaps = sitemaps;
        CrawlDelay = crawlDelay;
    }

    /// <summary>A robots.txt that allows everything (missing or unreadable file).</summary>
    public static RobotsTxt AllowAll { get; } = new([], [], null);

    /// <summary>The sitemaps the file names.</summary>
    public IReadOnlyList<Uri> Sitemaps { get; }

    /// <summary>The delay the file asks of our user agent, if any.</summary>
    public TimeSpan? CrawlDelay { get; }

    /// <summary>Parses a robots.txt for the product token <paramref name="userAgent"/> (e.g. <c>Shishin</c>).</summary>
    public static RobotsTxt Parse(string text, string userAgent, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(userAgent);
        var specific = new List<(bool, string)>();
        var general = new List<(bool, string)>();
        TimeSpan? specificDelay = null;
        TimeSpan? generalDelay = null;
        var sitemaps = new List<Uri>();
        var groupAgents = new List<string>();
        var inRules = false;

        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Split('#', 2)[0].Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var field = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (field)
            {
                case "user-agent":
                    if (inRules)
                    {
                        groupAgents.Clear();
                        inRules = false;
                    }

                    groupAgents.Add(value.ToLowerInvariant());
                    break;
                case "allow" or "disallow":
                    inRules = true;
                    if (value.Length == 0 && field == "disallow")
                    {
                        break;
                    }

                    var rule = (field == "allow", value);
                    if (groupAgents.Any(a => userAgent.StartsWith(a, StringComparison.OrdinalIgnoreCase) && a != "*"))
                    {
                        specific.Add(rule);
                    }
                    else if (groupAgents.Contains("*"))
                    {
                        general.Add(rule);
                    }

                    break;
                case "crawl-delay":
                    inRules = true;
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and <= 60)
                    {
                        var delay = TimeSpan.FromSeconds(seconds);
                        if (groupAgents.Any(a => a != "*" && userAgent.StartsWith(a, StringComparison.OrdinalIgnoreCase)))
                        {
                            specificDelay = delay;
                        }
                        else if (groupAgents.Contains("*"))
                        {
                            generalDelay = delay;
                        }
                    }

                    break;
                case "sitemap":
                    if (Uri.TryCreate(baseUrl, value, out var sitemap) && (sitemap.Scheme == Uri.UriSchemeHttp || sitemap.Scheme == Uri.UriSchemeHttps))
                    {
                        sitemaps.Add(sitemap);
                    }

                    break;
            }
        }

        var hasSpecificGroup = specific.Count > 0 || specificDelay is not null;
        return new(hasSpecificGroup ? specific : general, sitemaps, hasSpecificGroup ? specificDelay : generalDelay);
    }

    /// <summary>True when our user agent may fetch the URL.</summary>
    public bool IsAllowed(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var path = url.PathAndQuery;
        var best = -1;
        var allowed = true;
        foreach (var (allow, pattern) in rules)
        {
            if (Matches(pattern, path) && (pattern.Length > best || (pattern.Length == best && allow)))
            {
                best = pattern.Length;
                allowed = allow;
            }
        }

        return allowed;
    }

    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var body = anchored ? pattern[..^1] : pattern;
        return Match(body.AsSpan(), path.AsSpan(), anchored);
    }

    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> path, bool anchored)
    {
        while (true)
        {
            if (pattern.IsEmpty)
            {
                return !anchored || path.IsEmpty;
            }

            if (pattern[0] == '*')
            {
                var rest = pattern[1..];
                for (var i = 0; i <= path.Length; i++)
                {
                    if (Match(rest, path[i..], anchored))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (path.IsEmpty || pattern[0] != path[0])
            {
                return false;
            }

            pattern = pattern[1..];
            path = path[1..];
        }
    }
}
