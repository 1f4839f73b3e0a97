using System.Text;
using System.Text.Json;

namespace Shishin.Scanning.Engine;

/// <summary>
/// A diagnostic path for profiling, outside every report: when the environment variable
/// <see cref="Variable"/> names a file, each scanned page's stage times (<see cref="StageClock"/>) are written there,
/// one JSON object per line (bench/scan/profile.sh reads them). Without it nothing is written.
/// </summary>
internal static class StageLog
{
    public const string Variable = "SHISHIN_SCAN_STAGES";

    public static void WriteIfAsked(IEnumerable<PageOutcome> pages)
    {
        var path = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        var lines = new StringBuilder();
        foreach (var page in pages)
        {
            var stages = (page.Stages?.Totals() ?? []).ToDictionary(s => s.Stage, s => Math.Round(s.Took.TotalMilliseconds, 2), StringComparer.Ordinal);
            lines.AppendLine(JsonSerializer.Serialize(new
            {
                url = page.Result.RequestedUrl.AbsoluteUri,
                totalMs = Math.Round(page.Result.Duration.TotalMilliseconds, 2),
                error = page.Result.Error?.Kind.ToString(),
                stages,
            }));
        }

        File.AppendAllText(path, lines.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}
