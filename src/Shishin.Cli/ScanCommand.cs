using System.CommandLine;
using System.Globalization;
using System.Threading.Channels;
using Shishin.Scanning;
using Shishin.Scanning.Reports;
using Shishin.Scanning.Rules;
using Spectre.Console;

namespace Shishin.Cli;

/// <summary>
/// <c>shishin scan &lt;url&gt;...</c>: crawls a site in Chromium and reports what it found. Progress goes to standard
/// error (a live display on a terminal, one plain line per page otherwise); the report goes to <c>--output</c> or to
/// standard output. Exit codes: 0 no violation at or above <c>--fail-on</c>, 1 there are, 2 usage error, no browser,
/// a scan that could not run or was cancelled (its partial report is still written), 3 the report could not be stored
/// by <c>--upload</c> (see <see cref="ScanUpload"/>).
/// </summary>
internal static class ScanCommand
{
    /// <summary>The values of <c>--fail-on</c>, worst first.</summary>
    private static readonly string[] FailOnValues = ["critical", "serious", "moderate", "minor", "none"];

    public static Command Create(CliContext context)
    {
        var urls = new Argument<string[]>("url") { Description = "Start URLs (http or https); their origins are crawled.", Arity = ArgumentArity.OneOrMore };
        var maxPages = new Option<int>("--max-pages") { Description = "The most pages to scan.", DefaultValueFactory = _ => 100 };
        var depth = new Option<int>("--depth") { Description = "How many links away from a start URL to go; 0 scans the start URLs and sitemap pages only.", DefaultValueFactory = _ => 5 };
        var concurrency = new Option<int>("--concurrency") { Description = "The most pages of one host scanned at the same time.", DefaultValueFactory = _ => 2 };
        var include = new Option<string[]>("--include") { Description = "Scan only pages whose path and query match this glob (repeatable), e.g. /docs/**." };
        var exclude = new Option<string[]>("--exclude") { Description = "Do not scan pages whose path and query match this glob (repeatable)." };
        var mobile = new Option<bool>("--mobile") { Description = "Scan as a phone: 390x844, touch, device scale 3." };
        var format = new Option<string>("--format") { Description = "table (for people, on the terminal), json, junit, sarif or html.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "junit", "sarif", "html");
        var output = new Option<string?>("--output") { Description = "File to write the report to (json, junit, sarif, html); without it the report goes to standard output." };
        var failOn = new Option<string>("--fail-on") { Description = "Exit with 1 when a violation of this impact or worse is found; 'none' never does.", DefaultValueFactory = _ => "serious" };
        failOn.AcceptOnlyFromAmong(FailOnValues);
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Allow internal addresses (loopback, private networks): for intranets and tests. The start URLs' ports are always allowed." };
        var browser = new Option<string?>("--browser") { Description = "The Chromium-family browser to use (default: SHISHIN_BROWSER, then chromium-headless-shell, chromium and others on PATH, then Playwright's)." };
        var ignoreRobots = new Option<bool>("--ignore-robots") { Description = "Do not obey robots.txt (only for sites you are responsible for)." };
        var delay = new Option<double>("--delay") { Description = "Seconds to wait between two pages of the same host (a longer Crawl-delay in robots.txt wins).", DefaultValueFactory = _ => 0 };
        delay.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (double.TryParse(token.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && (value is < 0 or > 3600 || double.IsNaN(value)))
                {
                    result.AddError("--delay must be between 0 and 3600 seconds.");
                }
            }
        });
        var rules = new Option<string>("--rules")
        {
            Description = "The axe-core rule profiles to run, joined by commas: wcag2aa (WCAG 2.0 and 2.1 A and AA), wcag22aa (WCAG 2.2 A and AA), best-practice (axe-core's best practices), aaa (WCAG AAA rules only); e.g. wcag2aa,best-practice. The default is the platform's profile, which the catalogue's scanner rules need.",
            DefaultValueFactory = _ => RuleProfileNames.Format(ScanOptions.PlatformRules),
        };
        rules.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => !RuleProfileNames.TryParse(t.Value, out _)))
            {
                result.AddError($"--rules takes profile names joined by commas: {string.Join(", ", RuleProfileNames.All)}.");
            }
        });
        var wcag22 = new Option<bool>("--wcag22") { Description = "Also run axe-core's WCAG 2.2 AA rules (the same as adding wcag22aa to --rules)." };
        var lang = new Option<string>("--lang")
        {
            Description = "Language of what the terminal shows and of the HTML report: ja or en (default: the environment's locale, e.g. LANG=ja_JP.UTF-8 gives ja; otherwise en).",
            DefaultValueFactory = _ => ScanTerminalText.DefaultLanguage(CultureInfo.CurrentUICulture),
        };
        lang.AcceptOnlyFromAmong("ja", "en");
        var cookie = new Option<string[]>("--cookie") { Description = "A cookie name=value the browser sends to the start URLs' hosts only, e.g. a signed-in session (repeatable); never written to reports or logs." };
        cookie.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => ScanCookie.Parse(t.Value) is null))
            {
                result.AddError("--cookie takes name=value, with a cookie name and a value without spaces, quotes, commas, semicolons or backslashes.");
            }
        });
        var auth = new Option<string?>("--auth") { Description = "A Playwright storage state file (cookies and localStorage, e.g. from `playwright codegen --save-storage`) loaded into every page: a signed-in session. Only what belongs to the start URLs is used." };
        var header = new Option<string[]>("--header") { Description = "An HTTP header \"Name: value\" sent to the start URLs' origins only, never to other sites (repeatable); never written to reports or logs." };
        header.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => ScanHeader.Parse(t.Value) is null))
            {
                // Never the value: it is a secret.
                result.AddError("--header takes \"Name: value\", with a header name the browser lets a client set (not Host, Cookie, User-Agent and the like) and a value without line breaks.");
            }
        });
        var steps = new Option<string?>("--steps") { Description = "A steps file (YAML: goto, fill, select, check, click, wait-for, wait-for-url, scan) walked in one browser session instead of crawling; each scan step is reported as a page. See docs/scanner.md." };
        var sessionExclude = new Option<string[]>("--session-exclude") { Description = "With a session (--cookie, --auth, --header), also never follow links whose path or text matches this pattern (repeatable; * is a wildcard), besides logout, sign out, ログアウト and the like." };
        var upload = new Option<string?>("--upload") { Description = "After the scan, store the JSON report as a run of --service on this Shishin server (https://HOST, or http to loopback), e.g. from CI. Exit code 3 when it could not be stored." };
        var apiKey = new Option<string?>("--api-key") { Description = $"The API key (write scope) for --upload. Better: set {ScanUpload.KeyVariable}, which stays out of shell history. Never printed or written to reports." };
        var service = new Option<string?>("--service") { Description = "The key of the service the --upload run belongs to." };
        var allowInsecureUpload = new Option<bool>("--allow-insecure-upload") { Description = "Let --upload send the API key over plain http to a host other than loopback (only on a network you trust)." };
        AtLeast(maxPages, 1);
        AtLeast(depth, 0);
        var timeout = new Option<double>("--timeout") { Description = "Seconds a page may take to load before it is reported as a timeout.", DefaultValueFactory = _ => 30 };
        timeout.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (double.TryParse(token.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && (value is < 1 or > 600 || double.IsNaN(value)))
                {
                    result.AddError("--timeout must be between 1 and 600 seconds.");
                }
            }
        });
        AtLeast(concurrency, 1);

        var command = new Command("scan", "Crawl a site in Chromium and check accessibility (axe-core), page basics, security headers and performance.")
        {
            urls, maxPages, depth, concurrency, include, exclude, mobile, format, output, failOn, allowPrivate, browser, ignoreRobots, delay, timeout, rules, wcag22, lang,
            cookie, auth, header, steps, sessionExclude, upload, apiKey, service, allowInsecureUpload,
        };
        command.SetAction(async (parse, ct) =>
        {
            var settings = new ScanSettings(
                parse.GetRequiredValue(format),
                parse.GetValue(output),
                parse.GetRequiredValue(failOn),
                parse.GetRequiredValue(lang) == "en" ? ReportLanguage.English : ReportLanguage.Japanese);
            if (settings.Format == "table" && settings.OutputPath is not null)
            {
                await context.Error.WriteLineAsync("--output writes a report file; choose its format with --format json, junit, sarif or html.");
                return 2;
            }

            // Before the scan: a wrong upload setting should not cost a whole scan to find out.
            var (uploader, uploadProblem) = ScanUpload.Create(parse.GetValue(upload), parse.GetValue(service), parse.GetValue(apiKey), parse.GetValue(allowInsecureUpload));
            if (uploadProblem is not null)
            {
                await context.Error.WriteLineAsync(uploadProblem);
                return 2;
            }

            var startUrls = new List<Uri>();
            foreach (var text in parse.GetRequiredValue(urls))
            {
                if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                {
                    await context.Error.WriteLineAsync($"'{text}' is not an absolute http or https URL.");
                    return 2;
                }

                startUrls.Add(url);
            }

            var options = new ScanOptions
            {
                StartUrls = startUrls,
                MaxPages = parse.GetValue(maxPages),
                MaxDepth = parse.GetValue(depth),
                Concurrency = parse.GetValue(concurrency),
                Include = parse.GetValue(include) ?? [],
                Exclude = parse.GetValue(exclude) ?? [],
                Mobile = parse.GetValue(mobile),
                AllowPrivate = parse.GetValue(allowPrivate),
                // The person named these URLs, so their ports are allowed; the addresses are still checked.
                AllowedPorts = new HashSet<int>([80, 443, .. startUrls.Select(u => u.Port)]),
                BrowserPath = parse.GetValue(browser),
                ObeyRobots = !parse.GetValue(ignoreRobots),
                Delay = TimeSpan.FromSeconds(parse.GetValue(delay)),
                NavigationTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                Rules = RuleProfileNames.TryParse(parse.GetRequiredValue(rules), out var profiles) ? profiles : ScanOptions.PlatformRules,
                Wcag22 = parse.GetValue(wcag22),
                Language = settings.Language,
                Cookies = [.. (parse.GetValue(cookie) ?? []).Select(c => ScanCookie.Parse(c)!)],
                AuthStatePath = parse.GetValue(auth),
                Headers = [.. (parse.GetValue(header) ?? []).Select(h => ScanHeader.Parse(h)!)],
                StepsPath = parse.GetValue(steps),
                SessionExclude = [.. ScanOptions.DefaultSessionExclude, .. parse.GetValue(sessionExclude) ?? []],
            };
            return await RunAsync(context, options, settings with { Upload = uploader }, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ScanOptions options, ScanSettings settings, CancellationToken cancellationToken)
    {
        ScanResult result;
        try
        {
            result = await ScanWithProgressAsync(context, options, settings.Text, cancellationToken);
        }
        catch (ScanException e)
        {
            await context.Error.WriteLineAsync(e.Message);
            return ScanException.ExitCode;
        }
        catch (ArgumentException e)
        {
            await context.Error.WriteLineAsync(e.Message);
            return 2;
        }

        var summary = ScanSummary.From(result);
        var fileFormat = settings.ReportFormat;
        // The summary goes where it does not mix with a report on standard output.
        var summaryWriter = fileFormat is not null && settings.OutputPath is null ? context.Error : context.Output;
        var summaryIsTerminal = ReferenceEquals(summaryWriter, context.Output) ? context.OutputIsTerminal : context.ErrorIsTerminal;
        try
        {
            if (fileFormat is { } reportFormat)
            {
                // Not the invocation's token: after Ctrl+C the partial report must still be written.
                if (settings.OutputPath is { } path)
                {
                    await ScanReport.WriteFileAsync(result, reportFormat, path, settings.Language, CancellationToken.None);
                }
                else
                {
                    await context.Output.WriteAsync(ScanReport.ToText(result, reportFormat, settings.Language));
                    await context.Output.WriteLineAsync();
                    await context.Output.FlushAsync(CancellationToken.None);
                }
            }
            else
            {
                WriteFindingsTable(SpectreConsole(context.Output, context.OutputIsTerminal), result, settings.Text);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"The report could not be written: {e.Message}");
            return 2;
        }

        WriteSummary(SpectreConsole(summaryWriter, summaryIsTerminal), summaryWriter, result, summary, settings);
        if (result.Cancelled)
        {
            await context.Error.WriteLineAsync(settings.OutputPath is null
                ? settings.Text.Cancelled
                : ScanTerminalText.Format(settings.Text.CancelledWithReport, settings.OutputPath));
            return 2;
        }

        if (settings.Upload is { } uploader)
        {
            // Not the invocation's token either: the scan is done, and a CI job's report should reach the server.
            var (run, status, problem) = await uploader.SendAsync(
                System.Text.Encoding.UTF8.GetBytes(ScanReport.ToText(result, Scanning.Reports.ReportFormat.Json, settings.Language)),
                settings.Language == ReportLanguage.English ? "en" : "ja", CancellationToken.None);
            if (run is null)
            {
                await context.Error.WriteLineAsync(ScanTerminalText.Format(settings.Text.UploadFailed, status ?? "", problem ?? ""));
                return ScanUpload.FailedExitCode;
            }

            await summaryWriter.WriteLineAsync(ScanTerminalText.Format(settings.Text.Uploaded, run.AbsoluteUri));
        }

        return settings.FailOn is { } threshold && summary.Violations.AtOrAbove(threshold) > 0 ? 1 : 0;
    }

    /// <summary>
    /// Runs the scan while showing each finished page: a live status on a terminal, a plain line per page otherwise.
    /// Pages arrive on the scanner's threads; a channel hands them to the one thread that writes.
    /// </summary>
    private static async Task<ScanResult> ScanWithProgressAsync(CliContext context, ScanOptions options, ScanTerminalText text, CancellationToken cancellationToken)
    {
        var pages = Channel.CreateUnbounded<PageResult>(new UnboundedChannelOptions { SingleReader = true });
        var scan = Task.Run(async () =>
        {
            try
            {
                return await Scanner.ScanAsync(options, new Progress(pages.Writer), cancellationToken);
            }
            finally
            {
                pages.Writer.TryComplete();
            }
        }, CancellationToken.None);

        var done = 0;
        if (context.ErrorIsTerminal)
        {
            var console = SpectreConsole(context.Error, terminal: true);
            await console.Status().StartAsync(text.StartingBrowser, async status =>
            {
                await foreach (var page in pages.Reader.ReadAllAsync(CancellationToken.None))
                {
                    done++;
                    console.MarkupLine(Markup.Escape(ProgressLine(page, done, options.MaxPages, text)));
                    status.Status(Markup.Escape(ScanTerminalText.Format(text.Scanning, done, options.MaxPages)));
                }
            });
        }
        else
        {
            await foreach (var page in pages.Reader.ReadAllAsync(CancellationToken.None))
            {
                done++;
                await context.Error.WriteLineAsync(ProgressLine(page, done, options.MaxPages, text));
            }
        }

        return await scan;
    }

    /// <summary>One line per page, e.g. <c>[12/50] 200 https://www.example.jp/  3 violations</c> (<c>違反 3 件</c>).</summary>
    private static string ProgressLine(PageResult page, int done, int maxPages, ScanTerminalText text)
    {
        var status = page.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "---";
        var prefix = string.Create(CultureInfo.InvariantCulture, $"[{done}/{maxPages}] {status} {page.RequestedUrl.AbsoluteUri}");
        if (page.Step is { } step)
        {
            // A journey's scan steps may share a URL; the step's name tells them apart.
            prefix += $" [{step}]";
        }

        if (page.Error is { } error)
        {
            return $"{prefix}  {text.Error}: {error.Kind}: {error.Message}";
        }

        var violations = page.Findings.Count(f => f.Outcome == FindingOutcome.Violation);
        var review = page.Findings.Count(f => f.Outcome == FindingOutcome.NeedsReview);
        var line = $"{prefix}  {text.Violations(violations)}";
        return review == 0 ? line : $"{line}, {text.ToReview(review)}";
    }

    private static void WriteFindingsTable(IAnsiConsole console, ScanResult result, ScanTerminalText text)
    {
        var rows = result.Pages
            .OrderBy(p => p.RequestedUrl.AbsoluteUri, StringComparer.Ordinal)
            .SelectMany(p => p.Findings
                .OrderBy(f => f.Outcome)
                .ThenByDescending(f => f.Impact)
                .ThenBy(f => f.RuleId, StringComparer.Ordinal)
                .Select(f => (Page: p, Finding: f)))
            .ToList();
        if (rows.Count == 0)
        {
            console.WriteLine(text.NoFindings);
            return;
        }

        var table = new Table { Title = new TableTitle(Markup.Escape(text.Findings)) };
        table.AddColumns(Markup.Escape(text.Page), Markup.Escape(text.Rule), Markup.Escape(text.Impact), Markup.Escape(text.Places), Markup.Escape(text.Message));
        foreach (var (page, finding) in rows)
        {
            var impact = finding.Outcome == FindingOutcome.NeedsReview ? text.ImpactName(finding.Impact) + text.ReviewMark : text.ImpactName(finding.Impact);
            table.AddRow(
                Markup.Escape(page.RequestedUrl.PathAndQuery),
                Markup.Escape(finding.RuleId),
                Markup.Escape(impact),
                finding.Nodes.Count.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(finding.Message));
        }

        console.Write(table);
    }

    private static void WriteSummary(IAnsiConsole console, TextWriter writer, ScanResult result, ScanSummary summary, ScanSettings settings)
    {
        var text = settings.Text;
        var table = new Table { Title = new TableTitle(Markup.Escape(result.Cancelled ? text.SummaryCancelled : text.Summary)) };
        table.AddColumn("");
        table.AddColumn(new TableColumn(Markup.Escape(text.Count)).RightAligned());
        void Row(string label, int count) => table.AddRow(Markup.Escape(label), count.ToString(CultureInfo.InvariantCulture));
        Row(text.Pages, summary.Pages);
        foreach (var impact in Enum.GetValues<FindingImpact>().Reverse())
        {
            Row(text.ViolationsOf + text.ImpactName(impact), summary.Violations[impact]);
        }

        Row(text.ViolationsTotal, summary.Violations.Total);
        Row(text.NeedsReview, summary.NeedsReview);
        Row(text.PageErrors, summary.PageErrors);
        Row(text.BlockedRequests, summary.BlockedRequests);
        Row(text.Skipped, summary.Skipped);
        console.Write(table);

        var gate = settings.FailOn is { } threshold
            ? ScanTerminalText.Format(text.Gate, summary.Violations.AtOrAbove(threshold), text.ImpactName(threshold))
            : text.GateNone;
        // Plain lines, unwrapped, so that scripts and tests can read them.
        writer.WriteLine(ScanTerminalText.Format(text.ScannedWith, result.Duration.TotalSeconds, result.ScannerVersion,
            result.AxeVersion.Length > 0 ? result.AxeVersion : "-", result.BrowserVersion.Length > 0 ? result.BrowserVersion : "-"));
        writer.WriteLine(gate);
        if (settings.OutputPath is { } path)
        {
            writer.WriteLine(ScanTerminalText.Format(text.ReportWritten, path));
        }
    }

    /// <summary>A Spectre console over <paramref name="writer"/>: colours and live displays on a terminal, plain text otherwise.</summary>
    private static IAnsiConsole SpectreConsole(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            // CI logs are wider than the 80 columns Spectre assumes without a terminal.
            console.Profile.Width = 160;
        }

        return console;
    }

    private static void AtLeast(Option<int> option, int minimum) =>
        option.Validators.Add(result =>
        {
            // Only the values given; one that is not a number has its own parse error already.
            foreach (var token in result.Tokens)
            {
                if (int.TryParse(token.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value < minimum)
                {
                    result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be at least {minimum}."));
                }
            }
        });

    /// <summary>Hands each finished page to the channel the display reads.</summary>
    private sealed class Progress(ChannelWriter<PageResult> writer) : IProgress<PageResult>
    {
        public void Report(PageResult value) => writer.TryWrite(value);
    }

    private sealed record ScanSettings(string Format, string? OutputPath, string FailOnText, ReportLanguage Language)
    {
        /// <summary>Where the JSON report goes after the scan (<c>--upload</c>), if anywhere.</summary>
        public ScanUpload? Upload { get; init; }

        /// <summary>The report format, or null for the table on the terminal.</summary>
        public ReportFormat? ReportFormat => Format switch
        {
            "json" => Scanning.Reports.ReportFormat.Json,
            "junit" => Scanning.Reports.ReportFormat.JUnit,
            "sarif" => Scanning.Reports.ReportFormat.Sarif,
            "html" => Scanning.Reports.ReportFormat.Html,
            _ => null,
        };

        /// <summary>What the terminal shows, in the language of <c>--lang</c>.</summary>
        public ScanTerminalText Text => ScanTerminalText.For(Language);

        /// <summary>The least impact that fails the run, or null for <c>--fail-on none</c>.</summary>
        public FindingImpact? FailOn => FailOnText == "none" ? null : Enum.Parse<FindingImpact>(FailOnText, ignoreCase: true);
    }
}
