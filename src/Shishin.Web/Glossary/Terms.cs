namespace Shishin.Web.Glossary;

/// <summary>
/// The glossary of Shishin (docs/glossary.md is written from it): one word per term in each language. The UI's
/// resources must use these words — tests check the resource values and every page's labels and headings against
/// the rejected variants, and that docs/glossary.md lists exactly these terms.
/// </summary>
public static class Terms
{
    private static RejectedVariant R(string text, string? pattern = null) => new(text, pattern);

    private static RejectedVariant InHeadings(string text, string? pattern = null) => new(text, pattern, HeadingsOnly: true);

    public static readonly IReadOnlyList<GlossaryTerm> All =
    [
        new("Tokyo Digital Service 10 Principles", "東京都デジタルサービスの行動指針", null,
            "The Tokyo Metropolitan Government's guidelines as a whole (東京都デジタルサービスの開発・運用に係る行動指針); only ever its full name.",
            [], []),
        new("Principle", "行動規範", "Principle",
            "One of the ten principles of the guidelines, shown as “行動規範 3” or “3. アクセシビリティ”.",
            [R("行動指針（一つの規範を指して）", "(?<!デジタルサービスの(開発・運用に係る)?)行動指針")], []),
        new("Theme", "テーマ", "Theme",
            "A technical theme of the guidelines (UI/UX, data utilisation, security); “技術テーマ” where the kind needs saying.",
            [], []),
        new("Catalogue", "カタログ", "Catalogue",
            "The versioned set of principles, themes, checkpoints and parameters that Shishin keeps.",
            [R("ガイドライン", "(?<!技術)ガイドライン")], [R("catalog", @"\b[Cc]atalog\b")]),
        new("Version", "版", "Version",
            "A published state of the catalogue, numbered as a semantic version (“第 1.1.0 版”).",
            [R("バージョン", "(?<!セマンティック)バージョン")], []),
        new("Draft", "下書き", "Draft", "The one unpublished version that administrators edit.", [R("ドラフト")], []),
        new("Published", "公開中", "Published", "The state of a version everyone can read.", [], []),
        new("Retired", "廃止", "Retired", "No longer in use but kept for the record (a version, checkpoint or parameter).", [R("廃止済み")], []),
        new("Checkpoint", "チェックポイント", "Checkpoint",
            "One thing a service is checked against, with a stable id such as P3-01.",
            [R("チェック項目"), R("確認項目")], [R("check point", @"\b[Cc]heck point")]),
        new("Guidance", "解説", "Guidance", "What to do and why, for a checkpoint.", [], []),
        new("Evidence", "達成の根拠", "Evidence", "What shows that a checkpoint is met.", [], []),
        new("Phase", "フェーズ", "Phase",
            "A phase of the service lifecycle: 企画-仮説検討, 企画-サービス立案, 企画-要件定義・調達, 開発, 運用.",
            [R("ライフサイクルの段階"), R("段階（フェーズの意味で）", "(?<![0-9０-９])段階"), R("工程")],
            [R("stage", @"\b[Ss]tages?\b")]),
        new("Check type", "確認方法", "Check type", "How a checkpoint is checked: A, S or H.", [R("確認の方法"), R("チェック種別")], []),
        new("Automated", "自動", "Automated", "Check type A: the scanner checks it by itself.", [], []),
        new("Tool evidence and sign-off", "ツールの根拠と人の承認", "Tool evidence and sign-off",
            "Check type S: tools supply the evidence and a person signs it off.",
            [R("ツールの根拠＋人の承認"), R("ツールの根拠と人の確認")], []),
        new("Human review", "人による確認", "Human review", "Check type H: a person reviews the evidence.", [R("人の判断による確認")], []),
        new("Parameter", "パラメーター", "Parameter", "A named threshold that checkpoints refer to.", [R("パラメータ", "パラメータ(?!ー)")], []),
        new("Change proposals", "改善提案", "Change proposals",
            "A proposal to change a checkpoint or add one; “提案” for short.",
            [R("変更提案")], []),
        new("No.", "番号", "No.", "The number of a proposal (#12).", [InHeadings("数値")], []),
        new("Organisations", "組織", "Organisations", "The government, its bureaus, municipalities and partner companies.",
            [R("団体（組織の意味で）", "(?<!公共)団体")], [R("organization", @"\b[Oo]rganizations?\b")]),
        new("Bureau", "局", "Bureau", "A bureau of the Tokyo Metropolitan Government.", [], []),
        new("Municipality", "区市町村", "Municipality", "One of Tokyo's 62 cities, wards, towns and villages.", [R("市区町村")], []),
        new("Partner companies", "パートナー企業", "Partner.plural", "Companies that build or run services for an organisation.", [], []),
        new("Administrator", "管理者", "Admin", "The role that manages all settings and users.", [R("アドミン")], []),
        new("Reviewer", "レビュアー", "Reviewer", "The role that reviews every organisation's services.", [R("レビューア", "レビューア(?!ー)"), R("レビュワー")], []),
        new("Service owner", "サービスオーナー", "ServiceOwner", "The role that registers and self-assesses its organisations' services.", [], []),
        new("Name", "名前", "Name", "The name of a person or an organisation.", [R("氏名・名称")], []),
        new("ID", "ID", "ID", "A stable identifier such as P3-01.", [], [InHeadings("Id", @"\bId\b")]),
        new("Time (Japan time)", "日時（日本時間）", "Time (Tokyo)",
            "Every date and time is shown in Japan time and labelled so, e.g. 公開日時（日本時間）.",
            [R("（東京）"), R("（JST）")], [R("(Tokyo)"), R("(JST)")]),
        new("Sign in", "サインイン", "Sign in", "Starting a session with an account.", [R("ログイン")], [R("log in", @"\b[Ll]og ?in\b")]),
        new("Two-step verification", "2段階認証", "Two-step verification",
            "A code from an authenticator app in addition to the password.",
            [R("二段階認証"), R("2要素認証"), R("二要素認証")], [R("two-factor", @"\b[Tt]wo-factor\b"), R("2FA")]),
        new("Audit log", "監査ログ", "Audit log", "The append-only record of every change.", [R("操作ログ")], []),
        new("Service", "サービス", "Service", "A digital service of a bureau or municipality: a procedure, website or app in the register.", [R("業務システム")], []),
        new("Service canvas", "サービスキャンバス", "Service canvas",
            "The one-page description of a service (東京都サービスキャンバス): purpose, users, journeys, hypotheses, KPIs, risks.", [], []),
        new("Assessment", "評価", "Assessment", "A service checked against the catalogue in one phase, reviewed by a panel and published.",
            [R("アセスメント")], [R("audit (for an assessment)", @"\b[Ss]ervice audit")]),
        new("Self-assessment", "自己評価", "Self-assessment", "The service team's own answers before the panel reviews them.", [R("セルフチェック")], []),
        new("Panel", "評価パネル", "Panel", "The reviewers who review an assessment; one of them leads.", [R("審査員")], []),
        new("Action items", "対応事項", "Action items", "What a team must do after an assessment, with an owner and a due date.",
            [R("アクションアイテム"), R("改善項目")], [R("to-do", @"\b[Tt]o-?dos?\b")]),
        new("Rating", "判定", "Rating", "Green, amber or red: the panel's rating of a checkpoint or an assessment, always shown as a word too.",
            [], [R("RAG status", @"\bRAG status\b")]),
        new("Met", "達成", "Met", "A checkpoint's outcome: fully met (also 一部達成 partly met, 未達成 not met, 対象外 not applicable).", [R("適合（チェックポイントの結果として）", "(?<!不)適合済み")], []),
        new("Overdue", "期限超過", "Overdue", "An action item still open after its due date.", [], []),
        new("Fiscal year", "年度", "Fiscal year", "April to March, named by the year it starts: 2025年度 / FY2025.", [], []),
        new("API keys", "APIキー", "API keys", "Personal keys with which programs call the API as their user.", [R("アクセスキー")], []),
        new("Feedback", "フィードバック", "Feedback", "What a person tells a service's team through the widget, form or API: a rating from 1 to 5, whether they did what they came to do, reasons and a comment.",
            [], []),
        new("CSAT", "満足率（CSAT）", "CSAT", "The share of feedback rated 4 or 5 in a period; not measured when nobody answered.", [R("顧客満足度")], []),
        new("Task completion", "用件の達成", "Task completion", "Whether a person could do what they came to do; as a figure, the share who said so.", [R("タスク完了")], []),
        new("You said, we did", "いただいた声と改善", "You said, we did", "The improvements a service's team made in answer to feedback, published on the service's public page.", [], []),
    ];

    /// <summary>Rejected variants found in <paramref name="text"/>: the term and the variant's description.</summary>
    public static IEnumerable<(GlossaryTerm Term, RejectedVariant Variant)> Rejected(string text, bool english, bool heading)
    {
        ArgumentNullException.ThrowIfNull(text);
        return All.SelectMany(t => (english ? t.RejectedEnglish : t.RejectedJapanese).Select(v => (t, v)))
            .Where(x => (heading || !x.v.HeadingsOnly) && x.v.Regex.IsMatch(text));
    }
}
