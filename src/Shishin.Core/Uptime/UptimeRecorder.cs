using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Shishin.Core.Catalog;
using Shishin.Core.Data;
using Shishin.Core.Notifications;

namespace Shishin.Core.Uptime;

/// <summary>One finished probe of a check, as the runner hands it over.</summary>
public sealed record ProbeResult(Guid CheckId, DateTime DueAt, DateTime At, ProbeOutcome Outcome);

/// <summary>
/// Stores probes: the probe row, the check's state, the service's daily aggregate, incidents and their timelines, and
/// the notifications these give rise to (published once the rows are saved).
/// </summary>
public sealed class UptimeRecorder(ShishinDbContext db, CatalogService catalog, IMemoryCache cache, Notifier notifier)
{
    /// <summary>The catalogue parameter whose value is the certificate warning threshold in days.</summary>
    public const string CertificateWarningParameter = "security.certificate-warning-days";

    /// <summary>The threshold when the catalogue has no such parameter (the scanner's CertificateWarningDays).</summary>
    public const int DefaultCertificateWarningDays = 30;

    /// <summary>Records <paramref name="results"/> in one save; returns the notifications published.</summary>
    public async Task<IReadOnlyList<NotificationEvent>> RecordAsync(IReadOnlyCollection<ProbeResult> results, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            return [];
        }

        var ids = results.Select(r => r.CheckId).Distinct().ToList();
        var checks = await db.UptimeChecks.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var openIds = checks.Values.Where(c => c.OpenIncidentId is not null).Select(c => c.OpenIncidentId!.Value).ToList();
        var incidents = await db.UptimeIncidents.Include(i => i.Events).Where(i => openIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var serviceIds = checks.Values.Select(c => c.ServiceId).Distinct().ToList();
        var keys = await db.Services.Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Key, cancellationToken);
        var days = results.Select(r => JapanTime.DateOf(new DateTimeOffset(r.At, TimeSpan.Zero))).Distinct().ToList();
        var aggregates = await db.UptimeDailyAggregates.Where(a => serviceIds.Contains(a.ServiceId) && days.Contains(a.Day))
            .ToDictionaryAsync(a => (a.ServiceId, a.Day), cancellationToken);
        var warningDays = await CertificateWarningDaysAsync(cancellationToken);

