using System.Text.Json.Serialization;

namespace Shishin.Scanning.Checks;

/// <summary>What the probe script (Scripts/probe.js) reads from a loaded page, as JSON.</summary>
internal sealed record PageSnapshot
{
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("lang")]
    public string? Lang { get; init; }

    [JsonPropertyName("text")]
    public string Text { get; init; } = "";

    [JsonPropertyName("viewport")]
    public string? Viewport { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("hreflang")]
    public IReadOnlyList<HreflangLink> Hreflang { get; init; } = [];

    [JsonPropertyName("insecure")]
    public IReadOnlyList<string> Insecure { get; init; } = [];

    [JsonPropertyName("links")]
    public IReadOnlyList<PageLink> Links { get; init; } = [];

    /// <summary>How many links the page has in the document and its open shadow roots; more than <see cref="Links"/> when they were cut off.</summary>
    [JsonPropertyName("linkCount")]
    public int LinkCount { get; init; }

    /// <summary>True when the page has more elements than the probe looks through (<see cref="MaxElements"/>).</summary>
    [JsonPropertyName("elementsTruncated")]
    public bool ElementsTruncated { get; init; }

    [JsonPropertyName("maxElements")]
    public int MaxElements { get; init; }

    /// <summary>The delay in seconds of a meta refresh that sends the document on; <see langword="null"/> when it has none.</summary>
    [JsonPropertyName("refresh")]
    public double? Refresh { get; init; }

    [JsonPropertyName("timing")]
    public ProbeTimings Timing { get; init; } = new();
}

/// <summary>A <c>&lt;link rel="alternate" hreflang&gt;</c>.</summary>
internal sealed record HreflangLink(
    [property: JsonPropertyName("hreflang")] string Hreflang,
    [property: JsonPropertyName("href")] string Href);

/// <summary>A link of the page: its resolved address and where it is.</summary>
internal sealed record PageLink(
    [property: JsonPropertyName("href")] string Href,
    [property: JsonPropertyName("selector")] string Selector,
    [property: JsonPropertyName("html")] string Html);

/// <summary>Milliseconds from the start of navigation, as the browser's performance APIs report them.</summary>
internal sealed record ProbeTimings
{
    [JsonPropertyName("ttfb")]
    public double? Ttfb { get; init; }

    [JsonPropertyName("fcp")]
    public double? Fcp { get; init; }

    [JsonPropertyName("lcp")]
    public double? Lcp { get; init; }

    [JsonPropertyName("cls")]
    public double? Cls { get; init; }

    [JsonPropertyName("domContentLoaded")]
    public double? DomContentLoaded { get; init; }

    [JsonPropertyName("load")]
    public double? Load { get; init; }

    public PageTimings ToPageTimings() => new()
    {
        TimeToFirstByte = Ms(Ttfb),
        FirstContentfulPaint = Ms(Fcp),
        LargestContentfulPaint = Ms(Lcp),
        CumulativeLayoutShift = Cls is { } cls ? Math.Round(cls, 4) : null,
        DomContentLoaded = Ms(DomContentLoaded),
        Load = Ms(Load),
    };

    private static TimeSpan? Ms(double? value) => value is > 0 ? TimeSpan.FromMilliseconds(Math.Round(value.Value, 1)) : null;
}
