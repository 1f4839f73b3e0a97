namespace Shishin.Core.Services;

/// <summary>
/// The two spellings of a phase outside the UI: the English key of the API, CSV and catalogue (<c>service-design</c>) and
/// the Japanese name Tokyo's documents use (<c>企画-サービス立案</c>), which CSV files written by people carry.
/// </summary>
public static class ServicePhaseNames
{
    private static readonly (ServicePhase Phase, string Key, string Japanese)[] Names =
    [
        (ServicePhase.Hypothesis, "hypothesis", "企画-仮説検討"),
        (ServicePhase.ServiceDesign, "service-design", "企画-サービス立案"),
        (ServicePhase.Requirements, "requirements", "企画-要件定義・調達"),
        (ServicePhase.Development, "development", "開発"),
        (ServicePhase.Operation, "operation", "運用"),
        (ServicePhase.Retired, "retired", "廃止"),
    ];

    public static IReadOnlyList<string> Keys { get; } = [.. Names.Select(n => n.Key)];

    public static string Key(this ServicePhase phase) => Names.First(n => n.Phase == phase).Key;

    public static string Japanese(this ServicePhase phase) => Names.First(n => n.Phase == phase).Japanese;

    /// <summary>
    /// Reads a key or a Japanese name; width and the dash between 企画 and the rest are forgiven
    /// (企画－仮説検討, 企画ー仮説検討), because spreadsheets and IMEs write them either way.
    /// </summary>
    public static bool TryParse(string? text, out ServicePhase phase)
    {
        var normalized = Loosen(text ?? "");
        foreach (var name in Names)
        {
            // Both sides are loosened: サービス has a ー of its own, which must not stop 企画-サービス立案 matching itself.
            if (string.Equals(normalized, name.Key, StringComparison.OrdinalIgnoreCase)
                || string.Equals(normalized, Loosen(name.Japanese), StringComparison.Ordinal))
            {
                phase = name.Phase;
                return true;
            }
        }

        phase = default;
        return false;
    }

    private static string Loosen(string text) => text.Trim().Normalize(System.Text.NormalizationForm.FormKC)
        .Replace('ー', '-').Replace('‐', '-').Replace('−', '-').Replace('–', '-').Replace('—', '-');
}
