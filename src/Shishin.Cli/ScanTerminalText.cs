using System.Globalization;
using Shishin.Scanning;
using Shishin.Scanning.Reports;

namespace Shishin.Cli;

/// <summary>
/// What <c>shishin scan</c> writes for people on the terminal (progress, the findings table, the summary), in the
/// language of <c>--lang</c>. Rule ids, URLs and the findings' own messages stay as the scanner wrote them. The words
/// are those of the HTML report, so a team reads the same terms on the terminal and in the report.
/// </summary>
internal sealed record ScanTerminalText
{
    /// <summary>The default of <c>--lang</c>: Japanese when the environment's locale is Japanese (LANG=ja_JP.UTF-8), else English.</summary>
    public static string DefaultLanguage(CultureInfo culture) =>
        culture.Name.StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? "ja" : "en";

    public static ScanTerminalText For(ReportLanguage language) => language == ReportLanguage.English ? English : Japanese;

    public required string StartingBrowser { get; init; }

    /// <summary>{0} pages done, {1} at most.</summary>
    public required string Scanning { get; init; }

    public required string Error { get; init; }

    /// <summary>{0} violations.</summary>
    public required Func<int, string> Violations { get; init; }

    /// <summary>{0} findings that need a person's review.</summary>
    public required Func<int, string> ToReview { get; init; }

    public required string NoFindings { get; init; }

    public required string Findings { get; init; }

    public required string Page { get; init; }

    public required string Rule { get; init; }

    public required string Impact { get; init; }

    public required string Places { get; init; }

    public required string Message { get; init; }

    public required string ReviewMark { get; init; }

    public required string Summary { get; init; }

    public required string SummaryCancelled { get; init; }

    public required string Count { get; init; }

    public required string Pages { get; init; }

    public required string ViolationsOf { get; init; }

    public required string ViolationsTotal { get; init; }

    public required string NeedsReview { get; init; }

    public required string PageErrors { get; init; }

    public required string BlockedRequests { get; init; }

    public required string Skipped { get; init; }

    /// <summary>{0} seconds, {1} Shishin, {2} axe-core, {3} Chromium.</summary>
    public required string ScannedWith { get; init; }

    /// <summary>{0} violations at or above {1}.</summary>
    public required string Gate { get; init; }

    public required string GateNone { get; init; }

    /// <summary>{0} the report's path.</summary>
    public required string ReportWritten { get; init; }

    /// <summary>{0} the stored run's address.</summary>
    public required string Uploaded { get; init; }

    /// <summary>{0} the HTTP status (or what went wrong on the way), {1} the server's explanation.</summary>
    public required string UploadFailed { get; init; }

    public required string Cancelled { get; init; }

    /// <summary>{0} the partial report's path.</summary>
    public required string CancelledWithReport { get; init; }

    public required Func<FindingImpact, string> ImpactName { get; init; }

    public static string Format(string text, params object[] values) => string.Format(CultureInfo.InvariantCulture, text, values);

    public static ScanTerminalText Japanese { get; } = new()
    {
        StartingBrowser = "ブラウザーを起動しています…",
        Scanning = "スキャン中：{0} ページ完了（最大 {1} ページ。Ctrl+C で中止し、それまでの結果を残します）",
        Error = "エラー",
        Violations = n => string.Create(CultureInfo.InvariantCulture, $"違反 {n} 件"),
        ToReview = n => string.Create(CultureInfo.InvariantCulture, $"要確認 {n} 件"),
        NoFindings = "指摘はありません。",
        Findings = "指摘",
        Page = "ページ",
        Rule = "ルール",
        Impact = "重大度",
        Places = "箇所",
        Message = "説明（英語）",
        ReviewMark = "（要確認）",
        Summary = "概要",
        SummaryCancelled = "概要（スキャンは中止されました）",
        Count = "件数",
        Pages = "スキャンしたページ",
        ViolationsOf = "違反：",
        ViolationsTotal = "違反の合計",
        NeedsReview = "要確認（人による判断が必要）",
        PageErrors = "スキャンできなかったページ",
        BlockedRequests = "遮断したリクエスト",
        Skipped = "スキャンしなかった URL",
        ScannedWith = "所要時間 {0:0.0} 秒（Shishin {1}、axe-core {2}、Chromium {3}）。",
        Gate = "重大度「{1}」以上の違反：{0} 件（--fail-on）。",
        GateNone = "--fail-on none：指摘があっても失敗にはしません。",
        ReportWritten = "報告書を {0} に書き出しました。",
        Uploaded = "スキャン結果をアップロードしました：{0}",
        UploadFailed = "アップロードできませんでした（{0}）：{1}",
        Cancelled = "スキャンは中止されました。報告は、中止までに終わったページだけのものです。",
        CancelledWithReport = "スキャンは中止されました。{0} は、中止までに終わったページだけのものです。",
        ImpactName = impact => impact switch
        {
            FindingImpact.Critical => "致命的",
            FindingImpact.Serious => "重大",
            FindingImpact.Moderate => "中程度",
            _ => "軽微",
        },
    };

    public static ScanTerminalText English { get; } = new()
    {
        StartingBrowser = "Starting the browser…",
        Scanning = "Scanning: {0} of at most {1} pages done (Ctrl+C stops and keeps what was found)",
        Error = "error",
        Violations = n => string.Create(CultureInfo.InvariantCulture, $"{n} violation{(n == 1 ? "" : "s")}"),
        ToReview = n => string.Create(CultureInfo.InvariantCulture, $"{n} to review"),
        NoFindings = "No findings.",
        Findings = "Findings",
        Page = "Page",
        Rule = "Rule",
        Impact = "Impact",
        Places = "Places",
        Message = "Message",
        ReviewMark = " (review)",
        Summary = "Summary",
        SummaryCancelled = "Summary (scan cancelled)",
        Count = "Count",
        Pages = "Pages",
        ViolationsOf = "Violations: ",
        ViolationsTotal = "Violations in all",
        NeedsReview = "Needs review",
        PageErrors = "Page errors",
        BlockedRequests = "Blocked requests",
        Skipped = "URLs not scanned",
        ScannedWith = "Scanned in {0:0.0} s with Shishin {1}, axe-core {2}, Chromium {3}.",
        Gate = "{0} violation(s) at or above {1} (--fail-on).",
        GateNone = "--fail-on none: findings do not fail the run.",
        ReportWritten = "Report written to {0}.",
        Uploaded = "Scan uploaded: {0}",
        UploadFailed = "The upload failed ({0}): {1}",
        Cancelled = "The scan was cancelled; the report covers the pages finished before that.",
        CancelledWithReport = "The scan was cancelled; {0} covers the pages finished before that.",
        ImpactName = impact => impact.ToString().ToLowerInvariant(),
    };
}
