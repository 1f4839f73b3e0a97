using System.Text.Json;
using Json.Schema;
using Shishin.Scanning.Reports;

namespace Shishin.Core.Scans;

/// <summary>Where a report breaks the schema: a JSON Pointer to the value (e.g. <c>/pages/0/findings/2/impact</c>) and why.</summary>
public sealed record ScanReportProblem(string Path, string Message);

/// <summary>
/// Checks a JSON report against the schema the scanner publishes (docs/schemas/scan-report.schema.json, draft 2020-12)
/// before an upload is stored: <see cref="ScanReportReader"/> trusts what it reads, so nothing else may reach it.
/// </summary>
public static class ScanReportSchema
{
    // A registry of its own: the global one would refuse the schema's $id a second time (tests build it too).
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(JsonReport.Schema(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    /// <summary>The first problem of the report in document order, or <see langword="null"/> when it is valid.</summary>
    public static ScanReportProblem? Validate(JsonElement report)
    {
        var result = Schema.Value.Evaluate(report, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return null;
        }

        // The deepest failing place comes first among equals: a bad impact fails its own enum, and the finding, page and
        // report around it only fail because of it.
        var failures = (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .Select(d => (Path: d.InstanceLocation.ToString(), Message: d.Errors!.First().Value))
            .ToList();
        if (failures.Count == 0)
        {
            return new ScanReportProblem("", "The report does not match the schema.");
        }

        var first = failures.OrderBy(f => f.Path, InstanceOrder.Instance).First();
        return new ScanReportProblem(first.Path, first.Message);
    }

    /// <summary>
    /// Orders JSON Pointers by document position as far as pointers show it (array indexes numerically), and a longer
    /// pointer before its own prefix.
    /// </summary>
    private sealed class InstanceOrder : IComparer<string>
    {
        public static readonly InstanceOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = (x ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
            var b = (y ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var byValue = int.TryParse(a[i], out var m) && int.TryParse(b[i], out var n)
                    ? m.CompareTo(n)
                    : string.CompareOrdinal(a[i], b[i]);
                if (byValue != 0)
                {
                    return byValue;
                }
            }

            return b.Length.CompareTo(a.Length);
        }
    }
}
