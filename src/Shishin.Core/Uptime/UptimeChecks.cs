using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shishin.Core.Data;

namespace Shishin.Core.Uptime;

/// <summary>
/// Keeps the checks in step with the services' entry URLs: a service with entry URLs (public or internal) gets one
/// check per URL, a removed URL's check goes (its incidents stay, without the check). The probe job calls
/// <see cref="SyncAllAsync"/> about once a minute, so the service register needs no hook of its own.
/// </summary>
public sealed class UptimeChecks(ShishinDbContext db, IOptions<UptimeOptions> options, TimeProvider clock)
{
    /// <summary>Adds and removes checks for every service; returns how many checks changed.</summary>
    public async Task<int> SyncAllAsync(CancellationToken cancellationToken = default)
    {
        var services = await db.Services.AsNoTracking().Select(s => new { s.Id, s.EntryUrls }).ToListAsync(cancellationToken);
        var checks = await db.UptimeChecks.ToListAsync(cancellationToken);
        var byService = checks.ToLookup(c => c.ServiceId);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = 0;
        foreach (var service in services)
        {
            changed += Reconcile(service.Id, service.EntryUrls, byService[service.Id].ToList(), now);
        }

        if (changed > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return changed;
    }

    private int Reconcile(Guid serviceId, string entryUrls, List<UptimeCheck> existing, DateTime now)
    {
        var wanted = Urls(entryUrls);
        var changed = 0;
        foreach (var check in existing.Where(c => !wanted.Contains(c.Url)))
        {
            db.UptimeChecks.Remove(check);
            changed++;
        }

        foreach (var url in wanted.Where(u => existing.All(c => c.Url != u)))
        {
            db.UptimeChecks.Add(new UptimeCheck
            {
                ServiceId = serviceId,
                Url = url,
                FailureThreshold = Math.Max(1, options.Value.FailureThreshold),
                NextProbeAt = now + FirstOffset(url, options.Value.DefaultInterval),
            });
            changed++;
        }

        return changed;
    }

    /// <summary>
    /// The absolute http(s) entry URLs, each once. Names under the reserved <c>.example</c> and <c>.invalid</c> domains
    /// (RFC 2606) never resolve, so they are not probed: the demo's services use them, and would otherwise all show as
    /// down and send name lookups off the machine every five minutes.
    /// </summary>
    public static HashSet<string> Urls(string entryUrls)
    {
        ArgumentNullException.ThrowIfNull(entryUrls);
        return [.. entryUrls.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(u => u.Length <= 2048 && Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !IsReserved(uri.IdnHost))];
    }

    private static bool IsReserved(string host) =>
        host.EndsWith(".example", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase)
        || host.Equals("example", StringComparison.OrdinalIgnoreCase) || host.Equals("invalid", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A new check's first probe, spread over one interval by a hash of its URL, so that a thousand services imported
    /// at once are not all probed in the same second.
    /// </summary>
    public static TimeSpan FirstOffset(string url, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(url);
        var hash = BinaryPrimitives.ReadUInt32LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(url)));
        return TimeSpan.FromMilliseconds(hash % Math.Max(1, (long)interval.TotalMilliseconds));
    }
}
