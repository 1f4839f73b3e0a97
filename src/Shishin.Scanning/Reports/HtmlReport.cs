using System.Globalization;
using System.Text;
using Shishin.Scanning.Rules;

namespace Shishin.Scanning.Reports;

/// <summary>
/// A self-contained HTML report for people, in Japanese or English: one file with its style sheet inline and no
/// script, so it can be mailed or archived and opened anywhere. It has a summary, a list of pages, every page's
/// findings with their selectors and HTML (escaped), page errors and blocked requests; headings in order, tables
/// with captions and header cells with scope, and colours with at least 7:1 contrast. The markup is also
/// well-formed XML, so that tools can read it without an HTML parser.
/// </summary>
public static class HtmlReport
{
    /// <summary>The most elements listed per finding; the rest are counted.</summary>
    public const int MaxNodesPerFinding = 20;

    private const string Style = """
        :root { color-scheme: light; }
        body { margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 3rem; font: 1rem/1.7 system-ui, -apple-system, "Hiragino Sans", "Noto Sans JP", "Yu Gothic UI", sans-serif; color: #1a1a1a; background: #ffffff; }
        h1 { font-size: 1.9rem; line-height: 1.3; }
        h2 { font-size: 1.5rem; margin-top: 2.5rem; border-bottom: 2px solid #1a1a1a; }
        h3 { font-size: 1.2rem; margin-top: 2rem; overflow-wrap: anywhere; }
        a { color: #0031a8; text-decoration: underline; }
        a:visited { color: #5a1a8f; }
        a:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
        table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
        caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
        th, td { border: 1px solid #595959; padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        thead th { background: #e8e8e8; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; }
        code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9rem; }
        pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.25rem 0 0.75rem; padding: 0.4rem; background: #f3f3f3; border: 1px solid #8c8c8c; }
        ul.nodes { margin: 0; padding-left: 1.2rem; }
        .impact { display: inline-block; white-space: nowrap; padding: 0 0.4rem; border: 1px solid currentColor; border-radius: 0.25rem; font-weight: bold; }
        .critical { color: #7a0000; background: #fde8e8; }
        .serious { color: #6b2400; background: #fff0e0; }
        .moderate { color: #4d3800; background: #fff8d6; }
        .minor { color: #1f3d1f; background: #eaf5ea; }
        .notice { border: 2px solid #6b2400; background: #fff0e0; padding: 0.5rem 1rem; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
        dl.facts dt { font-weight: bold; }
        dl.facts dd { margin: 0; overflow-wrap: anywhere; }
        footer { margin-top: 3rem; border-top: 1px solid #595959; font-size: 0.9rem; }
        """;

