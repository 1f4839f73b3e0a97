using Shishin.Scanning.Rules;
using Shishin.Scanning.Safety;

namespace Shishin.Scanning.Reports;

/// <summary>
/// The texts of the HTML report in one language. axe-core's messages come in the scan's language; Shishin's own
/// measured messages are English, and the Japanese edition labels them so.
/// </summary>
internal sealed record ReportText
{
    public static ReportText For(ReportLanguage language) => language == ReportLanguage.English ? English : Japanese;

    public required string Lang { get; init; }

    public required string Title { get; init; }

    public required string Heading { get; init; }

    public required string Summary { get; init; }

    public required string ScanDetails { get; init; }

    public required string StartUrls { get; init; }

    public required string StartedAt { get; init; }

    public required string Duration { get; init; }

    public required string Scanner { get; init; }

    public required string Browser { get; init; }

    public required string UserAgent { get; init; }

    public required string CancelledNotice { get; init; }

    public required string Figures { get; init; }

    public required string Figure { get; init; }

    public required string Count { get; init; }

    public required string PagesScanned { get; init; }

    public required string PageErrors { get; init; }

    public required string NeedsReview { get; init; }

    public required string BlockedRequests { get; init; }

    public required string SkippedUrls { get; init; }

    public required string ViolationsTotal { get; init; }

    public required string RulesCaption { get; init; }

    public required string Rule { get; init; }

    public required string WhatItChecks { get; init; }

    public required string PagesColumn { get; init; }

    public required string PageList { get; init; }

    public required string PageListCaption { get; init; }

    public required string Page { get; init; }

    public required string Status { get; init; }

    public required string Violations { get; init; }

    public required string FindingsByPage { get; init; }

    public required string NoFindings { get; init; }

    public required string FindingsCaption { get; init; }

    public required string Impact { get; init; }

    public required string Outcome { get; init; }

    public required string Details { get; init; }

    public required string Where { get; init; }

    public required string Criteria { get; init; }

    public required string Help { get; init; }

    public required string FinalUrl { get; init; }

    /// <summary>The scan step of a journey (<c>--steps</c>) whose state of the page is reported.</summary>
    public required string Step { get; init; }

    public required string PageTitle { get; init; }

    public required string PageLang { get; init; }

    public required string None { get; init; }

    public required string CouldNotScan { get; init; }

    public required string PartialPages { get; init; }

    public required string PartlyScanned { get; init; }

    public required string UncataloguedRule { get; init; }

    /// <summary>What part of a page's scan is missing, in words.</summary>
    public required IReadOnlyDictionary<PageGapKind, string> GapKinds { get; init; }

    public string GapKindName(PageGapKind kind) => GapKinds.GetValueOrDefault(kind) ?? kind.ToString();

    public required string PageErrorsCaption { get; init; }

    public required string Kind { get; init; }

    public required string Message { get; init; }

    public required string BlockedCaption { get; init; }

    public required string Target { get; init; }

    public required string Reason { get; init; }

    public required string At { get; init; }

    public required string NothingHere { get; init; }

    /// <summary>The colon between a label and its value: full-width in Japanese.</summary>
    public required string Colon { get; init; }

    /// <summary>The end of a sentence before the next one.</summary>
    public required string Stop { get; init; }

    /// <summary>Between the items of a list in running text.</summary>
    public required string ListSeparator { get; init; }

    public required string Product { get; init; }

    public required string Contents { get; init; }

    public required string MaxPages { get; init; }

    public required string MaxDepth { get; init; }

    public required string Concurrency { get; init; }

    public required string Device { get; init; }

    public required string DeviceMobile { get; init; }

    public required string DeviceDesktop { get; init; }

    public required string AccessibilityRules { get; init; }

    public required string Wcag21 { get; init; }

    public required string Wcag22 { get; init; }

    public required string BestPractices { get; init; }

    public required string Aaa { get; init; }

    public required string Include { get; init; }

    public required string Exclude { get; init; }

    public required string Robots { get; init; }

    public required string LinksChecked { get; init; }

    public required string PrivateAllowed { get; init; }

    public required string Yes { get; init; }

    public required string No { get; init; }

    public required string AxeCore { get; init; }

    public required string BrowserRestarts { get; init; }

    public required string UpstreamEnglish { get; init; }

    public required string ScannerEnglish { get; init; }

    /// <summary>Before the address of the frame whose document holds a node.</summary>
    public required string InFrame { get; init; }

    public required string GeneratedBy { get; init; }

    public required string Violation { get; init; }

    public required string Review { get; init; }

    public required string Critical { get; init; }

