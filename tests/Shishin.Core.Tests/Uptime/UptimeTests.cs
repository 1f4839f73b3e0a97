using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Data;
using Shishin.Core.Notifications;
using Shishin.Core.Services;
using Shishin.Core.Tests.Assessments;
using Shishin.Core.Uptime;
using static Shishin.Tests.AssessmentSamples;

namespace Shishin.Core.Tests.Uptime;

public abstract class UptimeTests(UptimeFixture fixture)
{
    private static string Key(string name) => $"uptime-{name}-{Guid.NewGuid():N}"[..30];

    private async Task<Service> ServiceWithUrlsAsync(string name, params string[] urls)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var chiyoda = await Scopes.OrganizationAsync(fixture.Services, "chiyoda");
        return await ServiceAsync(db, Key(name), chiyoda, isPublic: true, more: s => s.EntryUrls = string.Join(' ', urls));
    }

    /// <summary>Keeps the checks in step with the entry URLs, then makes the service's checks due now.</summary>
    private async Task MakeDueAsync(Guid serviceId)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UptimeChecks>().SyncAllAsync();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var past = DateTime.UtcNow.AddSeconds(-1);
        await db.UptimeChecks.Where(c => c.ServiceId == serviceId).ExecuteUpdateAsync(u => u.SetProperty(c => c.NextProbeAt, past));
    }

    private async Task<IReadOnlyList<NotificationEvent>> ProbeAsync(Guid serviceId, IServiceProvider? services = null)
    {
        await MakeDueAsync(serviceId);
        var all = await (services ?? fixture.Services).GetRequiredService<UptimeRunner>().ProbeDueAsync();
        return [.. all.Where(e => e.ServiceId == serviceId)];
    }

    private async Task<T> ReadAsync<T>(Func<ShishinDbContext, Task<T>> read)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ShishinDbContext>());
    }

    [Fact]
    public async Task ProbeDue_ThreeFailuresThenRecovery_OpensAnIncidentAndClosesItWithItsTimeline()
    {
        await using var server = new LoopbackHttpServer { Status = 500 };
        var service = await ServiceWithUrlsAsync("outage", server.Url("/"));

        Assert.Empty(await ProbeAsync(service.Id));
        Assert.Empty(await ProbeAsync(service.Id));
        Assert.Equal(0, await ReadAsync(db => db.UptimeIncidents.CountAsync(i => i.ServiceId == service.Id)));
        var opened = await ProbeAsync(service.Id);
        Assert.Equal(NotificationKind.IncidentOpened, Assert.Single(opened).Kind);
        Assert.Equal("500", opened[0].Facts["status"]);
        Assert.Equal($"/services/{service.Key}/status", opened[0].Path);

        // Still failing, for another reason: one line in the timeline; the same reason again adds none.
        server.Status = 503;
        Assert.Empty(await ProbeAsync(service.Id));
        Assert.Empty(await ProbeAsync(service.Id));
        server.Status = 200;
        var closed = await ProbeAsync(service.Id);
        Assert.Equal(NotificationKind.IncidentClosed, Assert.Single(closed).Kind);

        var incident = await ReadAsync(db => db.UptimeIncidents.Include(i => i.Events).SingleAsync(i => i.ServiceId == service.Id));
        Assert.NotNull(incident.ClosedAt);
        Assert.True(incident.StartedAt < incident.OpenedAt);
        Assert.Equal(
            [(UptimeIncidentEventKind.Opened, (int?)500), (UptimeIncidentEventKind.StillFailing, 503), (UptimeIncidentEventKind.Recovered, 200)],
            incident.Events.OrderBy(e => e.At).Select(e => (e.Kind, e.Status)).ToList());
        var check = await ReadAsync(db => db.UptimeChecks.SingleAsync(c => c.ServiceId == service.Id));
        Assert.Null(check.OpenIncidentId);
        Assert.Equal(0, check.ConsecutiveFailures);
        var day = await ReadAsync(db => db.UptimeDailyAggregates.Where(a => a.ServiceId == service.Id).ToListAsync());
        Assert.Equal(6, day.Sum(a => a.Probes));
        Assert.Equal(1, day.Sum(a => a.Successes));
        Assert.Equal(6, server.Requests);
    }

    [Fact]
    public async Task ProbeDue_LoopbackWithoutAllowPrivateNetworks_FailsAsBlockedWithoutARequest()
    {
        await using var server = new LoopbackHttpServer();
        var service = await ServiceWithUrlsAsync("guarded", server.Url("/"));
        await using var guarded = fixture.Build(new Dictionary<string, string?> { ["Scanning:AllowPrivateNetworks"] = "false" });

        await ProbeAsync(service.Id, guarded);

        var probe = await ReadAsync(db => db.UptimeProbes.SingleAsync(p => p.ServiceId == service.Id));
        Assert.False(probe.Succeeded);
        Assert.Equal(UptimeErrorKind.Blocked, probe.Error);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task ProbeDue_ManyUrlsOfOneHostAndOneUrlTwice_KeepsThePerHostLimitAndNeverOverlapsAUrl()
    {
        await using var server = new LoopbackHttpServer { Delay = TimeSpan.FromMilliseconds(300) };
        var paths = Enumerable.Range(1, 5).Select(i => server.Url($"/page{i}")).Append(server.Url("/same")).ToArray();
        var first = await ServiceWithUrlsAsync("host-a", paths);
        var second = await ServiceWithUrlsAsync("host-b", server.Url("/same"));
        await MakeDueAsync(first.Id);
        await MakeDueAsync(second.Id);

        await fixture.Services.GetRequiredService<UptimeRunner>().ProbeDueAsync();

        Assert.Equal(7, server.Requests);
        Assert.InRange(server.MaxConcurrent, 1, 2);
        Assert.Equal(1, server.MaxConcurrentByPath["/same"]);
        Assert.Equal(7, await ReadAsync(db => db.UptimeProbes.CountAsync(p => p.ServiceId == first.Id || p.ServiceId == second.Id)));
    }

    [Fact]
    public async Task ProbeDue_CertificateExpiringWithinThreshold_NotifiesOncePerCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var notAfter = DateTimeOffset.UtcNow.AddDays(10);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), notAfter);
        var certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
        await using var server = new LoopbackHttpServer(certificate);
        var service = await ServiceWithUrlsAsync("tls", server.Url("/"));

        var first = await ProbeAsync(service.Id);
        var second = await ProbeAsync(service.Id);

        var expiring = Assert.Single(first, e => e.Kind == NotificationKind.CertificateExpiring);
        Assert.Equal(server.Url("/"), expiring.Facts["url"]);
        Assert.DoesNotContain(second, e => e.Kind == NotificationKind.CertificateExpiring);
        var check = await ReadAsync(db => db.UptimeChecks.SingleAsync(c => c.ServiceId == service.Id));
        // Self-signed: the probe fails the TLS validation, but the expiry was read during the handshake.
        Assert.Equal(UptimeErrorKind.Tls, check.LastError);
        Assert.Equal(notAfter.UtcDateTime, check.CertificateExpiresAt!.Value, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task SyncAll_EntryUrlsChanged_AddsAndRemovesChecks()
    {
        // Closed ports on loopback: should another test's run probe them, nothing leaves the machine.
        var service = await ServiceWithUrlsAsync("sync", "http://127.0.0.1:9/a", "http://127.0.0.1:9/b ftp://127.0.0.1:9/c");
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UptimeChecks>().SyncAllAsync();
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            var stored = await db.Services.SingleAsync(s => s.Id == service.Id);
            stored.EntryUrls = "http://127.0.0.1:9/b http://127.0.0.1:9/d";
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<UptimeChecks>().SyncAllAsync();
        }

        var urls = await ReadAsync(db => db.UptimeChecks.Where(c => c.ServiceId == service.Id).Select(c => c.Url).OrderBy(u => u).ToListAsync());
        Assert.Equal(["http://127.0.0.1:9/b", "http://127.0.0.1:9/d"], urls);
    }

    [Fact]
    public async Task Prune_ProbesOlderThanRetention_DeletesThemAndKeepsAggregates()
    {
        await using var server = new LoopbackHttpServer();
        var service = await ServiceWithUrlsAsync("prune", server.Url("/"));
        await ProbeAsync(service.Id);
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            var check = await db.UptimeChecks.SingleAsync(c => c.ServiceId == service.Id);
            var old = DateTime.UtcNow.AddDays(-31);
            db.UptimeProbes.Add(new UptimeProbe { CheckId = check.Id, ServiceId = service.Id, DueAt = old, At = old, Succeeded = true, Status = 200 });
            await db.SaveChangesAsync();
            Assert.True(await scope.ServiceProvider.GetRequiredService<UptimeRetention>().PruneAsync() >= 1);
        }

        var left = await ReadAsync(db => db.UptimeProbes.Where(p => p.ServiceId == service.Id).ToListAsync());
        Assert.True(Assert.Single(left).At > DateTime.UtcNow.AddDays(-1));
        Assert.Equal(1, await ReadAsync(db => db.UptimeDailyAggregates.Where(a => a.ServiceId == service.Id).SumAsync(a => a.Probes)));
    }

    [Fact]
    public void DaysAndMonths_AggregatesOverTwoMonths_GiveTheShareOfSuccessfulProbes()
    {
        var service = Guid.NewGuid();
        UptimeDailyAggregate Day(int month, int day, int probes, int successes) =>
            new() { ServiceId = service, Day = new DateOnly(2026, month, day), Probes = probes, Successes = successes };
        var aggregates = new[] { Day(11, 30, 288, 288), Day(12, 1, 288, 144), Day(12, 3, 100, 99) };
        var today = new DateOnly(2026, 12, 3);

        var days = UptimeStatusReader.Days(aggregates, today, 4);
        var months = UptimeStatusReader.Months(aggregates, today, 2);

        Assert.Equal([new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 30)], days.Select(d => d.Day));
        Assert.Equal([0.99, null, 0.5, 1.0], days.Select(d => d.Availability.Share));
        Assert.Equal((2026, 12), (months[0].Year, months[0].Month));
        Assert.Equal(243.0 / 388, months[0].Availability.Share);
        Assert.Equal(1.0, months[1].Availability.Share);
    }
}

public sealed class UptimeTests_Sqlite(SqliteUptimeFixture fixture) : UptimeTests(fixture), IClassFixture<SqliteUptimeFixture>;

public sealed class UptimeTests_Postgres(PostgresUptimeFixture fixture) : UptimeTests(fixture), IClassFixture<PostgresUptimeFixture>;
