using System.Globalization;

namespace Shishin.Core.Catalog;

/// <summary>The checkpoint list as RFC 4180 CSV, one row per checkpoint, lists separated by spaces.</summary>
public static class CatalogCsv
{
    public static readonly string[] Header =
    [
        "id", "principle", "theme", "title_ja", "title_en", "guidance_ja", "guidance_en", "evidence_ja", "evidence_en",
        "phases", "check_type", "scanner_rules", "parameters", "wcag", "jis", "uk_service_standard", "us_playbook", "asvs", "retired",
    ];

    public static async Task WriteAsync(IEnumerable<Checkpoint> checkpoints, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        ArgumentNullException.ThrowIfNull(writer);
        await writer.WriteLineAsync(string.Join(',', Header));
        foreach (var c in checkpoints)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string[] cells =
            [
                c.Id,
                c.Principle?.ToString(CultureInfo.InvariantCulture) ?? "",
                c.Theme ?? "",
                c.Title.Ja, c.Title.En, c.Guidance.Ja, c.Guidance.En, c.Evidence.Ja, c.Evidence.En,
                string.Join(' ', c.Phases.Select(CatalogCodes.Code)),
                c.CheckType.ToString(),
                string.Join(' ', c.ScannerRules),
                string.Join(' ', c.Parameters),
                string.Join(' ', c.Mappings.Wcag.Select(w => $"{w.Criterion}@{w.Version}")),
                string.Join(' ', c.Mappings.Jis),
                string.Join(' ', c.Mappings.UkServiceStandard.Select(n => n.ToString(CultureInfo.InvariantCulture))),
                string.Join(' ', c.Mappings.UsPlaybook.Select(n => n.ToString(CultureInfo.InvariantCulture))),
                string.Join(' ', c.Mappings.Asvs),
                c.Retired ? "true" : "false",
            ];
            await writer.WriteLineAsync(string.Join(',', cells.Select(Csv.Cell)));
        }
    }
}