    public required string Serious { get; init; }

    public required string Moderate { get; init; }

    public required string Minor { get; init; }

    public required string Accessibility { get; init; }

    public required string PageCategory { get; init; }

    public required string Security { get; init; }

    public required string Performance { get; init; }

    public required string MoreNodes { get; init; }

    public required string WholePage { get; init; }

    public string ImpactName(FindingImpact impact) => impact switch
    {
        FindingImpact.Critical => Critical,
        FindingImpact.Serious => Serious,
        FindingImpact.Moderate => Moderate,
        _ => Minor,
    };

    public string CategoryName(RuleCategory category) => category switch
    {
        RuleCategory.Accessibility => Accessibility,
        RuleCategory.Page => PageCategory,
        RuleCategory.Security => Security,
        _ => Performance,
    };

    /// <summary>Why a page could not be scanned, in words.</summary>
    public required IReadOnlyDictionary<PageErrorKind, string> ErrorKinds { get; init; }

    /// <summary>Why the SSRF guard refused a request, in words.</summary>
    public required IReadOnlyDictionary<EgressBlockReason, string> BlockReasons { get; init; }

    public string ErrorKindName(PageErrorKind kind) => ErrorKinds.GetValueOrDefault(kind) ?? kind.ToString();

    public string BlockReasonName(EgressBlockReason reason) => BlockReasons.GetValueOrDefault(reason) ?? reason.ToString();

    public string RuleDescription(string ruleId) =>
        ScannerRules.Find(ruleId) is { } rule ? (Lang == "ja" ? rule.DescriptionJa : rule.Description) : "";

