using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Shishin.Scanning.Safety;

namespace Shishin.Scanning.Reports;

/// <summary>
/// Shishin's own JSON report: everything in a <see cref="ScanResult"/>, in camelCase, with enum values as camelCase
/// strings, times in milliseconds and absent values left out. It follows the JSON Schema of <see cref="Schema"/>
/// (published as docs/schemas/scan-report.schema.json); its <c>$schema</c> names that schema and
/// <c>reportVersion</c> its version, which changes only when a field is removed or changes meaning.
/// </summary>
public static class JsonReport
{
    /// <summary>The version of the report format written in <c>reportVersion</c>.</summary>
    public const int ReportVersion = 1;

    /// <summary>The schema's <c>$id</c>, written as the report's <c>$schema</c>.</summary>
    public static Uri SchemaId { get; } = new("https://raw.githubusercontent.com/shishin-project/shishin/main/docs/schemas/scan-report.schema.json");

    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        // The report is a file, never embedded in a page, so HTML snippets and Japanese text stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The JSON Schema (draft 2020-12) that every report follows.</summary>
    public static string Schema()
    {
        using var stream = typeof(JsonReport).Assembly.GetManifestResourceStream("Shishin.Scanning.Reports.scan-report.schema.json")
            ?? throw new InvalidOperationException("The report schema is not embedded in Shishin.Scanning.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Writes <paramref name="result"/> as JSON to <paramref name="output"/>, which is left open.</summary>
    /// <param name="result">The scan to report.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(ScanResult result, Stream output)
    {
        ArgumentNullException.ThrowIfNull(result);
        JsonSerializer.Serialize(output, Document(result), SerializerOptions);
    }

    private static ReportDocument Document(ScanResult result)
    {
        var options = result.Options;
        return new ReportDocument(
            SchemaId.AbsoluteUri,
            ReportVersion,
            new ScannerDto("Shishin", result.ScannerVersion, ScannerInfo.InfoUrl.AbsoluteUri, NullIfEmpty(result.AxeVersion), NullIfEmpty(result.BrowserVersion), result.UserAgent),
            Timestamp(result.StartedAt),
            Milliseconds(result.Duration),
            result.Cancelled,
            result.BrowserRestarts,
            new OptionsDto(
                [.. options.StartUrls.Select(u => u.AbsoluteUri)],
                options.MaxPages,
                options.MaxDepth,
                options.Concurrency,
                options.Include,
                options.Exclude,
                options.ObeyRobots,
                options.Mobile,
                Rules.RuleProfileNames.Of(options.ActiveRules),
                options.ActiveRules.HasFlag(Rules.RuleProfiles.Wcag22aa),
                options.AllowPrivate),
            Summary(ScanSummary.From(result)),
            [.. result.Pages.Select(Page)],
            [.. result.Skipped.Select(s => new SkippedDto(s.Url.AbsoluteUri, s.Reason))],
            [.. result.BlockedRequests.Select(b => new BlockedDto(b.Target, b.Reason, b.Detail, Timestamp(b.At)))]);
    }

    private static SummaryDto Summary(ScanSummary summary) => new(
        summary.Pages,
        summary.PageErrors,
        summary.PartialPages,
        new ViolationsDto(summary.Violations.Critical, summary.Violations.Serious, summary.Violations.Moderate, summary.Violations.Minor, summary.Violations.Total),
        summary.NeedsReview,
        summary.BlockedRequests,
        summary.Skipped);

    private static PageDto Page(PageResult page) => new(
        page.RequestedUrl.AbsoluteUri,
        page.FinalUrl?.AbsoluteUri,
        page.Depth,
        page.StatusCode,
        [.. page.RedirectChain.Select(h => new RedirectDto(h.Url.AbsoluteUri, h.StatusCode, h.Kind == RedirectKind.Http ? null : h.Kind))],
        page.Title,
        page.Lang,
        new TimingsDto(
            Milliseconds(page.Timings.TimeToFirstByte),
            Milliseconds(page.Timings.FirstContentfulPaint),
            Milliseconds(page.Timings.LargestContentfulPaint),
            page.Timings.CumulativeLayoutShift is { } cls ? Math.Round(cls, 4) : null,
            Milliseconds(page.Timings.DomContentLoaded),
            Milliseconds(page.Timings.Load)),
        page.WeightBytes,
        page.RequestCount,
        page.UnfinishedRequests,
        page.Tls is { } tls ? new TlsDto(tls.Protocol, tls.Issuer, tls.ValidTo is { } validTo ? Timestamp(validTo) : null) : null,
        page.Error is { } error ? new ErrorDto(error.Kind, error.Message) : null,
        page.Status,
        page.Gaps.Count > 0 ? [.. page.Gaps.Select(g => new GapDto(g.Kind, g.Message))] : null,
        Timestamp(page.StartedAt),
        Milliseconds(page.Duration),
        [.. page.Findings.Select(Finding)],
        page.Step);

    private static FindingDto Finding(Finding finding) => new(
        finding.RuleId,
        finding.Category,
        finding.Outcome,
        finding.Impact,
        finding.Message,
        finding.HelpUrl.AbsoluteUri,
        finding.Wcag,
        finding.Jis,
        finding.Fingerprint,
        finding.Uncatalogued ? true : null,
        [.. finding.Nodes.Select(n => new NodeDto(n.Selector, n.Html, n.Detail, n.Fingerprint, n.Frame?.AbsoluteUri))]);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static string Timestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static long Milliseconds(TimeSpan value) => (long)Math.Round(value.TotalMilliseconds);

    private static long? Milliseconds(TimeSpan? value) => value is { } v ? Milliseconds(v) : null;

    private sealed record ReportDocument(
        [property: JsonPropertyName("$schema")] string Schema,
        int ReportVersion,
        ScannerDto Scanner,
        string StartedAt,
        long DurationMs,
        bool Cancelled,
        int BrowserRestarts,
        OptionsDto Options,
        SummaryDto Summary,
        IReadOnlyList<PageDto> Pages,
        IReadOnlyList<SkippedDto> Skipped,
        IReadOnlyList<BlockedDto> BlockedRequests);

    private sealed record ScannerDto(string Name, string Version, string InformationUri, string? AxeCoreVersion, string? BrowserVersion, string UserAgent);

    private sealed record OptionsDto(
        IReadOnlyList<string> StartUrls,
        int MaxPages,
        int MaxDepth,
        int Concurrency,
        IReadOnlyList<string> Include,
        IReadOnlyList<string> Exclude,
        bool ObeyRobots,
        bool Mobile,
        IReadOnlyList<string> Rules,
        bool Wcag22,
        bool AllowPrivate);

    private sealed record SummaryDto(int Pages, int PageErrors, int PartialPages, ViolationsDto Violations, int NeedsReview, int BlockedRequests, int Skipped);

    private sealed record ViolationsDto(int Critical, int Serious, int Moderate, int Minor, int Total);

    private sealed record PageDto(
        string RequestedUrl,
        string? FinalUrl,
        int Depth,
        int? StatusCode,
        IReadOnlyList<RedirectDto> RedirectChain,
        string? Title,
        string? Lang,
        TimingsDto Timings,
        long WeightBytes,
        int RequestCount,
        int UnfinishedRequests,
        TlsDto? Tls,
        ErrorDto? Error,
        PageStatus Status,
        IReadOnlyList<GapDto>? Gaps,
        string StartedAt,
        long DurationMs,
        IReadOnlyList<FindingDto> Findings,
        string? Step);

    private sealed record RedirectDto(string Url, int StatusCode, RedirectKind? Kind);

    private sealed record TimingsDto(long? TimeToFirstByteMs, long? FirstContentfulPaintMs, long? LargestContentfulPaintMs, double? CumulativeLayoutShift, long? DomContentLoadedMs, long? LoadMs);

    private sealed record TlsDto(string? Protocol, string? Issuer, string? ValidTo);

    private sealed record ErrorDto(PageErrorKind Kind, string Message);

    private sealed record GapDto(PageGapKind Kind, string Message);

    private sealed record FindingDto(
        string RuleId,
        Rules.RuleCategory Category,
        FindingOutcome Outcome,
        FindingImpact Impact,
        string Message,
        string HelpUrl,
        IReadOnlyList<string> Wcag,
        IReadOnlyList<string> Jis,
        string Fingerprint,
        bool? Uncatalogued,
        IReadOnlyList<NodeDto> Nodes);

    private sealed record NodeDto(string Selector, string Html, string? Detail, string Fingerprint, string? Frame);

    private sealed record SkippedDto(string Url, SkipReason Reason);

    private sealed record BlockedDto(string Target, EgressBlockReason Reason, string Detail, string At);
}
