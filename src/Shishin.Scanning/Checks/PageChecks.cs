using System.Globalization;
using System.Text.RegularExpressions;
using Shishin.Scanning.Rules;

namespace Shishin.Scanning.Checks;

/// <summary>What the network side of a page load looked like.</summary>
internal sealed record NetworkSummary(long WeightBytes, int RequestCount, IReadOnlyList<string> InsecureRequests);

/// <summary>The <c>page.*</c> checks that need only what was read from the page and its network traffic.</summary>
internal static partial class PageChecks
{
    /// <summary>Checks status, redirects, title, language, viewport, description, hreflang, weight, requests and mixed content.</summary>
    public static List<Finding> Check(
        Uri page,
        Uri finalUrl,
        int? status,
        IReadOnlyList<RedirectHop> redirects,
        PageSnapshot snapshot,
        NetworkSummary network,
        ScanThresholds thresholds)
    {
        var findings = new List<Finding>();
        if (status is >= 400)
        {
            findings.Add(Findings.Create(ScannerRules.PageHttpStatus, page, string.Create(CultureInfo.InvariantCulture, $"The page answered HTTP {status}.")));
        }

        if (redirects.Count > 1)
        {
            var chain = string.Join(" → ", redirects.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Url} ({r.StatusCode})")).Append(finalUrl.ToString()));
            findings.Add(Findings.Create(
                ScannerRules.PageRedirectChain,
                page,
                string.Create(CultureInfo.InvariantCulture, $"The page is reached through {redirects.Count} redirects: {chain}."),
                redirects.Select(r => new NodeSpec("redirect:" + r.Url, r.Url.ToString(), string.Create(CultureInfo.InvariantCulture, $"HTTP {r.StatusCode}")))));
        }

        if (string.IsNullOrWhiteSpace(snapshot.Title))
        {
            findings.Add(Findings.Create(ScannerRules.PageTitle, page, "The page has no title, or an empty one."));
        }

        if (string.IsNullOrWhiteSpace(snapshot.Lang))
        {
            findings.Add(Findings.Create(ScannerRules.PageLang, page, "The html element has no lang attribute.", [new NodeSpec("html", "<html>")]));
        }
        else if (LanguageGuess.Mismatch(snapshot.Lang, snapshot.Text) is { } mismatch)
        {
            findings.Add(Findings.Create(ScannerRules.PageLangMismatch, page, mismatch, [new NodeSpec("html", $"<html lang=\"{snapshot.Lang}\">")]));
        }

        if (ViewportProblem(snapshot.Viewport) is { } viewport)
        {
            findings.Add(Findings.Create(ScannerRules.PageViewport, page, viewport, snapshot.Viewport is null ? null : [new NodeSpec("meta[name=\"viewport\"]", $"<meta name=\"viewport\" content=\"{snapshot.Viewport}\">")]));
        }

        if (string.IsNullOrWhiteSpace(snapshot.Description))
        {
            findings.Add(Findings.Create(ScannerRules.PageDescription, page, "The page has no meta description, or an empty one."));
        }

        if (HreflangProblems(finalUrl, snapshot.Hreflang) is { Count: > 0 } hreflang)
        {
            findings.Add(Findings.Create(ScannerRules.PageHreflang, page, "hreflang alternates: " + string.Join(" ", hreflang.Select(h => h.Detail)), hreflang));
        }

        if (network.WeightBytes > thresholds.PageWeightBytes)
        {
            findings.Add(Findings.Create(ScannerRules.PageWeight, page, string.Create(CultureInfo.InvariantCulture, $"Loading the page transferred {network.WeightBytes:N0} bytes, more than {thresholds.PageWeightBytes:N0}.")));
        }

        if (network.RequestCount > thresholds.RequestCount)
        {
            findings.Add(Findings.Create(ScannerRules.PageRequestCount, page, string.Create(CultureInfo.InvariantCulture, $"Loading the page made {network.RequestCount} requests, more than {thresholds.RequestCount}.")));
        }

        if (finalUrl.Scheme == Uri.UriSchemeHttps && network.InsecureRequests.Count > 0)
        {
            findings.Add(Findings.Create(
                ScannerRules.PageMixedContent,
                page,
                string.Create(CultureInfo.InvariantCulture, $"The HTTPS page requests {network.InsecureRequests.Count} resource(s) over plain HTTP."),
                network.InsecureRequests.Select(url => new NodeSpec("request:" + url, url))));
        }

        return findings;
    }

    /// <summary>What is wrong with a viewport meta tag's content, or <see langword="null"/> when it is responsive and zoomable.</summary>
    public static string? ViewportProblem(string? viewport)
    {
        if (viewport is null)
        {
            return "The page has no viewport meta tag, so phones show it zoomed out.";
        }

        var settings = viewport.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0].ToLowerInvariant(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last()[1].ToLowerInvariant(), StringComparer.Ordinal);
        if (settings.GetValueOrDefault("width") != "device-width")
        {
            return $"The viewport meta tag \"{viewport}\" does not set width=device-width.";
        }

        if (settings.GetValueOrDefault("user-scalable") is "no" or "0")
        {
            return $"The viewport meta tag \"{viewport}\" disables zooming (user-scalable={settings["user-scalable"]}).";
        }

