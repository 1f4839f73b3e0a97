using Microsoft.EntityFrameworkCore;
using Shishin.Core.Data;
using Shishin.Core.Services;

namespace Shishin.Core.Uptime;

/// <summary>Where an entry URL or a service stands now.</summary>
public enum UptimeState
{
    /// <summary>Not probed yet, or no entry URL to probe.</summary>
    Unknown,
    Up,

    /// <summary>The last probe failed, fewer times in a row than open an incident.</summary>
    Failing,

    /// <summary>An incident is open.</summary>
    Down,
}

public sealed record CheckStatus(string Url, UptimeState State, DateTime? LastProbeAt, int? LastStatus, int? LastLatencyMs, UptimeErrorKind LastError, DateTime? CertificateExpiresAt);

/// <summary>Probes and successes over a period: the availability is the share of successful probes.</summary>
public sealed record Availability(int Probes, int Successes)
{
    /// <summary>Successful probes as a share of all (0 to 1); null without probes.</summary>
    public double? Share => Probes == 0 ? null : (double)Successes / Probes;
}

public sealed record DayAvailability(DateOnly Day, Availability Availability);

public sealed record MonthAvailability(int Year, int Month, Availability Availability);

/// <summary>One service's status page.</summary>
public sealed record ServiceUptime(
    UptimeState State,
    IReadOnlyList<CheckStatus> Checks,
    IReadOnlyList<DayAvailability> Days,
    IReadOnlyList<MonthAvailability> Months,
    IReadOnlyList<UptimeIncident> OpenIncidents,
    IReadOnlyList<UptimeIncident> PastIncidents);

/// <summary>One line of the status page of all services.</summary>
public sealed record ServiceUptimeRow(Service Service, UptimeState State, int Checks, Availability Last30Days);

/// <summary>Reads what the status pages show; the caller has already decided which services the viewer may see.</summary>
public sealed class UptimeStatusReader(ShishinDbContext db, TimeProvider clock)
{
    public const int PastIncidentsShown = 20;
    public const int MonthsShown = 12;

    public async Task<ServiceUptime> ServiceAsync(Guid serviceId, int days, CancellationToken cancellationToken = default)
    {
        var today = JapanTime.Today(clock);
        var checks = await db.UptimeChecks.AsNoTracking().Where(c => c.ServiceId == serviceId).OrderBy(c => c.Url).ToListAsync(cancellationToken);
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-(MonthsShown - 1));
        var from = today.AddDays(-(days - 1)) < firstMonth ? today.AddDays(-(days - 1)) : firstMonth;
        var aggregates = await db.UptimeDailyAggregates.AsNoTracking()
            .Where(a => a.ServiceId == serviceId && a.Day >= from && a.Day <= today).ToListAsync(cancellationToken);
        var open = await db.UptimeIncidents.AsNoTracking().Include(i => i.Events)
            .Where(i => i.ServiceId == serviceId && i.ClosedAt == null).OrderByDescending(i => i.OpenedAt).ToListAsync(cancellationToken);
        var past = await db.UptimeIncidents.AsNoTracking().Include(i => i.Events)
            .Where(i => i.ServiceId == serviceId && i.ClosedAt != null).OrderByDescending(i => i.OpenedAt).Take(PastIncidentsShown).ToListAsync(cancellationToken);
        foreach (var incident in open.Concat(past))
        {
            incident.Events.Sort((a, b) => a.At.CompareTo(b.At));
        }

        var statuses = checks.Select(Status).ToList();
        return new ServiceUptime(Combine(statuses.Select(s => s.State)), statuses, Days(aggregates, today, days), Months(aggregates, today, MonthsShown), open, past);
    }

    /// <summary>The services of <paramref name="visible"/> that have checks, with their state and last 30 days.</summary>
    public async Task<IReadOnlyList<ServiceUptimeRow>> OverviewAsync(IQueryable<Service> visible, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visible);
        var today = JapanTime.Today(clock);
        var from = today.AddDays(-29);
        var services = await visible.AsNoTracking().Where(s => db.UptimeChecks.Any(c => c.ServiceId == s.Id)).ToListAsync(cancellationToken);
        var ids = services.Select(s => s.Id).ToList();
        var checks = await db.UptimeChecks.AsNoTracking().Where(c => ids.Contains(c.ServiceId)).ToListAsync(cancellationToken);
        var sums = await db.UptimeDailyAggregates.AsNoTracking().Where(a => ids.Contains(a.ServiceId) && a.Day >= from && a.Day <= today)
            .GroupBy(a => a.ServiceId).Select(g => new { ServiceId = g.Key, Probes = g.Sum(a => a.Probes), Successes = g.Sum(a => a.Successes) })
            .ToDictionaryAsync(g => g.ServiceId, cancellationToken);
        var byService = checks.ToLookup(c => c.ServiceId);
        return [.. services.Select(s => new ServiceUptimeRow(
                s,
                Combine(byService[s.Id].Select(c => Status(c).State)),
                byService[s.Id].Count(),
                sums.TryGetValue(s.Id, out var sum) ? new Availability(sum.Probes, sum.Successes) : new Availability(0, 0)))];
    }

    /// <summary>The last <paramref name="count"/> Tokyo days up to <paramref name="today"/>, newest first; days without probes included.</summary>
    public static IReadOnlyList<DayAvailability> Days(IEnumerable<UptimeDailyAggregate> aggregates, DateOnly today, int count)
    {
        var byDay = aggregates.GroupBy(a => a.Day).ToDictionary(g => g.Key, g => new Availability(g.Sum(a => a.Probes), g.Sum(a => a.Successes)));
        return [.. Enumerable.Range(0, count).Select(i => today.AddDays(-i))
            .Select(day => new DayAvailability(day, byDay.GetValueOrDefault(day) ?? new Availability(0, 0)))];
    }

    /// <summary>The last <paramref name="count"/> calendar months up to today's, newest first, computed from the days.</summary>
    public static IReadOnlyList<MonthAvailability> Months(IEnumerable<UptimeDailyAggregate> aggregates, DateOnly today, int count)
    {
        var byMonth = aggregates.GroupBy(a => (a.Day.Year, a.Day.Month))
            .ToDictionary(g => g.Key, g => new Availability(g.Sum(a => a.Probes), g.Sum(a => a.Successes)));
        var first = new DateOnly(today.Year, today.Month, 1);
        return [.. Enumerable.Range(0, count).Select(i => first.AddMonths(-i))
            .Select(m => new MonthAvailability(m.Year, m.Month, byMonth.GetValueOrDefault((m.Year, m.Month)) ?? new Availability(0, 0)))];
    }

    private static CheckStatus Status(UptimeCheck check)
    {
        var state = check.OpenIncidentId is not null ? UptimeState.Down
            : check.LastSucceeded switch { true => UptimeState.Up, false => UptimeState.Failing, null => UptimeState.Unknown };
        return new CheckStatus(check.Url, state, check.LastProbeAt, check.LastStatus, check.LastLatencyMs, check.LastError, check.CertificateExpiresAt);
    }

    private static UptimeState Combine(IEnumerable<UptimeState> states) => states.DefaultIfEmpty(UptimeState.Unknown).Max();
}