    public static ReportText Japanese { get; } = new()
    {
        Lang = "ja",
        Title = "スキャン結果",
        Heading = "ウェブサイトのスキャン結果",
        Summary = "結果の概要",
        ScanDetails = "スキャンの条件",
        StartUrls = "開始 URL",
        StartedAt = "開始日時（UTC）",
        Duration = "所要時間",
        Scanner = "スキャナー",
        Browser = "ブラウザー",
        UserAgent = "User-Agent",
        CancelledNotice = "スキャンは途中で中止されました。この結果は、中止までに終わったページだけのものです。",
        Figures = "件数のまとめ",
        Figure = "項目",
        Count = "件数",
        PagesScanned = "スキャンしたページ",
        PageErrors = "スキャンできなかったページ",
        NeedsReview = "要確認（人による判断が必要）",
        BlockedRequests = "遮断したリクエスト",
        SkippedUrls = "スキャンしなかった URL",
        ViolationsTotal = "違反の合計",
        RulesCaption = "ルールごとの違反",
        Rule = "ルール",
        WhatItChecks = "確認する内容",
        PagesColumn = "ページ数",
        PageList = "ページ一覧",
        PageListCaption = "スキャンしたページと指摘の件数",
        Page = "ページ",
        Status = "HTTP ステータス",
        Violations = "違反",
        FindingsByPage = "ページごとの指摘",
        NoFindings = "指摘はありません。",
        FindingsCaption = "このページの指摘",
        Impact = "重大度",
        Outcome = "判定",
        Details = "内容",
        Where = "該当箇所",
        Criteria = "達成基準",
        Help = "解説",
        FinalUrl = "最終 URL",
        Step = "手順",
        PageTitle = "タイトル",
        PageLang = "lang 属性",
        None = "なし",
        CouldNotScan = "このページは最後までスキャンできませんでした",
        PartialPages = "一部だけスキャンできたページ",
        PartlyScanned = "このページは一部だけスキャンできました。見つかった結果は載せていますが、次の部分が欠けています",
        UncataloguedRule = "スキャナーのルール一覧にない axe-core のルール（チェックポイントとの対応なし）",
        GapKinds = new Dictionary<PageGapKind, string>
        {
            [PageGapKind.AccessibilityChecks] = "アクセシビリティの検査（axe-core）",
            [PageGapKind.PageChecks] = "ページの読み取りと検査（タイトル、言語、リンク、表示速度）",
            [PageGapKind.Links] = "上限を超えたリンク",
            [PageGapKind.LinkChecks] = "リンク切れの確認",
            [PageGapKind.Responses] = "上限を超えて打ち切った応答",
        },
        PageErrorsCaption = "スキャンできなかったページと理由",
        Kind = "種類",
        Message = "説明",
        BlockedCaption = "SSRF 対策で遮断したリクエスト",
        Target = "宛先",
        Reason = "理由",
        At = "日時（UTC）",
        NothingHere = "ありません。",
        Colon = "：",
        Stop = "。",
        ListSeparator = "、",
        Product = "指針 Shishin",
        Contents = "目次",
        MaxPages = "ページ数の上限",
        MaxDepth = "たどるリンクの深さ",
        Concurrency = "同じホストで同時に読み込むページ数",
        Device = "画面",
        DeviceMobile = "スマートフォン（390×844）",
        DeviceDesktop = "パソコン（1280×800）",
        AccessibilityRules = "アクセシビリティの基準",
        Wcag21 = "WCAG 2.1 レベル A・AA（axe-core、wcag2aa）",
        Wcag22 = "WCAG 2.2 レベル A・AA（axe-core、wcag22aa）",
        BestPractices = "axe-core のベストプラクティス（best-practice）",
        Aaa = "WCAG レベル AAA（axe-core、aaa）",
        Include = "対象にするパス",
        Exclude = "対象外にするパス",
        Robots = "robots.txt に従う",
        LinksChecked = "リンク切れを確認する",
        PrivateAllowed = "内部アドレスへのアクセスを許可",
        Yes = "はい",
        No = "いいえ",
        AxeCore = "axe-core",
        BrowserRestarts = "ブラウザーの再起動回数",
        UpstreamEnglish = "axe-core の原文（英語）：",
        ScannerEnglish = "スキャナーの記録（英語）：",
        InFrame = "フレーム内の文書：",
        ErrorKinds = new Dictionary<PageErrorKind, string>
        {
            [PageErrorKind.Timeout] = "時間切れ",
            [PageErrorKind.BudgetExceeded] = "1ページの持ち時間を超過",
            [PageErrorKind.ResponseTooLarge] = "応答が大きすぎる",
            [PageErrorKind.RedirectLoop] = "リダイレクトのループ",
            [PageErrorKind.Download] = "ダウンロードが始まった",
            [PageErrorKind.Blocked] = "SSRF 対策で遮断",
            [PageErrorKind.BrowserCrashed] = "ブラウザーの異常終了",
            [PageErrorKind.NotHtml] = "HTML ではない",
            [PageErrorKind.CheckFailed] = "ページ内の検査が失敗",
            [PageErrorKind.NavigationFailed] = "読み込みの失敗",
            [PageErrorKind.StepFailed] = "手順の失敗",
        },
        BlockReasons = new Dictionary<EgressBlockReason, string>
        {
            [EgressBlockReason.Scheme] = "http・https 以外のスキーム",
            [EgressBlockReason.UserInfo] = "アドレスにユーザー名・パスワード",
            [EgressBlockReason.NumericHostForm] = "数値だけの特殊な IP アドレス表記",
            [EgressBlockReason.InternalName] = "内部用のホスト名",
            [EgressBlockReason.Port] = "許可していないポート",
            [EgressBlockReason.Address] = "内部アドレス",
            [EgressBlockReason.Unresolvable] = "名前解決できない",
            [EgressBlockReason.Malformed] = "アドレスの形式が不正",
        },
        GeneratedBy = "この報告書は Shishin {0} が作成しました。",
        Violation = "違反",
        Review = "要確認",
        Critical = "致命的",
        Serious = "重大",
        Moderate = "中程度",
        Minor = "軽微",
        Accessibility = "アクセシビリティ",
        PageCategory = "ページの基本",
        Security = "セキュリティ",
        Performance = "パフォーマンス",
        MoreNodes = "ほか {0} 箇所",
        WholePage = "ページ全体",
    };

