using System.Collections.Frozen;
using System.Collections.ObjectModel;

namespace Shishin.Core.Catalog;

/// <summary>A WCAG success criterion.</summary>
/// <param name="Number">The criterion number, e.g. <c>1.4.3</c>.</param>
/// <param name="Level">The conformance level: <c>A</c>, <c>AA</c> or <c>AAA</c>.</param>
/// <param name="IntroducedIn">The WCAG version that introduced the criterion: <c>2.0</c>, <c>2.1</c> or <c>2.2</c>.</param>
/// <param name="NameEn">The criterion's short name in English.</param>
/// <param name="NameJa">The criterion's short name in Japanese.</param>
/// <param name="RemovedIn22">
/// True for 4.1.1 Parsing, which WCAG 2.2 made obsolete; it is still part of WCAG 2.0 and 2.1 and of
/// JIS X 8341-3:2016.
/// </param>
public sealed record WcagCriterion(
    string Number,
    string Level,
    string IntroducedIn,
    string NameEn,
    string NameJa,
    bool RemovedIn22 = false);

/// <summary>
/// Every success criterion of WCAG 2.2, levels A to AAA, plus 4.1.1 Parsing that WCAG 2.2 removed; and the mapping
/// to JIS X 8341-3:2016, whose success criteria are those of WCAG 2.0 numbered <c>7.</c> + the WCAG number.
/// </summary>
public static class WcagCriteria
{
    private const string JisPrefix = "7.";

