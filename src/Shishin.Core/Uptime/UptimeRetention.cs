using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shishin.Core.Data;

namespace Shishin.Core.Uptime;

/// <summary>The nightly step: raw probes older than <see cref="UptimeOptions.RetainProbesDays"/> go; daily aggregates and incidents stay.</summary>
public sealed class UptimeRetention(ShishinDbContext db, IOptions<UptimeOptions> options, TimeProvider clock)
{
    public async Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - TimeSpan.FromDays(Math.Max(1, options.Value.RetainProbesDays));
        return await db.UptimeProbes.Where(p => p.At < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