    /// <summary>Writes <paramref name="result"/> as HTML in <paramref name="language"/> to <paramref name="output"/>, which is left open.</summary>
    /// <param name="result">The scan to report.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="language">The language of the report's texts; finding messages stay in English.</param>
    public static void Write(ScanResult result, Stream output, ReportLanguage language = ReportLanguage.Japanese)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        var html = Render(result, ReportText.For(language));
        var bytes = new UTF8Encoding(false).GetBytes(html);
        output.Write(bytes);
    }

    private static string Render(ScanResult result, ReportText text)
    {
        var summary = ScanSummary.From(result);
        var pages = result.Pages.OrderBy(p => p.RequestedUrl.AbsoluteUri, StringComparer.Ordinal).ToList();
        var html = new StringBuilder();
        var hosts = string.Join(", ", result.Options.StartUrls.Select(u => u.Authority).Distinct(StringComparer.OrdinalIgnoreCase));

        html.Append("<!DOCTYPE html>\n");
        html.Append(CultureInfo.InvariantCulture, $"<html lang=\"{text.Lang}\">\n<head>\n<meta charset=\"utf-8\" />\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(text.Title)}: {E(hosts)}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<header>\n<p>{E(text.Title)}</p>\n<h1>{E(text.Heading)}: {E(hosts)}</h1>\n</header>\n<main>\n");

        if (result.Cancelled)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"notice\">{E(text.CancelledNotice)}</p>\n");
        }

        WriteSummary(html, result, summary, text);
        WritePageList(html, pages, text);
        WriteFindings(html, pages, text);
        WritePageErrors(html, pages, text);
        WriteBlocked(html, result, text);

        html.Append("</main>\n<footer>\n<p>");
        html.Append(E(string.Format(CultureInfo.InvariantCulture, text.GeneratedBy, result.ScannerVersion)));
        html.Append(CultureInfo.InvariantCulture, $" <a href=\"{E(ScannerInfo.InfoUrl.AbsoluteUri)}\">{E(ScannerInfo.InfoUrl.AbsoluteUri)}</a></p>\n</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void WriteSummary(StringBuilder html, ScanResult result, ScanSummary summary, ReportText text)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">{E(text.Summary)}</h2>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h3>{E(text.ScanDetails)}</h3>\n<dl class=\"facts\">\n");
        Fact(html, text.StartUrls, string.Join("\n", result.Options.StartUrls.Select(u => u.AbsoluteUri)));
        Fact(html, text.StartedAt, result.StartedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        Fact(html, text.Duration, result.Duration.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture));
        Fact(html, text.Scanner, result.AxeVersion.Length > 0 ? $"Shishin {result.ScannerVersion} (axe-core {result.AxeVersion})" : $"Shishin {result.ScannerVersion}");
        Fact(html, text.Browser, result.BrowserVersion.Length > 0 ? result.BrowserVersion : text.None);
        Fact(html, text.UserAgent, result.UserAgent.Length > 0 ? result.UserAgent : text.None);
        html.Append("</dl>\n");

        html.Append(CultureInfo.InvariantCulture, $"<table>\n<caption>{E(text.Figures)}</caption>\n<thead><tr><th scope=\"col\">{E(text.Figure)}</th><th scope=\"col\">{E(text.Count)}</th></tr></thead>\n<tbody>\n");
        CountRow(html, text.PagesScanned, summary.Pages);
        foreach (var impact in Enum.GetValues<FindingImpact>().Reverse())
        {
            CountRow(html, $"{text.Violations}: {text.ImpactName(impact)}", summary.Violations[impact], Lower(impact));
        }

        CountRow(html, text.ViolationsTotal, summary.Violations.Total);
        CountRow(html, text.NeedsReview, summary.NeedsReview);
        CountRow(html, text.PageErrors, summary.PageErrors);
        CountRow(html, text.BlockedRequests, summary.BlockedRequests);
        CountRow(html, text.SkippedUrls, summary.Skipped);
        html.Append("</tbody>\n</table>\n");

        var byRule = result.Pages
            .SelectMany(p => p.Findings)
            .Where(f => f.Outcome == FindingOutcome.Violation)
            .GroupBy(f => f.RuleId, StringComparer.Ordinal)
            .OrderByDescending(g => g.Max(f => f.Impact))
            .ThenByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (byRule.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<table>\n<caption>{E(text.RulesCaption)}</caption>\n<thead><tr><th scope=\"col\">{E(text.Rule)}</th><th scope=\"col\">{E(text.WhatItChecks)}</th><th scope=\"col\">{E(text.Impact)}</th><th scope=\"col\">{E(text.PagesColumn)}</th></tr></thead>\n<tbody>\n");
            foreach (var group in byRule)
            {
                var worst = group.Max(f => f.Impact);
                html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\"><code>{E(group.Key)}</code></th><td>{E(text.RuleDescription(group.Key))}</td>");
                html.Append(CultureInfo.InvariantCulture, $"<td>{Badge(worst, text)}</td><td class=\"number\">{group.Count()}</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("</section>\n");
    }

    private static void WritePageList(StringBuilder html, List<PageResult> pages, ReportText text)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"pages\">\n<h2 id=\"pages\">{E(text.PageList)}</h2>\n");
        html.Append(CultureInfo.InvariantCulture, $"<table>\n<caption>{E(text.PageListCaption)}</caption>\n<thead><tr><th scope=\"col\">{E(text.Page)}</th><th scope=\"col\">{E(text.Status)}</th><th scope=\"col\">{E(text.Violations)}</th><th scope=\"col\">{E(text.NeedsReview)}</th></tr></thead>\n<tbody>\n");
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            var status = page.Error is { } error ? $"{page.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "-"} ({error.Kind})" : page.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "-";
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\"><a href=\"#page-{i + 1}\">{E(page.RequestedUrl.AbsoluteUri)}</a></th><td>{E(status)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"number\">{page.Findings.Count(f => f.Outcome == FindingOutcome.Violation)}</td><td class=\"number\">{page.Findings.Count(f => f.Outcome == FindingOutcome.NeedsReview)}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void WriteFindings(StringBuilder html, List<PageResult> pages, ReportText text)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"findings\">\n<h2 id=\"findings\">{E(text.FindingsByPage)}</h2>\n");
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            var id = string.Create(CultureInfo.InvariantCulture, $"page-{i + 1}");
            html.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"{id}\">\n<h3 id=\"{id}\">{E(page.RequestedUrl.AbsoluteUri)}</h3>\n<dl class=\"facts\">\n");
            if (page.FinalUrl is { } final && final != page.RequestedUrl)
            {
                Fact(html, text.FinalUrl, final.AbsoluteUri);
            }

            Fact(html, text.Status, page.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "-");
            Fact(html, text.PageTitle, string.IsNullOrEmpty(page.Title) ? text.None : page.Title);
            Fact(html, text.PageLang, string.IsNullOrEmpty(page.Lang) ? text.None : page.Lang);
            html.Append("</dl>\n");
            if (page.Error is { } error)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"notice\">{E(text.CouldNotScan)}: {E(error.Kind.ToString())}: {E(error.Message)}</p>\n");
            }

            if (page.Findings.Count == 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>{E(text.NoFindings)}</p>\n</section>\n");
                continue;
            }

            html.Append(CultureInfo.InvariantCulture, $"<table>\n<caption>{E(text.FindingsCaption)} ({page.Findings.Count})</caption>\n<thead><tr><th scope=\"col\">{E(text.Rule)}</th><th scope=\"col\">{E(text.Impact)}</th><th scope=\"col\">{E(text.Details)}</th><th scope=\"col\">{E(text.Where)}</th></tr></thead>\n<tbody>\n");
            var ordered = page.Findings
                .OrderBy(f => f.Outcome)
                .ThenByDescending(f => f.Impact)
                .ThenBy(f => f.RuleId, StringComparer.Ordinal);
            foreach (var finding in ordered)
            {
                WriteFinding(html, finding, text);
            }

            html.Append("</tbody>\n</table>\n</section>\n");
        }

        html.Append("</section>\n");
    }

    private static void WriteFinding(StringBuilder html, Finding finding, ReportText text)
    {
        html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\"><code>{E(finding.RuleId)}</code><br />{E(text.CategoryName(finding.Category))}</th>");
        var outcome = finding.Outcome == FindingOutcome.NeedsReview ? text.Review : text.Violation;
        html.Append(CultureInfo.InvariantCulture, $"<td>{Badge(finding.Impact, text)}<br />{E(outcome)}</td>");

        html.Append("<td>");
        var description = text.RuleDescription(finding.RuleId);
        if (description.Length > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(description)}</p>");
        }

        html.Append(text.Lang == "en"
            ? $"<p>{E(finding.Message)}</p>"
            : $"<p>{E(text.MessageInEnglish)}: <span lang=\"en\">{E(finding.Message)}</span></p>");
        var criteria = finding.Wcag.Select(c => "WCAG " + c).Concat(finding.Jis.Select(c => "JIS X 8341-3 " + c)).ToList();
        if (criteria.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(text.Criteria)}: {E(string.Join(", ", criteria))}</p>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(finding.HelpUrl.AbsoluteUri)}\">{E(text.Help)}: {E(finding.RuleId)}</a></p></td>");

        html.Append("<td>");
        if (finding.Nodes.Count > 0)
        {
            html.Append("<ul class=\"nodes\">");
            foreach (var node in finding.Nodes.Take(MaxNodesPerFinding))
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><code>{E(node.Selector)}</code>");
                if (node.Html.Length > 0)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<pre><code>{E(node.Html)}</code></pre>");
                }

                if (!string.IsNullOrEmpty(node.Detail))
                {
                    html.Append(CultureInfo.InvariantCulture, $"<p lang=\"en\">{E(node.Detail)}</p>");
                }

                html.Append("</li>");
            }

            if (finding.Nodes.Count > MaxNodesPerFinding)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{E(string.Format(CultureInfo.InvariantCulture, text.MoreNodes, finding.Nodes.Count - MaxNodesPerFinding))}</li>");
            }

            html.Append("</ul>");
        }
        else
        {
            html.Append(E(text.WholePage));
        }

        html.Append("</td></tr>\n");
    }

    private static void WritePageErrors(StringBuilder html, List<PageResult> pages, ReportText text)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"page-errors\">\n<h2 id=\"page-errors\">{E(text.PageErrors)}</h2>\n");
        var failed = pages.Where(p => p.Error is not null).ToList();
        if (failed.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(text.NothingHere)}</p>\n</section>\n");
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<table>\n<caption>{E(text.PageErrorsCaption)}</caption>\n<thead><tr><th scope=\"col\">{E(text.Page)}</th><th scope=\"col\">{E(text.Kind)}</th><th scope=\"col\">{E(text.Message)}</th></tr></thead>\n<tbody>\n");
        foreach (var page in failed)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(page.RequestedUrl.AbsoluteUri)}</th><td>{E(page.Error!.Kind.ToString())}</td><td lang=\"en\">{E(page.Error.Message)}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void WriteBlocked(StringBuilder html, ScanResult result, ReportText text)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"blocked\">\n<h2 id=\"blocked\">{E(text.BlockedRequests)}</h2>\n");
        if (result.BlockedRequests.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(text.NothingHere)}</p>\n</section>\n");
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<table>\n<caption>{E(text.BlockedCaption)}</caption>\n<thead><tr><th scope=\"col\">{E(text.Target)}</th><th scope=\"col\">{E(text.Reason)}</th><th scope=\"col\">{E(text.Message)}</th><th scope=\"col\">{E(text.At)}</th></tr></thead>\n<tbody>\n");
        foreach (var blocked in result.BlockedRequests)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\"><code>{E(blocked.Target)}</code></th><td>{E(blocked.Reason.ToString())}</td><td lang=\"en\">{E(blocked.Detail)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{E(blocked.At.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Fact(StringBuilder html, string term, string value) =>
        html.Append(CultureInfo.InvariantCulture, $"<dt>{E(term)}</dt><dd>{E(value).Replace("\n", "<br />", StringComparison.Ordinal)}</dd>\n");

    private static void CountRow(StringBuilder html, string label, int count, string? impactClass = null)
    {
        var cell = impactClass is null ? E(label) : $"<span class=\"impact {impactClass}\">{E(label)}</span>";
        html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{cell}</th><td class=\"number\">{count}</td></tr>\n");
    }

    private static string Badge(FindingImpact impact, ReportText text) =>
        $"<span class=\"impact {Lower(impact)}\">{E(text.ImpactName(impact))}</span>";

    private static string Lower(FindingImpact impact) => impact.ToString().ToLowerInvariant();

    /// <summary>
    /// Escapes text for element content and quoted attributes, and drops control characters that neither HTML nor XML
    /// allows, so that a page's own HTML shows as text and never becomes markup of the report.
    /// </summary>
    private static string E(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var escaped = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '"': escaped.Append("&quot;"); break;
                case '\'': escaped.Append("&#39;"); break;
                case '\t' or '\n' or '\r': escaped.Append(c); break;
                case < ' ' or '\uFFFE' or '\uFFFF': break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        escaped.Append(c).Append(value[i + 1]);
                        i++;
                    }
                    else if (!char.IsSurrogate(c))
                    {
                        escaped.Append(c);
                    }

                    break;
            }
        }

        return escaped.ToString();
    }
}