    /// <summary>Every criterion in WCAG order.</summary>
    public static IReadOnlyList<WcagCriterion> All { get; } = new ReadOnlyCollection<WcagCriterion>(
    [
        new("1.1.1", "A", "2.0", "Non-text Content", "非テキストコンテンツ"),
        new("1.2.1", "A", "2.0", "Audio-only and Video-only (Prerecorded)", "音声のみ及び映像のみ（収録済）"),
        new("1.2.2", "A", "2.0", "Captions (Prerecorded)", "キャプション（収録済）"),
        new("1.2.3", "A", "2.0", "Audio Description or Media Alternative (Prerecorded)", "音声解説、又はメディアに対する代替（収録済）"),
        new("1.2.4", "AA", "2.0", "Captions (Live)", "キャプション（ライブ）"),
        new("1.2.5", "AA", "2.0", "Audio Description (Prerecorded)", "音声解説（収録済）"),
        new("1.2.6", "AAA", "2.0", "Sign Language (Prerecorded)", "手話（収録済）"),
        new("1.2.7", "AAA", "2.0", "Extended Audio Description (Prerecorded)", "拡張音声解説（収録済）"),
        new("1.2.8", "AAA", "2.0", "Media Alternative (Prerecorded)", "メディアに対する代替（収録済）"),
        new("1.2.9", "AAA", "2.0", "Audio-only (Live)", "音声のみ（ライブ）"),
        new("1.3.1", "A", "2.0", "Info and Relationships", "情報及び関係性"),
        new("1.3.2", "A", "2.0", "Meaningful Sequence", "意味のある順序"),
        new("1.3.3", "A", "2.0", "Sensory Characteristics", "感覚的な特徴"),
        new("1.3.4", "AA", "2.1", "Orientation", "表示の向き"),
        new("1.3.5", "AA", "2.1", "Identify Input Purpose", "入力目的の特定"),
        new("1.3.6", "AAA", "2.1", "Identify Purpose", "目的の特定"),
        new("1.4.1", "A", "2.0", "Use of Color", "色の使用"),
        new("1.4.2", "A", "2.0", "Audio Control", "音声の制御"),
        new("1.4.3", "AA", "2.0", "Contrast (Minimum)", "コントラスト（最低限）"),
        new("1.4.4", "AA", "2.0", "Resize Text", "テキストのサイズ変更"),
        new("1.4.5", "AA", "2.0", "Images of Text", "文字画像"),
        new("1.4.6", "AAA", "2.0", "Contrast (Enhanced)", "コントラスト（高度）"),
        new("1.4.7", "AAA", "2.0", "Low or No Background Audio", "小さな背景音、又は背景音なし"),
        new("1.4.8", "AAA", "2.0", "Visual Presentation", "視覚的提示"),
        new("1.4.9", "AAA", "2.0", "Images of Text (No Exception)", "文字画像（例外なし）"),
        new("1.4.10", "AA", "2.1", "Reflow", "リフロー"),
        new("1.4.11", "AA", "2.1", "Non-text Contrast", "非テキストのコントラスト"),
        new("1.4.12", "AA", "2.1", "Text Spacing", "テキストの間隔"),
        new("1.4.13", "AA", "2.1", "Content on Hover or Focus", "ホバー又はフォーカスで表示されるコンテンツ"),
        new("2.1.1", "A", "2.0", "Keyboard", "キーボード"),
        new("2.1.2", "A", "2.0", "No Keyboard Trap", "キーボードトラップなし"),
        new("2.1.3", "AAA", "2.0", "Keyboard (No Exception)", "キーボード（例外なし）"),
        new("2.1.4", "A", "2.1", "Character Key Shortcuts", "文字キーのショートカット"),
        new("2.2.1", "A", "2.0", "Timing Adjustable", "タイミング調整可能"),
        new("2.2.2", "A", "2.0", "Pause, Stop, Hide", "一時停止、停止、非表示"),
        new("2.2.3", "AAA", "2.0", "No Timing", "タイミング非依存"),
        new("2.2.4", "AAA", "2.0", "Interruptions", "割り込み"),
        new("2.2.5", "AAA", "2.0", "Re-authenticating", "再認証"),
        new("2.2.6", "AAA", "2.1", "Timeouts", "タイムアウト"),
        new("2.3.1", "A", "2.0", "Three Flashes or Below Threshold", "3回の閃光、又は閾値以下"),
        new("2.3.2", "AAA", "2.0", "Three Flashes", "3回の閃光"),
        new("2.3.3", "AAA", "2.1", "Animation from Interactions", "インタラクションによるアニメーション"),
        new("2.4.1", "A", "2.0", "Bypass Blocks", "ブロックスキップ"),
        new("2.4.2", "A", "2.0", "Page Titled", "ページタイトル"),
        new("2.4.3", "A", "2.0", "Focus Order", "フォーカス順序"),
        new("2.4.4", "A", "2.0", "Link Purpose (In Context)", "リンクの目的（コンテキスト内）"),
        new("2.4.5", "AA", "2.0", "Multiple Ways", "複数の手段"),
        new("2.4.6", "AA", "2.0", "Headings and Labels", "見出し及びラベル"),
        new("2.4.7", "AA", "2.0", "Focus Visible", "フォーカスの可視化"),
        new("2.4.8", "AAA", "2.0", "Location", "現在位置"),
        new("2.4.9", "AAA", "2.0", "Link Purpose (Link Only)", "リンクの目的（リンクのみ）"),
        new("2.4.10", "AAA", "2.0", "Section Headings", "セクション見出し"),
        new("2.4.11", "AA", "2.2", "Focus Not Obscured (Minimum)", "フォーカスが隠されない（最低限）"),
        new("2.4.12", "AAA", "2.2", "Focus Not Obscured (Enhanced)", "フォーカスが隠されない（高度）"),
        new("2.4.13", "AAA", "2.2", "Focus Appearance", "フォーカスの外観"),
        new("2.5.1", "A", "2.1", "Pointer Gestures", "ポインタのジェスチャ"),
        new("2.5.2", "A", "2.1", "Pointer Cancellation", "ポインタのキャンセル"),
        new("2.5.3", "A", "2.1", "Label in Name", "ラベルを含む名前"),
        new("2.5.4", "A", "2.1", "Motion Actuation", "動きによる起動"),
        new("2.5.5", "AAA", "2.1", "Target Size (Enhanced)", "ターゲットのサイズ（高度）"),
        new("2.5.6", "AAA", "2.1", "Concurrent Input Mechanisms", "入力メカニズムの共存"),
        new("2.5.7", "AA", "2.2", "Dragging Movements", "ドラッグ操作"),
        new("2.5.8", "AA", "2.2", "Target Size (Minimum)", "ターゲットのサイズ（最低限）"),
        new("3.1.1", "A", "2.0", "Language of Page", "ページの言語"),
        new("3.1.2", "AA", "2.0", "Language of Parts", "一部分の言語"),
        new("3.1.3", "AAA", "2.0", "Unusual Words", "一般的ではない用語"),
        new("3.1.4", "AAA", "2.0", "Abbreviations", "略語"),
        new("3.1.5", "AAA", "2.0", "Reading Level", "読解レベル"),
        new("3.1.6", "AAA", "2.0", "Pronunciation", "発音"),
        new("3.2.1", "A", "2.0", "On Focus", "フォーカス時"),
        new("3.2.2", "A", "2.0", "On Input", "入力時"),
        new("3.2.3", "AA", "2.0", "Consistent Navigation", "一貫したナビゲーション"),
        new("3.2.4", "AA", "2.0", "Consistent Identification", "一貫した識別性"),
        new("3.2.5", "AAA", "2.0", "Change on Request", "要求による変化"),
        new("3.2.6", "A", "2.2", "Consistent Help", "一貫したヘルプ"),
        new("3.3.1", "A", "2.0", "Error Identification", "エラーの特定"),
        new("3.3.2", "A", "2.0", "Labels or Instructions", "ラベル又は説明"),
        new("3.3.3", "AA", "2.0", "Error Suggestion", "エラー修正の提案"),
        new("3.3.4", "AA", "2.0", "Error Prevention (Legal, Financial, Data)", "エラー回避（法的、金融、データ）"),
        new("3.3.5", "AAA", "2.0", "Help", "ヘルプ"),
        new("3.3.6", "AAA", "2.0", "Error Prevention (All)", "エラー回避（すべて）"),
        new("3.3.7", "A", "2.2", "Redundant Entry", "冗長な入力"),
        new("3.3.8", "AA", "2.2", "Accessible Authentication (Minimum)", "アクセシブルな認証（最低限）"),
        new("3.3.9", "AAA", "2.2", "Accessible Authentication (Enhanced)", "アクセシブルな認証（高度）"),
        new("4.1.1", "A", "2.0", "Parsing", "構文解析", RemovedIn22: true),
        new("4.1.2", "A", "2.0", "Name, Role, Value", "名前・役割・値"),
        new("4.1.3", "AA", "2.1", "Status Messages", "ステータスメッセージ"),
    ]);

