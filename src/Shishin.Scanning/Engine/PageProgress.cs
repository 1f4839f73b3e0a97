using Shishin.Scanning.Checks;

namespace Shishin.Scanning.Engine;

/// <summary>
/// What the scan of one page has gathered so far, stage by stage: the document's response and the checks on its
/// headers, the probe's reading and the page checks on it, axe-core's findings. Whatever stops the page afterwards (its
/// budget, a failing check, an oversized response, a cancelled scan), what is here is kept and reported, and each
/// stage that did not finish becomes a <see cref="PageGap"/> that says why.
/// </summary>
internal sealed class PageProgress
{
    private readonly Lock gate = new();
    private readonly List<PageGap> gaps = [];
    private PageError? cause;

    public NetworkMonitor? Network { get; set; }

    /// <summary>How long each stage took (for profiling only, <see cref="StageLog"/>).</summary>
    public StageClock Stages { get; init; } = new(TimeProvider.System);

    /// <summary>The document's status, addresses, redirects, and after the checks title, lang and timings.</summary>
    public PageResult? Result { get; set; }

    public Uri? FinalUrl { get; set; }

    /// <summary>The findings on the document's response: its security headers, cookies and TLS.</summary>
    public List<Finding> ResponseFindings { get; set; } = [];

    /// <summary>The probe's reading, once it has read the document.</summary>
    public PageSnapshot? Snapshot { get; set; }

    /// <summary>The page, security-of-content and performance findings on the probe's reading.</summary>
    public List<Finding> PageFindings { get; set; } = [];

    /// <summary>axe-core's findings, once it has run to the end.</summary>
    public List<Finding>? AxeFindings { get; set; }

    /// <summary>The first thing that kept the page from being scanned completely without stopping it.</summary>
    public PageError? Cause
    {
        get
        {
            lock (gate)
            {
                return cause;
            }
        }
    }

    public IReadOnlyList<PageGap> Gaps
    {
        get
        {
            lock (gate)
            {
                return [.. gaps];
            }
        }
    }

    /// <summary>Records a gap, and its cause when it is the first (called from the network monitor's thread too).</summary>
    public void Add(PageGap gap, PageError? because = null)
    {
        lock (gate)
        {
            if (!gaps.Contains(gap))
            {
                gaps.Add(gap);
            }

            cause ??= because;
        }
    }

    /// <summary>A new document replaces the one the page started with: what was read of the old one is no longer the page's.</summary>
    public void StartDocument()
    {
        lock (gate)
        {
            // A check that failed on the old document says nothing of the new one; a cut-off response stays the page's.
            gaps.RemoveAll(g => g.Kind is PageGapKind.PageChecks or PageGapKind.AccessibilityChecks);
            if (cause?.Kind == PageErrorKind.CheckFailed)
            {
                cause = null;
            }
        }

        ResponseFindings = [];
        Snapshot = null;
        PageFindings = [];
        AxeFindings = null;
    }

    /// <summary>The gaps of the stages that did not finish, because of <paramref name="why"/>, and of the recorded ones.</summary>
    public List<PageGap> AllGaps(string why)
    {
        var all = Gaps.ToList();
        if (Snapshot is null && !all.Any(g => g.Kind == PageGapKind.PageChecks))
        {
            all.Add(new PageGap(PageGapKind.PageChecks, $"The page was not read (title, lang, text, links, timings): {why}"));
        }

        if (AxeFindings is null && !all.Any(g => g.Kind == PageGapKind.AccessibilityChecks))
        {
            all.Add(new PageGap(PageGapKind.AccessibilityChecks, $"axe-core did not run on the page: {why}"));
        }

        return all;
    }

    /// <summary>Every finding gathered, of the document the page ended on.</summary>
    public List<Finding> Findings() => [.. ResponseFindings, .. PageFindings, .. AxeFindings ?? []];
}
