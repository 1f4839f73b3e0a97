using Microsoft.EntityFrameworkCore;
using Shishin.Core.Data;
using Shishin.Core.Services;

namespace Shishin.Core.Scans;

/// <summary>One page of a service's runs, newest first; <see cref="Total"/> counts every run of the service.</summary>
public sealed record ScanRunPage(IReadOnlyList<ScanRun> Items, int Page, int PageSize, int Total);

/// <summary>
/// Reads stored runs for the API: a service's runs a page at a time, one run, its pages with findings. Untracked; who may
/// see what is the caller's (the run's service and <see cref="ServiceScope"/>).
/// </summary>
public sealed class ScanRunQueries(ShishinDbContext db)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    public async Task<ScanRunPage> ListAsync(Guid serviceId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var runs = db.ScanRuns.AsNoTracking().Where(r => r.ServiceId == serviceId);
        var total = await runs.CountAsync(cancellationToken);
        var items = await runs.OrderByDescending(r => r.QueuedAt).ThenByDescending(r => r.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new ScanRunPage(items, page, pageSize, total);
    }

    public Task<ScanRun?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.ScanRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>A run of the service that is queued or running, if any (one at a time per service on demand).</summary>
    public Task<ScanRun?> ActiveRunAsync(Guid serviceId, CancellationToken cancellationToken = default) =>
        db.ScanRuns.AsNoTracking()
            .Where(r => r.ServiceId == serviceId && (r.Status == ScanRunStatus.Queued || r.Status == ScanRunStatus.Running))
            .OrderBy(r => r.QueuedAt).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The run's service with its partners (what <see cref="ServiceScope.CanSee"/> needs).</summary>
    public Task<Service?> ServiceOfAsync(ScanRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        return db.Services.AsNoTracking().Include(s => s.Partners).FirstOrDefaultAsync(s => s.Id == run.ServiceId, cancellationToken);
    }

    /// <summary>The run's pages in report order, each with its findings.</summary>
    public async Task<List<ScanPage>> PagesAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        var pages = await db.ScanPages.AsNoTracking().Where(p => p.RunId == runId).OrderBy(p => p.Ordinal).ToListAsync(cancellationToken);
        var findings = await db.ScanFindings.AsNoTracking().Where(f => f.RunId == runId).ToListAsync(cancellationToken);
        var byPage = findings.ToLookup(f => f.PageId);
        foreach (var page in pages)
        {
            page.Findings = [.. byPage[page.Id].OrderBy(f => f.Outcome, StringComparer.Ordinal).ThenBy(f => f.RuleId, StringComparer.Ordinal)];
        }

        return pages;
    }
}
