using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Data;
using Shishin.Core.Uptime;
using Shishin.Tests;
using static Shishin.Tests.AssessmentSamples;

namespace Shishin.Web.Tests.Uptime;

/// <summary>The status page of a service and of all services, over real HTTP.</summary>
public abstract class UptimeStatusPagesTests(ShishinAppFactory app)
{
    private async Task<(string PublicKey, string InternalKey)> SeedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var chiyoda = await db.Organizations.Where(o => o.Key == "chiyoda").Select(o => o.Id).SingleAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        const string url = "http://127.0.0.1:9/";
        var open = await ServiceAsync(db, "uptime-public-" + suffix, chiyoda, isPublic: true, more: s => s.EntryUrls = url);
        var closed = await ServiceAsync(db, "uptime-internal-" + suffix, chiyoda, isPublic: false, more: s => s.EntryUrls = url);
        var now = DateTime.UtcNow;
        foreach (var service in new[] { open, closed })
        {
            db.UptimeChecks.Add(new UptimeCheck { ServiceId = service.Id, Url = url, Enabled = false, NextProbeAt = now.AddDays(1), LastProbeAt = now, LastSucceeded = true, LastStatus = 200, CertificateExpiresAt = now.AddDays(20) });
            db.UptimeDailyAggregates.Add(new UptimeDailyAggregate { ServiceId = service.Id, Day = Shishin.Core.JapanTime.Today(TimeProvider.System), Probes = 4, Successes = 3 });
        }

        var incident = new UptimeIncident { ServiceId = open.Id, Url = url, StartedAt = now.AddMinutes(-20), OpenedAt = now.AddMinutes(-10), ClosedAt = now.AddMinutes(-5) };
        db.UptimeIncidents.Add(incident);
        db.UptimeIncidentEvents.AddRange(
            new UptimeIncidentEvent { IncidentId = incident.Id, At = incident.OpenedAt, Kind = UptimeIncidentEventKind.Opened, Status = 500, Error = UptimeErrorKind.HttpStatus },
            new UptimeIncidentEvent { IncidentId = incident.Id, At = incident.ClosedAt.Value, Kind = UptimeIncidentEventKind.Recovered, Status = 200 });
        await db.SaveChangesAsync();
        return (open.Key, closed.Key);
    }

    private static async Task<string> TextAsync(HttpClient client, string path, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task ServiceStatus_PublicServiceAnonymous_ShowsAvailabilityAndTheIncidentTimelineInJapaneseAndEnglish()
    {
        var (publicKey, _) = await SeedAsync();
        var client = app.NewClient();

        var ja = await TextAsync(client, $"/services/{publicKey}/status");
        var en = await TextAsync(client, $"/services/{publicKey}/status", "en");

        Assert.Contains("75.00%", ja, StringComparison.Ordinal);
        Assert.Contains("障害を記録しました", ja, StringComparison.Ordinal);
        Assert.Contains("HTTP 500", ja, StringComparison.Ordinal);
        Assert.Contains("The incident was opened", en, StringComparison.Ordinal);
        Assert.Contains("Recovered", en, StringComparison.Ordinal);
        Assert.Contains("days left)", en, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", ja.Split("<main")[1].Split("</main>")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceStatus_DaysAskedFor_Shows90DaysOnlyWhenAskedAndTheDefaultForBadInput()
    {
        var (publicKey, _) = await SeedAsync();
        var client = app.NewClient();

        var ninety = await TextAsync(client, $"/services/{publicKey}/status?days=90", "en");
        var bad = await TextAsync(client, $"/services/{publicKey}/status?days=banana", "en");

        Assert.Contains("over the last 90 days", ninety, StringComparison.Ordinal);
        Assert.Contains("over the last 30 days", bad, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusOfAll_Anonymous_ListsPublicServicesOnlyAndInternalPagesAreNotFound()
    {
        var (publicKey, internalKey) = await SeedAsync();
        var client = app.NewClient();

        var all = await TextAsync(client, "/status", "en");
        using var hidden = await client.GetAsync($"/services/{internalKey}/status");

        Assert.Contains($"/services/{publicKey}/status", all, StringComparison.Ordinal);
        Assert.DoesNotContain(internalKey, all, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }
}

public sealed class UptimeStatusPagesTests_Sqlite(SqliteAppFactory app) : UptimeStatusPagesTests(app), IClassFixture<SqliteAppFactory>;

public sealed class UptimeStatusPagesTests_Postgres(PostgresAppFactory app) : UptimeStatusPagesTests(app), IClassFixture<PostgresAppFactory>;
