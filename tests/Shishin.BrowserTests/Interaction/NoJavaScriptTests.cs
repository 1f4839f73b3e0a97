using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.BrowserTests.Infrastructure;
using Shishin.Core;
using Shishin.Core.Data;
using Shishin.Core.Uptime;

namespace Shishin.BrowserTests.Interaction;

/// <summary>Shishin needs no JavaScript: forms post, and the language switch is a form.</summary>
[Collection(SharedBrowser.Name)]
public sealed class NoJavaScriptTests(BrowserFixture fixture)
{
    [Fact]
    public async Task SignIn_JavaScriptDisabled_ReachesHomeSignedIn()
    {
        // Arrange
        var (email, key) = await fixture.NewUserAsync("nojs", admin: true);
        await using var session = await fixture.NewSessionAsync(javaScript: false);

        // Act: password, then the TOTP code, through the real forms.
        await session.SignInAsync(email, key);

        // Assert
        Assert.Equal("/", session.Path);
        await session.AssertSignedInAsync();
        await session.GotoAsync("/account/manage");
        Assert.Equal("/account/manage", session.Path);
        Assert.Contains(email, await session.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        session.AssertNoProblems();
    }

    [Fact]
    public async Task ServiceStatus_JavaScriptDisabled_FollowsThe90DayLinkAndShowsItsTable()
    {
        // Arrange: a public service with one entry URL, 40 days of figures and an open incident.
        var key = "nojs-status-" + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            var chiyoda = await db.Organizations.Where(o => o.Key == "chiyoda").Select(o => o.Id).SingleAsync();
            var service = await Shishin.Tests.AssessmentSamples.ServiceAsync(db, key, chiyoda, isPublic: true, more: s => s.EntryUrls = "https://www.example.lg.jp/");
            var now = DateTime.UtcNow;
            var check = new UptimeCheck { ServiceId = service.Id, Url = service.EntryUrls, Enabled = false, NextProbeAt = now.AddDays(1), LastProbeAt = now, LastSucceeded = false, LastStatus = 500 };
            var incident = new UptimeIncident { ServiceId = service.Id, CheckId = check.Id, Url = check.Url, StartedAt = now.AddMinutes(-15), OpenedAt = now };
            check.OpenIncidentId = incident.Id;
            db.UptimeChecks.Add(check);
            db.UptimeIncidents.Add(incident);
            db.UptimeIncidentEvents.Add(new UptimeIncidentEvent { IncidentId = incident.Id, At = now, Kind = UptimeIncidentEventKind.Opened, Status = 500, Error = UptimeErrorKind.HttpStatus });
            var today = JapanTime.Today(TimeProvider.System);
            db.UptimeDailyAggregates.AddRange(Enumerable.Range(0, 40).Select(i => new UptimeDailyAggregate { ServiceId = service.Id, Day = today.AddDays(-i), Probes = 10, Successes = 9 }));
            await db.SaveChangesAsync();
        }

        await using var session = await fixture.NewSessionAsync(javaScript: false);
        await session.GotoAsync("/status");
        await session.ClickAndWaitForLoadAsync($"main a[href='/services/{key}/status']");

        // Act
        await session.ClickAndWaitForLoadAsync($"main a[href='/services/{key}/status?days=90']");

        // Assert
        Assert.Equal(90, await session.Page.Locator("table:has(#days-caption) tbody tr").CountAsync());
        Assert.Equal(1, await session.Page.Locator("section.incident").CountAsync());
        session.AssertNoProblems();
    }

    [Fact]
    public async Task LanguageSwitch_JavaScriptDisabled_SwitchesToEnglishAndBack()
    {
        // Arrange
        await using var session = await fixture.NewSessionAsync(javaScript: false);
        await session.GotoAsync("/organizations");
        Assert.Equal("ja", await session.LangAsync());

        // Act
        await session.ClickAndWaitForLoadAsync("header form.language-switch button[type=submit]");

        // Assert
        Assert.Equal("/organizations", session.Path);
        Assert.Equal("en", await session.LangAsync());
        Assert.Equal("Organisations", await session.Page.Locator("h1").InnerTextAsync());

        // Act
        await session.ClickAndWaitForLoadAsync("header form.language-switch button[type=submit]");

        // Assert
        Assert.Equal("/organizations", session.Path);
        Assert.Equal("ja", await session.LangAsync());
        session.AssertNoProblems();
    }
}