    public static ReportText English { get; } = new()
    {
        Lang = "en",
        Title = "Scan report",
        Heading = "Website scan report",
        Summary = "Summary",
        ScanDetails = "Scan conditions",
        StartUrls = "Start URLs",
        StartedAt = "Started (UTC)",
        Duration = "Duration",
        Scanner = "Scanner",
        Browser = "Browser",
        UserAgent = "User-Agent",
        CancelledNotice = "The scan was cancelled. These results cover only the pages finished before that.",
        Figures = "Figures",
        Figure = "Figure",
        Count = "Count",
        PagesScanned = "Pages scanned",
        PageErrors = "Pages that could not be scanned",
        NeedsReview = "Needs review (a person has to judge)",
        BlockedRequests = "Blocked requests",
        SkippedUrls = "URLs not scanned",
        ViolationsTotal = "Violations in all",
        RulesCaption = "Violations by rule",
        Rule = "Rule",
        WhatItChecks = "What it checks",
        PagesColumn = "Pages",
        PageList = "Pages",
        PageListCaption = "Pages scanned and their findings",
        Page = "Page",
        Status = "HTTP status",
        Violations = "Violations",
        FindingsByPage = "Findings by page",
        NoFindings = "No findings.",
        FindingsCaption = "Findings on this page",
        Impact = "Impact",
        Outcome = "Outcome",
        Details = "Details",
        Where = "Where",
        Criteria = "Success criteria",
        Help = "Help",
        FinalUrl = "Final URL",
        Step = "Step",
        PageTitle = "Title",
        PageLang = "lang attribute",
        None = "none",
        CouldNotScan = "This page could not be scanned completely",
        PartialPages = "Pages scanned in part",
        PartlyScanned = "This page was scanned in part. What was found is reported, but these parts are missing",
        UncataloguedRule = "An axe-core rule that is not in the scanner rule list (no checkpoint maps to it)",
        GapKinds = new Dictionary<PageGapKind, string>
        {
            [PageGapKind.AccessibilityChecks] = "Accessibility checks (axe-core)",
            [PageGapKind.PageChecks] = "Reading and checking the page (title, language, links, speed)",
            [PageGapKind.Links] = "Links beyond the limit",
            [PageGapKind.LinkChecks] = "Checking the links",
            [PageGapKind.Responses] = "Responses cut off at the limit",
        },
        PageErrorsCaption = "Pages that could not be scanned, and why",
        Kind = "Kind",
        Message = "Message",
        BlockedCaption = "Requests blocked by the SSRF guard",
        Target = "Target",
        Reason = "Reason",
        At = "When (UTC)",
        NothingHere = "None.",
        Colon = ": ",
        Stop = ". ",
        ListSeparator = ", ",
        Product = "Shishin",
        Contents = "Contents",
        MaxPages = "Most pages",
        MaxDepth = "Link depth",
        Concurrency = "Pages of a host at a time",
        Device = "Screen",
        DeviceMobile = "Phone (390×844)",
        DeviceDesktop = "Desktop (1280×800)",
        AccessibilityRules = "Accessibility rules",
        Wcag21 = "WCAG 2.1 level A and AA (axe-core, wcag2aa)",
        Wcag22 = "WCAG 2.2 level A and AA (axe-core, wcag22aa)",
        BestPractices = "axe-core's best practices (best-practice)",
        Aaa = "WCAG level AAA (axe-core, aaa)",
        Include = "Only paths",
        Exclude = "Paths left out",
        Robots = "robots.txt obeyed",
        LinksChecked = "Links checked",
        PrivateAllowed = "Internal addresses allowed",
        Yes = "Yes",
        No = "No",
        AxeCore = "axe-core",
        BrowserRestarts = "Browser restarts",
        UpstreamEnglish = "",
        ScannerEnglish = "",
        InFrame = "In the frame: ",
        ErrorKinds = new Dictionary<PageErrorKind, string>
        {
            [PageErrorKind.Timeout] = "Timeout",
            [PageErrorKind.BudgetExceeded] = "Page budget exceeded",
            [PageErrorKind.ResponseTooLarge] = "Response too large",
            [PageErrorKind.RedirectLoop] = "Redirect loop",
            [PageErrorKind.Download] = "Download",
            [PageErrorKind.Blocked] = "Blocked by the SSRF guard",
            [PageErrorKind.BrowserCrashed] = "Browser crashed",
            [PageErrorKind.NotHtml] = "Not HTML",
            [PageErrorKind.CheckFailed] = "A check in the page failed",
            [PageErrorKind.NavigationFailed] = "Could not load",
            [PageErrorKind.StepFailed] = "A step failed",
        },
        BlockReasons = new Dictionary<EgressBlockReason, string>
        {
            [EgressBlockReason.Scheme] = "Scheme other than http or https",
            [EgressBlockReason.UserInfo] = "User name or password in the address",
            [EgressBlockReason.NumericHostForm] = "IP address in an unusual numeric form",
            [EgressBlockReason.InternalName] = "Internal host name",
            [EgressBlockReason.Port] = "Port not allowed",
            [EgressBlockReason.Address] = "Internal address",
            [EgressBlockReason.Unresolvable] = "Name does not resolve",
            [EgressBlockReason.Malformed] = "Malformed address",
        },
        GeneratedBy = "This report was made by Shishin {0}.",
        Violation = "Violation",
        Review = "Needs review",
        Critical = "Critical",
        Serious = "Serious",
        Moderate = "Moderate",
        Minor = "Minor",
        Accessibility = "Accessibility",
        PageCategory = "Page basics",
        Security = "Security",
        Performance = "Performance",
        MoreNodes = "{0} more",
        WholePage = "The page as a whole",
    };
}
