using System.Globalization;
using System.Text;
using Shishin.Scanning.Rules;

namespace Shishin.Scanning.Reports;

/// <summary>
/// A self-contained HTML report for people, in Japanese or English: one file with its style sheet inline and no
/// script, so it can be mailed or archived and opened anywhere. It leads with what was found (the figures, the
/// violations by rule, every page's findings with their selectors and HTML, escaped), then the pages, page errors and
/// blocked requests, and ends with the conditions of the scan (options, versions, timings). It uses Shishin's look
/// (the Digital Agency design tokens of the web application, the few it needs inlined), has landmarks, a table of
/// contents, headings in order, tables with captions and header cells with scope, and colours with at least 7:1
/// contrast. In the Japanese edition every text of the report and every rule description is Japanese; a message that
/// is still English (a rule axe-core's Japanese locale lacks, Shishin's own measured messages) is labelled as such and
/// marked <c>lang="en"</c>. The markup is also well-formed XML, so that tools can read it without an HTML parser.
/// </summary>
public static class HtmlReport
{
    /// <summary>The most elements listed per finding; the rest are counted.</summary>
    public const int MaxNodesPerFinding = 20;

    // The Digital Agency design tokens (@digital-go-jp/design-tokens, vendored in the web application under
    // wwwroot/lib/design-tokens) that the report uses, copied by value: the report is one file that opens anywhere.
    // Contrast is noted beside each text colour, against the background it sits on.
    private const string Style = """
        :root {
          color-scheme: light;
          --color-text: #333333;            /* solid-gray-800 on white 12.6:1 */
          --color-heading: #1a1a1a;         /* solid-gray-900 on white 17.4:1, on solid-gray-50 15.6:1 */
          --color-link: #00118f;            /* blue-1000 on white 14.2:1 */
          --color-link-visited: #8b008b;    /* magenta-900 on white 8.5:1 */
          --color-bg-subtle: #f2f2f2;       /* solid-gray-50 */
          --color-bg-brand: #e8f1fe;        /* blue-50; solid-gray-900 on it 15.3:1 */
          --color-border: #666666;          /* solid-gray-600, 5.7:1 */
          --color-divider: #b3b3b3;         /* solid-gray-300, decorative only */
          --color-brand: #0017c1;           /* blue-900 */
          --focus-outline: #000000;
          --focus-ring: #ffd43d;            /* yellow-300 */
          --font-family-sans: 'Noto Sans JP', -apple-system, BlinkMacSystemFont, sans-serif;
          --font-family-mono: 'Noto Sans Mono', ui-monospace, monospace;
        }
        body { margin: 0; font: 1rem/1.7 var(--font-family-sans); color: var(--color-text); background: #ffffff; }
        .wrap { max-width: 75rem; margin: 0 auto; padding: 0 1rem; }
        header.report { background: var(--color-bg-brand); border-bottom: 4px solid var(--color-brand); padding: 1rem 0; }
        header.report p { margin: 0; font-weight: bold; color: var(--color-heading); }
        main { padding-bottom: 3rem; }
        h1, h2, h3 { color: var(--color-heading); line-height: 1.4; }
        h1 { font-size: 1.75rem; margin: 0.25rem 0 0; overflow-wrap: anywhere; }
        h2 { font-size: 1.5rem; margin-top: 2.5rem; padding-bottom: 0.25rem; border-bottom: 2px solid var(--color-heading); }
        h3 { font-size: 1.25rem; margin-top: 2rem; overflow-wrap: anywhere; }
        a { color: var(--color-link); text-decoration: underline; text-underline-offset: 0.2em; }
        a:visited { color: var(--color-link-visited); }
        a:focus-visible { outline: 4px solid var(--focus-outline); outline-offset: 2px; box-shadow: 0 0 0 2px var(--focus-ring); }
        nav.contents { background: var(--color-bg-subtle); padding: 0.5rem 1rem; margin-top: 1rem; border-radius: 8px; }
        nav.contents h2 { font-size: 1.125rem; margin: 0.25rem 0; border: 0; }
        nav.contents ul { margin: 0; padding-left: 1.25rem; }
        table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
        caption { text-align: left; font-weight: bold; color: var(--color-heading); padding: 0.25rem 0; }
        th, td { border: 1px solid var(--color-border); padding: 0.5rem 0.75rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        thead th { background: var(--color-bg-subtle); color: var(--color-heading); }
        td.number { text-align: right; font-variant-numeric: tabular-nums; }
        code, pre { font-family: var(--font-family-mono); font-size: 0.875rem; }
        pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.25rem 0 0.75rem; padding: 0.5rem; background: var(--color-bg-subtle); border: 1px solid var(--color-border); border-radius: 4px; }
        ul.nodes { margin: 0; padding-left: 1.25rem; }
        .label { font-weight: bold; }
        .impact { display: inline-block; white-space: nowrap; padding: 0 0.5rem; border: 1px solid currentColor; border-radius: 4px; font-weight: bold; }
        .critical { color: #850000; background: #fdeeee; }  /* red-1100 on red-50 9.3:1 */
        .serious { color: #8b3200; background: #ffeee2; }   /* orange-1000 on orange-50 7.3:1 */
        .moderate { color: #604b00; background: #fbf5e0; }  /* yellow-1200 on yellow-50 7.7:1 */
        .minor { color: #0c472a; background: #e6f5ec; }     /* green-1000 on green-50 9.6:1 */
        .notice { border: 2px solid #8b3200; background: #ffeee2; color: var(--color-heading); padding: 0.5rem 1rem; border-radius: 4px; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
        dl.facts dt { font-weight: bold; color: var(--color-heading); }
        dl.facts dd { margin: 0; overflow-wrap: anywhere; }
        footer { border-top: 1px solid var(--color-divider); font-size: 0.875rem; padding: 1rem 0 2rem; }
        @media (max-width: 40em) { dl.facts { grid-template-columns: 1fr; } dl.facts dd { margin-bottom: 0.5rem; } }
        """;

