namespace Shishin.Core.Catalog;

/// <summary>
/// The names of the points, plays and chapters that checkpoints map to, so readers see what "UK 5" or "ASVS V12"
/// means. English names as the frameworks publish them; the Japanese names are our translations.
/// </summary>
public static class FrameworkNames
{
    private static readonly LocalizedText[] UkPoints =
    [
        new("利用者とそのニーズを理解する", "Understand users and their needs"),
        new("利用者の課題を全体として解決する", "Solve a whole problem for users"),
        new("あらゆる窓口でつながった体験を提供する", "Provide a joined up experience across all channels"),
        new("サービスを簡単に使えるようにする", "Make the service simple to use"),
        new("誰もがサービスを使えるようにする", "Make sure everyone can use the service"),
        new("多様な専門性をもつチームをつくる", "Have a multidisciplinary team"),
        new("アジャイルなやり方で進める", "Use agile ways of working"),
        new("頻繁に改善を繰り返す", "Iterate and improve frequently"),
        new("安全で、利用者のプライバシーを守るサービスをつくる", "Create a secure service which protects users' privacy"),
        new("成功の基準を定め、実績データを公開する", "Define what success looks like and publish performance data"),
        new("適切なツールと技術を選ぶ", "Choose the right tools and technology"),
        new("新しく書いたソースコードを公開する", "Make new source code open"),
        new("オープンスタンダード、共通部品、パターンを使い、改善に貢献する", "Use and contribute to open standards, common components and patterns"),
        new("信頼できるサービスを運用する", "Operate a reliable service"),
    ];

    private static readonly LocalizedText[] UsPlays =
    [
        new("人々が何を必要としているかを理解する", "Understand what people need"),
        new("始まりから終わりまで、体験の全体に取り組む", "Address the whole experience, from start to finish"),
        new("シンプルで直感的にする", "Make it simple and intuitive"),
        new("アジャイルで反復的な進め方でサービスをつくる", "Build the service using agile and iterative practices"),
        new("サービスの提供を支える予算と契約にする", "Structure budgets and contracts to support delivery"),
        new("一人のリーダーを任命し、その人に責任をもたせる", "Assign one leader and hold that person accountable"),
        new("経験のあるチームを迎える", "Bring in experienced teams"),
        new("現代的な技術スタックを選ぶ", "Choose a modern technology stack"),
        new("柔軟なホスティング環境に展開する", "Deploy in a flexible hosting environment"),
        new("テストとデプロイを自動化する", "Automate testing and deployments"),
        new("再利用できる手順でセキュリティとプライバシーを管理する", "Manage security and privacy through reusable processes"),
        new("データに基づいて判断する", "Use data to drive decisions"),
        new("初めからオープンにする", "Default to open"),
    ];

    private static readonly LocalizedText[] AsvsChapters =
    [
        new("エンコードと無害化", "Encoding and Sanitization"),
        new("入力検証とビジネスロジック", "Validation and Business Logic"),
        new("Web フロントエンドのセキュリティ", "Web Frontend Security"),
        new("API と Web サービス", "API and Web Service"),
        new("ファイルの取り扱い", "File Handling"),
        new("認証", "Authentication"),
        new("セッション管理", "Session Management"),
        new("認可", "Authorization"),
        new("自己完結型トークン", "Self-contained Tokens"),
        new("OAuth と OIDC", "OAuth and OIDC"),
        new("暗号", "Cryptography"),
        new("安全な通信", "Secure Communication"),
        new("設定", "Configuration"),
        new("データ保護", "Data Protection"),
        new("セキュアコーディングとアーキテクチャ", "Secure Coding and Architecture"),
        new("セキュリティのログとエラー処理", "Security Logging and Error Handling"),
        new("WebRTC", "WebRTC"),
    ];

    /// <summary>A point of the UK Service Standard (1–14).</summary>
    public static LocalizedText? UkServiceStandard(int point) => point is >= 1 and <= 14 ? UkPoints[point - 1] : null;

    /// <summary>A play of the US Digital Services Playbook (1–13).</summary>
    public static LocalizedText? UsPlaybook(int play) => play is >= 1 and <= 13 ? UsPlays[play - 1] : null;

    /// <summary>A chapter of OWASP ASVS 5.0 (<c>V1</c>–<c>V17</c>).</summary>
    public static LocalizedText? AsvsChapter(string chapter) =>
        chapter is ['V' or 'v', .. var digits] && int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 17
            ? AsvsChapters[n - 1]
            : null;
}
