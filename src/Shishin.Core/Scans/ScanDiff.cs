using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shishin.Core.Data;
using Shishin.Core.Notifications;

namespace Shishin.Core.Scans;

/// <summary>Whether a finding appeared, went away or stayed between two runs.</summary>
public enum ScanChange
{
    New,
    Fixed,
    Unchanged,
}

/// <summary>
/// One finding of a diff. <see cref="Fingerprint"/> and <see cref="Outcome"/> identify it (the scanner's fingerprint is
/// rule + page path, so the same problem on the same page matches across runs). For an unchanged finding, the places
/// (node fingerprints: rule + normalised selector + page path) that appeared and went away say whether an element moved.
/// </summary>
public sealed record ScanDiffItem(
    ScanChange Change,
    string Fingerprint,
    string RuleId,
    string Category,
    string Outcome,
    string Impact,
    string Message,
    string HelpUrl,
    string Wcag,
    string PageUrl,
    string PagePath,
    int NodeCount,
    IReadOnlyList<ScanNode> Nodes,
    IReadOnlyList<ScanNode> NewNodes,
    IReadOnlyList<ScanNode> GoneNodes,
    bool PageGone)
{
    public bool IsViolation => Outcome == ScanReportWords.Violation;

    public bool IsSeriousViolation => IsViolation && Impact is ScanReportWords.Serious or ScanReportWords.Critical;
}

/// <summary>One failing place of a finding, as the report gives it (shown as text, never as markup).</summary>
public sealed record ScanNode(string Selector, string Html, string? Detail, string Fingerprint);

/// <summary>A group of a diff's items (per page or per rule), with its counts.</summary>
public sealed record ScanDiffGroup(string Key, IReadOnlyList<ScanDiffItem> Items)
{
    public int New => Items.Count(i => i.Change == ScanChange.New);
    public int Fixed => Items.Count(i => i.Change == ScanChange.Fixed);
    public int Unchanged => Items.Count(i => i.Change == ScanChange.Unchanged);
}

/// <summary>The findings of two runs compared: what is new in the newer one, what it no longer has, and what stayed.</summary>
public sealed class ScanDiffResult(IReadOnlyList<ScanDiffItem> items)
{
    public IReadOnlyList<ScanDiffItem> Items { get; } = items;
    public IReadOnlyList<ScanDiffItem> New { get; } = [.. items.Where(i => i.Change == ScanChange.New)];
    public IReadOnlyList<ScanDiffItem> Fixed { get; } = [.. items.Where(i => i.Change == ScanChange.Fixed)];
    public IReadOnlyList<ScanDiffItem> Unchanged { get; } = [.. items.Where(i => i.Change == ScanChange.Unchanged)];

    /// <summary>New violations of serious or critical impact: what a notification is about.</summary>
    public IReadOnlyList<ScanDiffItem> NewSerious => [.. New.Where(i => i.IsSeriousViolation)];

    public IReadOnlyList<ScanDiffGroup> ByPage() =>
        [.. Items.GroupBy(i => i.PagePath, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ScanDiffGroup(g.Key, [.. g]))];

    public IReadOnlyList<ScanDiffGroup> ByRule() =>
        [.. Items.GroupBy(i => i.RuleId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ScanDiffGroup(g.Key, [.. g]))];
}

/// <summary>
/// The issue-level diff between two runs of a profile (or two uploads of a service), and the notification sent when a
/// finished run has serious or critical violations its profile's previous run did not have.
/// </summary>
public sealed class ScanDiff(ShishinDbContext db, Notifier notifier)
{
    /// <summary>Compares two runs' pages: findings matched by fingerprint and outcome, and within a match by node fingerprint.</summary>
    public static ScanDiffResult Compare(IReadOnlyCollection<ScanPage> older, IReadOnlyCollection<ScanPage> newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var before = Index(older);
        var after = Index(newer);
        var newerPaths = newer.Select(PathOf).ToHashSet(StringComparer.Ordinal);
        var items = new List<ScanDiffItem>();
        foreach (var (key, (page, finding)) in after)
        {
            var nodes = Nodes(finding);
            if (before.TryGetValue(key, out var earlier))
            {
                var earlierNodes = Nodes(earlier.Finding);
                var was = earlierNodes.Select(n => n.Fingerprint).ToHashSet(StringComparer.Ordinal);
                var now = nodes.Select(n => n.Fingerprint).ToHashSet(StringComparer.Ordinal);
                items.Add(Item(ScanChange.Unchanged, page, finding, nodes,
                    [.. nodes.Where(n => !was.Contains(n.Fingerprint))], [.. earlierNodes.Where(n => !now.Contains(n.Fingerprint))], pageGone: false));
            }
            else
            {
                items.Add(Item(ScanChange.New, page, finding, nodes, [], [], pageGone: false));
            }
        }

        foreach (var (key, (page, finding)) in before.Where(b => !after.ContainsKey(b.Key)))
        {
            items.Add(Item(ScanChange.Fixed, page, finding, Nodes(finding), [], [], pageGone: !newerPaths.Contains(PathOf(page))));
        }

        return new ScanDiffResult([.. items.OrderBy(i => i.PagePath, StringComparer.Ordinal).ThenBy(i => Severity(i.Impact)).ThenBy(i => i.RuleId, StringComparer.Ordinal)]);
    }

    /// <summary>Loads both runs' pages and compares them; null when either run's detail is gone or not there.</summary>
    public async Task<ScanDiffResult?> CompareAsync(ScanRun older, ScanRun newer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        if (older.DetailPruned || newer.DetailPruned)
        {
            return null;
        }

        return Compare(await PagesAsync(older.Id, cancellationToken), await PagesAsync(newer.Id, cancellationToken));
    }