    /// <summary>Writes <paramref name="result"/> as HTML in <paramref name="language"/> to <paramref name="output"/>, which is left open.</summary>
    /// <param name="result">The scan to report.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="language">
    /// The language of the report's texts. axe-core's messages are in the language the scan ran with
    /// (<see cref="ScanOptions.Language"/>); Shishin's own measured messages are English and labelled so.
    /// </param>
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
        html.Append(CultureInfo.InvariantCulture, $"<meta name=\"description\" content=\"{E(text.Title)}{text.Colon}{E(hosts)}\" />\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(hosts)} — {E(text.Title)} — Shishin</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<header class=\"report\">\n<div class=\"wrap\">\n<p>{E(text.Product)}</p>\n<h1>{E(text.Heading)}{text.Colon}{E(hosts)}</h1>\n</div>\n</header>\n");

        html.Append("<div class=\"wrap\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<nav class=\"contents\" aria-labelledby=\"contents\">\n<h2 id=\"contents\">{E(text.Contents)}</h2>\n<ul>\n");
        foreach (var (id, title) in new[]
        {
            ("summary", text.Summary), ("findings", text.FindingsByPage), ("pages", text.PageList),
            ("page-errors", text.PageErrors), ("blocked", text.BlockedRequests), ("conditions", text.ScanDetails),
        })
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{id}\">{E(title)}</a></li>\n");
        }

        html.Append("</ul>\n</nav>\n<main>\n");
        if (result.Cancelled)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"notice\">{E(text.CancelledNotice)}</p>\n");
        }

        WriteSummary(html, result, summary, text);
        WriteFindings(html, pages, text);
        WritePageList(html, pages, text);
        WritePageErrors(html, pages, text);
        WriteBlocked(html, result, text);
        WriteConditions(html, result, text);

        html.Append("</main>\n</div>\n<footer>\n<div class=\"wrap\">\n<p>");
        html.Append(E(string.Format(CultureInfo.InvariantCulture, text.GeneratedBy, result.ScannerVersion)));
        html.Append(CultureInfo.InvariantCulture, $" <a href=\"{E(ScannerInfo.InfoUrl.AbsoluteUri)}\">{E(ScannerInfo.InfoUrl.AbsoluteUri)}</a></p>\n</div>\n</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void WriteSummary(StringBuilder html, ScanResult result, ScanSummary summary, ReportText text)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">{E(text.Summary)}</h2>\n");
        html.Append(CultureInfo.InvariantCulture, $"<table>\n<caption>{E(text.Figures)}</caption>\n<thead><tr><th scope=\"col\">{E(text.Figure)}</th><th scope=\"col\">{E(text.Count)}</th></tr></thead>\n<tbody>\n");
        CountRow(html, text.PagesScanned, summary.Pages);
        foreach (var impact in Enum.GetValues<FindingImpact>().Reverse())
        {
            CountRow(html, $"{text.Violations}{text.Colon}{text.ImpactName(impact)}", summary.Violations[impact], Lower(impact));
        }

        CountRow(html, text.ViolationsTotal, summary.Violations.Total);
        CountRow(html, text.NeedsReview, summary.NeedsReview);
        CountRow(html, text.PageErrors, summary.PageErrors);
        CountRow(html, text.PartialPages, summary.PartialPages);
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

    private static void WriteConditions(StringBuilder html, ScanResult result, ReportText text)
    {
        var options = result.Options;
        html.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"conditions\">\n<h2 id=\"conditions\">{E(text.ScanDetails)}</h2>\n<dl class=\"facts\">\n");
        Fact(html, text.StartUrls, string.Join("\n", options.StartUrls.Select(u => u.AbsoluteUri)));
        Fact(html, text.StartedAt, result.StartedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        Fact(html, text.Duration, result.Duration.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture));
        Fact(html, text.MaxPages, options.MaxPages.ToString(CultureInfo.InvariantCulture));
        Fact(html, text.MaxDepth, options.MaxDepth.ToString(CultureInfo.InvariantCulture));
        Fact(html, text.Concurrency, options.Concurrency.ToString(CultureInfo.InvariantCulture));
        Fact(html, text.Device, options.Mobile ? text.DeviceMobile : text.DeviceDesktop);
        Fact(html, text.AccessibilityRules, RuleProfileLines(options.ActiveRules, text));
        Fact(html, text.Include, options.Include.Count > 0 ? string.Join("\n", options.Include) : text.None);
        Fact(html, text.Exclude, options.Exclude.Count > 0 ? string.Join("\n", options.Exclude) : text.None);
        Fact(html, text.Robots, options.ObeyRobots ? text.Yes : text.No);
        Fact(html, text.LinksChecked, options.CheckLinks ? text.Yes : text.No);
        Fact(html, text.PrivateAllowed, options.AllowPrivate ? text.Yes : text.No);
        Fact(html, text.Scanner, $"Shishin {result.ScannerVersion}");
        Fact(html, text.AxeCore, result.AxeVersion.Length > 0 ? result.AxeVersion : text.None);
        Fact(html, text.Browser, result.BrowserVersion.Length > 0 ? result.BrowserVersion : text.None);
        Fact(html, text.BrowserRestarts, result.BrowserRestarts.ToString(CultureInfo.InvariantCulture));
        // The User-Agent is a machine string, not English prose.
        if (result.UserAgent.Length > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<dt>{E(text.UserAgent)}</dt><dd><code>{E(result.UserAgent)}</code></dd>\n");
        }
        else
        {
            Fact(html, text.UserAgent, text.None);
        }
        html.Append("</dl>\n</section>\n");
    }

    private static void WritePageList(StringBuilder html, List<PageResult> pages, ReportText text)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"pages\">\n<h2 id=\"pages\">{E(text.PageList)}</h2>\n");
        html.Append(CultureInfo.InvariantCulture, $"<table>\n<caption>{E(text.PageListCaption)}</caption>\n<thead><tr><th scope=\"col\">{E(text.Page)}</th><th scope=\"col\">{E(text.Status)}</th><th scope=\"col\">{E(text.Violations)}</th><th scope=\"col\">{E(text.NeedsReview)}</th></tr></thead>\n<tbody>\n");
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            var status = page.Error is { } error ? $"{page.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "-"} ({text.ErrorKindName(error.Kind)})" : page.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "-";
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\"><a href=\"#page-{i + 1}\">{E(page.RequestedUrl.AbsoluteUri)}</a>{StepLine(page, text)}</th><td>{E(status)}</td>");
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
            // A journey's page is headed by its step too: the same URL may be reported at several steps.
            var heading = page.Step is { } step ? $"{E(page.RequestedUrl.AbsoluteUri)} — {E(text.Step)}{text.Colon}{E(step)}" : E(page.RequestedUrl.AbsoluteUri);
            html.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"{id}\">\n<h3 id=\"{id}\">{heading}</h3>\n<dl class=\"facts\">\n");
            if (page.FinalUrl is { } final && final != page.RequestedUrl)
            {
                Fact(html, text.FinalUrl, final.AbsoluteUri);
            }

            Fact(html, text.Status, page.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "-");
            // The title is the page's own text, in the page's language.
            if (string.IsNullOrEmpty(page.Title))
            {
                Fact(html, text.PageTitle, text.None);
            }
            else
            {
                html.Append(CultureInfo.InvariantCulture, $"<dt>{E(text.PageTitle)}</dt><dd{LangAttribute(page.Lang)}>{E(page.Title)}</dd>\n");
            }

            Fact(html, text.PageLang, string.IsNullOrEmpty(page.Lang) ? text.None : page.Lang);
            html.Append("</dl>\n");
            if (page.Error is { } error)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"notice\">{E(text.CouldNotScan)}{text.Colon}{E(text.ErrorKindName(error.Kind))}{text.Stop}{Text(error.Message, text.ScannerEnglish, text)}</p>\n");
            }

            if (page.Gaps.Count > 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<div class=\"notice\"><p>{E(text.PartlyScanned)}{text.Colon}</p><ul>");
                foreach (var gap in page.Gaps)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<li>{E(text.GapKindName(gap.Kind))}{text.Colon}{Text(gap.Message, text.ScannerEnglish, text)}</li>");
                }

                html.Append("</ul></div>\n");
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
        var description = finding.Uncatalogued ? text.UncataloguedRule : text.RuleDescription(finding.RuleId);
        if (description.Length > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(description)}</p>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p>{Text(finding.Message, finding.Category == RuleCategory.Accessibility ? text.UpstreamEnglish : text.ScannerEnglish, text)}</p>");
        var criteria = finding.Wcag.Select(c => "WCAG " + c).Concat(finding.Jis.Select(c => "JIS X 8341-3 " + c)).ToList();
        if (criteria.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(text.Criteria)}{text.Colon}{E(string.Join(text.ListSeparator, criteria))}</p>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(finding.HelpUrl.AbsoluteUri)}\">{E(text.Help)}{text.Colon}{E(finding.RuleId)}</a></p></td>");

        html.Append("<td>");
        if (finding.Nodes.Count > 0)
        {
            html.Append("<ul class=\"nodes\">");
            foreach (var node in finding.Nodes.Take(MaxNodesPerFinding))
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><code>{E(node.Selector)}</code>");
                if (node.Frame is { } frame)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<p>{E(text.InFrame)}<code>{E(frame.AbsoluteUri)}</code></p>");
                }

                if (node.Html.Length > 0)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<pre><code>{E(node.Html)}</code></pre>");
                }

                if (!string.IsNullOrEmpty(node.Detail))
                {
                    html.Append(CultureInfo.InvariantCulture, $"<p>{Text(node.Detail, finding.Category == RuleCategory.Accessibility ? text.UpstreamEnglish : text.ScannerEnglish, text)}</p>");
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
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(page.RequestedUrl.AbsoluteUri)}{StepLine(page, text)}</th><td>{E(text.ErrorKindName(page.Error!.Kind))}</td><td>{Text(page.Error.Message, text.ScannerEnglish, text)}</td></tr>\n");
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
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\"><code>{E(blocked.Target)}</code></th><td>{E(text.BlockReasonName(blocked.Reason))}</td><td>{Text(blocked.Detail, text.ScannerEnglish, text)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{E(blocked.At.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    /// <summary>
    /// A message as markup: as it is when it is in the report's language (or is Japanese text in the Japanese
    /// edition); otherwise, in the Japanese edition, English that is labelled with its source and marked
    /// <c>lang="en"</c>, so that readers and screen readers know what they are reading.
    /// </summary>
    private static string Text(string? message, string englishLabel, ReportText text)
    {
        if (string.IsNullOrEmpty(message))
        {
            return "";
        }

        if (text.Lang == "en")
        {
            // A scan run in Japanese and reported in English: axe-core's texts are then Japanese.
            return LooksJapanese(message) ? $"<span lang=\"ja\">{E(message)}</span>" : E(message);
        }

        if (LooksJapanese(message))
        {
            return E(message);
        }

        return $"<span class=\"label\">{E(englishLabel)}</span> <span lang=\"en\">{E(message)}</span>";
    }

    /// <summary>Whether the text has kana or kanji: axe-core's Japanese locale leaves a few rules in English.</summary>
    internal static bool LooksJapanese(string value) =>
        value.Any(c => c is (>= '\u3040' and <= '\u30ff') or (>= '\u4e00' and <= '\u9fff') or (>= '\uff00' and <= '\uffef'));

    /// <summary>A lang attribute for a page's own text when the page declared a usable language tag.</summary>
    private static string LangAttribute(string? lang) =>
        lang is { Length: > 0 and <= 35 } && lang.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? $" lang=\"{lang}\"" : "";

    /// <summary>One line per rule profile the scan ran, each naming the profile as <c>--rules</c> takes it.</summary>
    private static string RuleProfileLines(RuleProfiles profiles, ReportText text)
    {
        var lines = new List<string>();
        if (profiles.HasFlag(RuleProfiles.Wcag22aa))
        {
            lines.Add(text.Wcag22);
        }
        else if (profiles.HasFlag(RuleProfiles.Wcag2aa))
        {
            lines.Add(text.Wcag21);
        }

        if (profiles.HasFlag(RuleProfiles.BestPractice))
        {
            lines.Add(text.BestPractices);
        }

        if (profiles.HasFlag(RuleProfiles.Aaa))
        {
            lines.Add(text.Aaa);
        }

        return string.Join("\n", lines);
    }

    /// <summary>
    /// Under a page's URL in a table, the journey step it is the state of: a journey may show the same URL at several
    /// steps, and only the step tells those rows apart.
    /// </summary>
    private static string StepLine(PageResult page, ReportText text) =>
        page.Step is { } step ? $"<br />{E(text.Step)}{text.Colon}{E(step)}" : "";

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