    private static readonly FrozenDictionary<string, WcagCriterion> ByNumber =
        All.ToFrozenDictionary(criterion => criterion.Number, StringComparer.Ordinal);

    /// <summary>The criterion numbered <paramref name="number"/> (e.g. <c>1.4.3</c>), or null when there is none.</summary>
    public static WcagCriterion? Find(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return ByNumber.GetValueOrDefault(number);
    }

    /// <summary>
    /// The JIS X 8341-3:2016 number of a WCAG 2.0 criterion (<c>1.4.3</c> gives <c>7.1.4.3</c>); null for criteria
    /// that WCAG 2.1 or 2.2 introduced and for unknown numbers.
    /// </summary>
    public static string? JisNumberFor(string wcagNumber) =>
        Find(wcagNumber) is { IntroducedIn: "2.0" } criterion ? JisPrefix + criterion.Number : null;

    /// <summary>
    /// The WCAG 2.0 criterion behind a JIS X 8341-3:2016 number such as <c>7.1.4.3</c>, or null when the number
    /// names none.
    /// </summary>
    public static WcagCriterion? FromJisNumber(string jis)
    {
        ArgumentNullException.ThrowIfNull(jis);
        return jis.StartsWith(JisPrefix, StringComparison.Ordinal)
            && Find(jis[JisPrefix.Length..]) is { IntroducedIn: "2.0" } criterion
                ? criterion
                : null;
    }
}