        if (settings.GetValueOrDefault("maximum-scale") is { } max && double.TryParse(max, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) && scale < 2)
        {
            return $"The viewport meta tag \"{viewport}\" limits zooming to {max}×.";
        }

        return null;
    }

    /// <summary>Invalid hreflang values and alternates that leave out the page itself; reciprocity across pages is checked after the crawl.</summary>
    public static List<NodeSpec> HreflangProblems(Uri finalUrl, IReadOnlyList<HreflangLink> links)
    {
        var problems = new List<NodeSpec>();
        if (links.Count == 0)
        {
            return problems;
        }

        foreach (var link in links)
        {
            var html = $"<link rel=\"alternate\" hreflang=\"{link.Hreflang}\" href=\"{link.Href}\">";
            if (!link.Hreflang.Equals("x-default", StringComparison.OrdinalIgnoreCase) && !LanguageTag().IsMatch(link.Hreflang))
            {
                problems.Add(new NodeSpec($"link[hreflang=\"{link.Hreflang}\"]", html, $"\"{link.Hreflang}\" is not a valid language tag."));
            }
            else if (!Uri.TryCreate(link.Href, UriKind.Absolute, out _))
            {
                problems.Add(new NodeSpec($"link[hreflang=\"{link.Hreflang}\"]", html, $"\"{link.Href}\" is not a valid address."));
            }
        }

        var self = Crawling.UrlNormalizer.Key(finalUrl);
        if (!links.Any(l => Uri.TryCreate(l.Href, UriKind.Absolute, out var href) && href.Scheme.StartsWith("http", StringComparison.Ordinal) && Crawling.UrlNormalizer.Key(href) == self))
        {
            problems.Add(new NodeSpec("link[rel=\"alternate\"][hreflang]", "", "The alternates do not include the page itself."));
        }

        return problems;
    }

    /// <summary>
    /// The hreflang alternates among the scanned pages that do not link back (a page A names B, B was scanned and
    /// names no alternate that is A).
    /// </summary>
    public static IEnumerable<(PageResult Page, NodeSpec Node)> NonReciprocal(IReadOnlyList<(PageResult Page, IReadOnlyList<HreflangLink> Links)> pages)
    {
        var byKey = new Dictionary<string, IReadOnlyList<HreflangLink>>(StringComparer.Ordinal);
        foreach (var (page, links) in pages)
        {
            if (page.FinalUrl is { } final)
            {
                byKey.TryAdd(Crawling.UrlNormalizer.Key(final), links);
            }
        }

        foreach (var (page, links) in pages)
        {
            if (page.FinalUrl is not { } final)
            {
                continue;
            }

            var self = Crawling.UrlNormalizer.Key(final);
            foreach (var link in links)
            {
                if (!Uri.TryCreate(link.Href, UriKind.Absolute, out var href) || !href.Scheme.StartsWith("http", StringComparison.Ordinal))
                {
                    continue;
                }

                var target = Crawling.UrlNormalizer.Key(href);
                if (target != self && byKey.TryGetValue(target, out var back)
                    && !back.Any(b => Uri.TryCreate(b.Href, UriKind.Absolute, out var u) && u.Scheme.StartsWith("http", StringComparison.Ordinal) && Crawling.UrlNormalizer.Key(u) == self))
                {
                    yield return (page, new NodeSpec(
                        $"link[hreflang=\"{link.Hreflang}\"]",
                        $"<link rel=\"alternate\" hreflang=\"{link.Hreflang}\" href=\"{link.Href}\">",
                        $"{link.Href} does not name this page as an alternate."));
                }
            }
        }
    }

    /// <summary>A BCP 47 language tag, loosely: a 2–3 letter language, then optional script, region and variants.</summary>
    [GeneratedRegex("^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|[0-9]{3}))?(-[a-zA-Z0-9]{4,8})*$")]
    private static partial Regex LanguageTag();
}

/// <summary>The <c>performance.*</c> checks against the thresholds.</summary>
internal static class PerformanceChecks
{
    public static List<Finding> Check(Uri page, PageTimings timings, ScanThresholds thresholds)
    {
        var findings = new List<Finding>();
        Over(ScannerRules.PerformanceTtfb, "Time to first byte", timings.TimeToFirstByte, thresholds.TimeToFirstByte);
        Over(ScannerRules.PerformanceFcp, "First contentful paint", timings.FirstContentfulPaint, thresholds.FirstContentfulPaint);
        Over(ScannerRules.PerformanceLcp, "Largest contentful paint", timings.LargestContentfulPaint, thresholds.LargestContentfulPaint);
        if (timings.CumulativeLayoutShift is { } cls && cls > thresholds.CumulativeLayoutShift)
        {
            findings.Add(Findings.Create(ScannerRules.PerformanceCls, page, string.Create(CultureInfo.InvariantCulture, $"Cumulative layout shift is {cls:0.###}, more than {thresholds.CumulativeLayoutShift:0.###}.")));
        }

        return findings;

        void Over(string ruleId, string name, TimeSpan? value, TimeSpan threshold)
        {
            if (value is { } measured && measured > threshold)
            {
                findings.Add(Findings.Create(ruleId, page, string.Create(CultureInfo.InvariantCulture, $"{name} took {measured.TotalSeconds:0.00} s, more than {threshold.TotalSeconds:0.00} s.")));
            }
        }
    }
}