    /// <summary>The run a finished run is compared with: the previous finished (done) run of its profile, or of its service's uploads.</summary>
    public async Task<ScanRun?> PreviousAsync(ScanRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var runs = db.ScanRuns.AsNoTracking().Where(r => r.Id != run.Id && r.ServiceId == run.ServiceId && r.Status == ScanRunStatus.Done && !r.DetailPruned);
        runs = run.ProfileId is { } profile
            ? runs.Where(r => r.ProfileId == profile)
            : runs.Where(r => r.ProfileId == null && r.Trigger == ScanTrigger.Uploaded);
        var finished = run.FinishedAt ?? DateTime.MaxValue;
        return await runs.Where(r => r.FinishedAt != null && r.FinishedAt < finished)
            .OrderByDescending(r => r.FinishedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<List<ScanPage>> PagesAsync(Guid runId, CancellationToken cancellationToken = default) =>
        await db.ScanPages.AsNoTracking().Include(p => p.Findings).Where(p => p.RunId == runId).OrderBy(p => p.Ordinal).ToListAsync(cancellationToken);

    /// <summary>
    /// Called once a run is stored: when it has serious or critical violations that the previous run of its profile did
    /// not have, tells the notifier (counts and the run's id; the path of its page).
    /// </summary>
    public async Task NotifyNewSeriousAsync(ScanRun run, IReadOnlyCollection<ScanPage> pages, CancellationToken cancellationToken = default)
    {
        if (await NewSeriousEventAsync(run, pages, cancellationToken) is { } notification)
        {
            await notifier.PublishAsync(notification, cancellationToken);
        }
    }

    /// <summary>
    /// The notification a stored run calls for, or null: none for a run that did not finish normally, for the first run
    /// of a profile (there is nothing its findings could be new against), or when nothing serious is new.
    /// </summary>
    public async Task<NotificationEvent?> NewSeriousEventAsync(ScanRun run, IReadOnlyCollection<ScanPage> pages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(pages);
        if (run.Status != ScanRunStatus.Done || await PreviousAsync(run, cancellationToken) is not { } previous)
        {
            return null;
        }

        var diff = Compare(await PagesAsync(previous.Id, cancellationToken), pages);
        var serious = diff.NewSerious;
        if (serious.Count == 0)
        {
            return null;
        }

        var key = await db.Services.AsNoTracking().Where(s => s.Id == run.ServiceId).Select(s => s.Key).FirstAsync(cancellationToken);
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["runId"] = run.Id.ToString(),
            ["previousRunId"] = previous.Id.ToString(),
            ["newCritical"] = serious.Count(i => i.Impact == ScanReportWords.Critical).ToString(CultureInfo.InvariantCulture),
            ["newSerious"] = serious.Count(i => i.Impact == ScanReportWords.Serious).ToString(CultureInfo.InvariantCulture),
            ["newFindings"] = diff.New.Count.ToString(CultureInfo.InvariantCulture),
            ["fixedFindings"] = diff.Fixed.Count.ToString(CultureInfo.InvariantCulture),
        };
        return new NotificationEvent(NotificationKind.NewSeriousFindings, run.ServiceId, run.FinishedAt ?? previous.FinishedAt ?? default, facts, RunPath(key, run.Id));
    }

    /// <summary>The run's page in the web app, relative to its root.</summary>
    public static string RunPath(string serviceKey, Guid runId) => $"/services/{Uri.EscapeDataString(serviceKey)}/scans/{runId}";

    /// <summary>Reads a finding's stored nodes; a row that cannot be read has none (it came from a report already validated).</summary>
    public static IReadOnlyList<ScanNode> Nodes(ScanFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        try
        {
            using var document = JsonDocument.Parse(finding.NodesJson);
            return [.. document.RootElement.EnumerateArray().Select(n => new ScanNode(
                Text(n, "selector"), Text(n, "html"), n.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null, Text(n, "fingerprint")))];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The page's path (and query) as the scanner's fingerprints see it: the requested URL's.</summary>
    public static string PathOf(ScanPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Uri.TryCreate(page.RequestedUrl, UriKind.Absolute, out var uri) ? uri.PathAndQuery : page.RequestedUrl;
    }

    /// <summary>critical first.</summary>
    public static int Severity(string impact) => impact switch
    {
        ScanReportWords.Critical => 0,
        ScanReportWords.Serious => 1,
        ScanReportWords.Moderate => 2,
        ScanReportWords.Minor => 3,
        _ => 4,
    };

    private static Dictionary<(string, string), (ScanPage Page, ScanFinding Finding)> Index(IEnumerable<ScanPage> pages)
    {
        var index = new Dictionary<(string, string), (ScanPage, ScanFinding)>();
        foreach (var page in pages)
        {
            foreach (var finding in page.Findings)
            {
                // A journey may visit a page twice: the first visit's finding stands for both.
                index.TryAdd((finding.Fingerprint, finding.Outcome), (page, finding));
            }
        }

        return index;
    }

    private static ScanDiffItem Item(ScanChange change, ScanPage page, ScanFinding finding, IReadOnlyList<ScanNode> nodes,
        IReadOnlyList<ScanNode> newNodes, IReadOnlyList<ScanNode> goneNodes, bool pageGone) =>
        new(change, finding.Fingerprint, finding.RuleId, finding.Category, finding.Outcome, finding.Impact, finding.Message, finding.HelpUrl,
            finding.Wcag, page.RequestedUrl, PathOf(page), finding.NodeCount, nodes, newNodes, goneNodes, pageGone);

    private static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() ?? "" : "";
}
