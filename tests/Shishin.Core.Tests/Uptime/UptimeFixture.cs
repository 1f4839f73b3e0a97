using Shishin.Tests;

namespace Shishin.Core.Tests.Uptime;

/// <summary>Shishin.Core on a fresh real database, allowed to probe loopback, with short uptime timings.</summary>
public class UptimeFixture(TestProvider provider) : CoreFixture(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Scanning:AllowPrivateNetworks"] = "true",
        ["Uptime:PerHostConcurrency"] = "2",
        ["Uptime:Jitter"] = "00:00:00",
        ["Uptime:Timeout"] = "00:00:05",
    };
}

public sealed class SqliteUptimeFixture() : UptimeFixture(TestProvider.Sqlite);

public sealed class PostgresUptimeFixture() : UptimeFixture(TestProvider.Postgres);