        var events = new List<NotificationEvent>();
        foreach (var result in results.OrderBy(r => r.At))
        {
            if (!checks.TryGetValue(result.CheckId, out var check))
            {
                continue; // The URL left the service's entry URLs while it was being probed.
            }

            var outcome = result.Outcome;
            db.UptimeProbes.Add(new UptimeProbe
            {
                CheckId = check.Id,
                ServiceId = check.ServiceId,
                DueAt = result.DueAt,
                At = result.At,
                Succeeded = outcome.Succeeded,
                Status = outcome.Status,
                LatencyMs = outcome.LatencyMs,
                CertificateExpiresAt = outcome.CertificateExpiresAt,
                Error = outcome.Error,
            });

            var day = JapanTime.DateOf(new DateTimeOffset(result.At, TimeSpan.Zero));
            if (!aggregates.TryGetValue((check.ServiceId, day), out var aggregate))
            {
                aggregate = new UptimeDailyAggregate { ServiceId = check.ServiceId, Day = day };
                aggregates[(check.ServiceId, day)] = aggregate;
                db.UptimeDailyAggregates.Add(aggregate);
            }

            aggregate.Probes++;
            aggregate.Successes += outcome.Succeeded ? 1 : 0;
            aggregate.LatencyTotalMs += outcome.LatencyMs;

            check.LastProbeAt = result.At;
            check.LastSucceeded = outcome.Succeeded;
            check.LastStatus = outcome.Status;
            check.LastLatencyMs = outcome.LatencyMs;
            check.LastError = outcome.Error;
            var path = $"/services/{keys.GetValueOrDefault(check.ServiceId)}/status";
            if (outcome.Succeeded)
            {
                check.ConsecutiveFailures = 0;
                check.FailingSince = null;
                if (check.OpenIncidentId is { } openId && incidents.TryGetValue(openId, out var incident))
                {
                    incident.ClosedAt = result.At;
                    AddEvent(incident, new UptimeIncidentEvent { At = result.At, Kind = UptimeIncidentEventKind.Recovered, Status = outcome.Status });
                    check.OpenIncidentId = null;
                    events.Add(Event(NotificationKind.IncidentClosed, check, result.At, path, incident, outcome));
                }
            }
            else
            {
                check.ConsecutiveFailures++;
                check.FailingSince ??= result.At;
                if (check.OpenIncidentId is { } openId && incidents.TryGetValue(openId, out var incident))
                {
                    var last = incident.Events.OrderBy(e => e.At).Last();
                    if (last.Error != outcome.Error || last.Status != outcome.Status)
                    {
                        AddEvent(incident, new UptimeIncidentEvent { At = result.At, Kind = UptimeIncidentEventKind.StillFailing, Status = outcome.Status, Error = outcome.Error });
                    }
                }
                else if (check.ConsecutiveFailures >= Math.Max(1, check.FailureThreshold))
                {
                    var opened = new UptimeIncident
                    {
                        ServiceId = check.ServiceId,
                        CheckId = check.Id,
                        Url = check.Url,
                        StartedAt = check.FailingSince ?? result.At,
                        OpenedAt = result.At,
                    };
                    AddEvent(opened, new UptimeIncidentEvent { At = result.At, Kind = UptimeIncidentEventKind.Opened, Status = outcome.Status, Error = outcome.Error });
                    db.UptimeIncidents.Add(opened);
                    incidents[opened.Id] = opened;
                    check.OpenIncidentId = opened.Id;
                    events.Add(Event(NotificationKind.IncidentOpened, check, result.At, path, opened, outcome));
                }
            }

            if (outcome.CertificateExpiresAt is { } expires)
            {
                check.CertificateExpiresAt = expires;
                // Once per certificate: a renewed certificate (another expiry) that comes near its end is told again.
                if (expires - result.At <= TimeSpan.FromDays(warningDays) && check.CertificateNotifiedFor != expires)
                {
                    check.CertificateNotifiedFor = expires;
                    events.Add(new NotificationEvent(NotificationKind.CertificateExpiring, check.ServiceId, result.At, new Dictionary<string, string>
                    {
                        ["url"] = check.Url,
                        ["expiresAt"] = Iso(expires),
                        ["thresholdDays"] = warningDays.ToString(CultureInfo.InvariantCulture),
                    }, path));
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var notification in events)
        {
            await notifier.PublishAsync(notification, cancellationToken);
        }

        return events;
    }

    /// <summary>The catalogue's certificate warning threshold (days), read at most every ten minutes.</summary>
    public async Task<int> CertificateWarningDaysAsync(CancellationToken cancellationToken = default)
    {
        return await cache.GetOrCreateAsync("uptime-certificate-warning-days", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            var current = await catalog.GetCurrentAsync(cancellationToken);
            return current?.Document.FindParameter(CertificateWarningParameter) is { Retired: false } parameter && parameter.Value > 0
                ? (int)parameter.Value
                : DefaultCertificateWarningDays;
        });
    }

    // Added to the set as well: a new event with its Guid key already set would otherwise be taken for a stored one.
    private void AddEvent(UptimeIncident incident, UptimeIncidentEvent line)
    {
        line.IncidentId = incident.Id;
        incident.Events.Add(line);
        db.UptimeIncidentEvents.Add(line);
    }

    private static NotificationEvent Event(NotificationKind kind, UptimeCheck check, DateTime at, string path, UptimeIncident incident, ProbeOutcome outcome)
    {
        var facts = new Dictionary<string, string>
        {
            ["url"] = check.Url,
            ["incidentId"] = incident.Id.ToString(),
            ["startedAt"] = Iso(incident.StartedAt),
            ["error"] = outcome.Error.ToString(),
        };
        if (outcome.Status is { } status)
        {
            facts["status"] = status.ToString(CultureInfo.InvariantCulture);
        }

        if (incident.ClosedAt is { } closed)
        {
            facts["closedAt"] = Iso(closed);
        }

        return new NotificationEvent(kind, check.ServiceId, at, facts, path);
    }

    private static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);
}
