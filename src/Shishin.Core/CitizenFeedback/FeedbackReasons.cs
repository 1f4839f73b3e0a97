namespace Shishin.Core.CitizenFeedback;

/// <summary>One answer to "why?" in the feedback form, with its stable code and its labels.</summary>
public sealed record FeedbackReason(string Code, string Ja, string En, bool Positive);

/// <summary>
/// The fixed, documented list of reasons a person may tick (docs/feedback.md). Codes are stable: they are stored, sent by
/// the API and used as themes, so a reason is added, never renamed.
/// </summary>
public static class FeedbackReasons
{
    public static IReadOnlyList<FeedbackReason> All { get; } =
    [
        new("easy-to-understand", "わかりやすかった", "Easy to understand", true),
        new("fast", "早く終わった", "Quick to complete", true),
        new("easy-to-find", "情報が見つけやすかった", "Easy to find what I needed", true),
        new("works-on-phone", "スマートフォンで使いやすかった", "Works well on my phone", true),
        new("hard-to-understand", "わかりにくかった", "Hard to understand", false),
        new("hard-to-find", "情報が見つけにくかった", "Hard to find what I needed", false),
        new("took-too-long", "時間がかかった", "Took too long", false),
        new("too-many-inputs", "入力項目が多かった", "Too much to fill in", false),
        new("error-occurred", "エラーが起きた", "An error occurred", false),
        new("not-accessible", "支援技術で使いにくかった", "Hard to use with my assistive technology", false),
        new("other", "その他", "Something else", false),
    ];

    private static readonly Dictionary<string, FeedbackReason> ByCode = All.ToDictionary(r => r.Code, StringComparer.Ordinal);

    public static bool IsKnown(string code) => ByCode.ContainsKey(code);

    public static FeedbackReason? Find(string code) => ByCode.GetValueOrDefault(code);
}
