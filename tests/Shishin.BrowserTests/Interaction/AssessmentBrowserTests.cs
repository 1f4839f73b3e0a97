using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.BrowserTests.Infrastructure;
using Shishin.Core.Assessments;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;
using Shishin.Core.Services;

namespace Shishin.BrowserTests.Interaction;

/// <summary>The self-assessment in a real browser: keyboard only, and without JavaScript.</summary>
[Collection(SharedBrowser.Name)]
public sealed class AssessmentBrowserTests(BrowserFixture fixture)
{
    /// <summary>A new internal service of Chiyoda and a signed-in session of one of its service owners.</summary>
    private async Task<(string Key, BrowserSession Session)> OwnerSessionAsync(bool javaScript)
    {
        var key = $"browser-{Guid.NewGuid():N}"[..20];
        var email = $"assessor-{Guid.NewGuid():N}@example.jp";
        var (user, _) = await fixture.App.CreateUserAsync(email, [Roles.ServiceOwner]);
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var chiyoda = (await scope.ServiceProvider.GetRequiredService<OrganizationService>().FindByKeyAsync("chiyoda"))!.Id;
            var accounts = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();
            Assert.True((await accounts.SetAccessAsync((await accounts.FindAsync(user.Id))!, new UserAccess([Roles.ServiceOwner], [chiyoda]))).Succeeded);
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            db.Services.Add(new Service { Key = key, NameJa = "キーボード試験", NameEn = "Keyboard test", OwnerOrganizationId = chiyoda, Phase = ServicePhase.Development });
            await db.SaveChangesAsync();
        }

        var session = await fixture.NewSessionAsync(javaScript: javaScript);
        await session.SignInAsync(email, null);
        return (key, session);
    }

    private async Task<List<CheckpointResult>> ResultsAsync(string key)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        return await db.CheckpointResults.AsNoTracking()
            .Where(r => db.Assessments.Any(a => a.Id == r.AssessmentId && a.Service!.Key == key)).ToListAsync();
    }

    [Fact]
    public async Task SelfAssessment_KeyboardOnly_CompletesTenCheckpoints()
    {
        // Arrange
        var (key, session) = await OwnerSessionAsync(javaScript: true);
        await using var _ = session;
        await session.GotoAsync($"/services/{key}/assessments/new");

        // Act: only Tab, Space, Enter and typing from here on.
        await session.TabToAsync("main form button[type=submit]", limit: 40);
        await session.RunAndWaitForLoadAsync(() => session.Page.Keyboard.PressAsync("Enter"));
        Assert.EndsWith("/edit", session.Path, StringComparison.Ordinal);
        var checkpoints = (await session.Page.Locator("section.assessment-checkpoint").EvaluateAllAsync<string[]>("sections => sections.map(s => s.id)")).Take(10).ToList();
        Assert.Equal(10, checkpoints.Count);
        foreach (var (checkpoint, index) in checkpoints.Select((c, i) => (c, i)))
        {
            await session.TabToAsync($"#{checkpoint}-outcome-Met", limit: 30);
            await session.Page.Keyboard.PressAsync("Space");
            await session.TabToAsync($"#{checkpoint}-evidence", limit: 5);
            await session.Page.Keyboard.TypeAsync($"証拠 {index + 1}");
            await session.TabToAsync($"#{checkpoint} button[type=submit]", limit: 5);
            await session.RunAndWaitForLoadAsync(() => session.Page.Keyboard.PressAsync("Enter"));
            Assert.EndsWith($"#{checkpoint}", session.Page.Url, StringComparison.Ordinal);
        }

        // Assert
        var results = (await ResultsAsync(key)).ToDictionary(r => r.CheckpointId);
        Assert.All(checkpoints.Select((c, i) => (c, i)), x =>
        {
            Assert.Equal(CheckpointOutcome.Met, results[x.c].Outcome);
            Assert.Equal($"証拠 {x.i + 1}", results[x.c].Evidence);
        });
        Assert.Equal(10, results.Values.Count(r => r.Outcome is not null));
        Assert.Contains($"10 / {results.Count} 回答済み", await session.Page.Locator("#progress-label").InnerTextAsync(), StringComparison.Ordinal);
        session.AssertNoProblems();
    }

    [Fact]
    public async Task SaveCheckpoint_JavaScriptDisabled_SavesAndComesBackAtTheCheckpoint()
    {
        // Arrange
        var (key, session) = await OwnerSessionAsync(javaScript: false);
        await using var _ = session;
        await session.GotoAsync($"/services/{key}/assessments/new");
        await session.ClickAndWaitForLoadAsync("main form button[type=submit]");
        var checkpoint = await session.Page.Locator("section.assessment-checkpoint").First.GetAttributeAsync("id");

        // Act
        await session.Page.Locator($"#{checkpoint}-outcome-NotApplicable").CheckAsync();
        await session.Page.Locator($"#{checkpoint}-reason").FillAsync("窓口だけの手続きのため");
        await session.ClickAndWaitForLoadAsync($"#{checkpoint} button[type=submit]");

        // Assert
        Assert.EndsWith($"#{checkpoint}", session.Page.Url, StringComparison.Ordinal);
        Assert.Contains($"{checkpoint} を保存しました。", await session.Page.Locator("main .notice--success").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await session.Page.Locator($"#{checkpoint}-outcome-NotApplicable").IsCheckedAsync());
        var stored = (await ResultsAsync(key)).Single(r => r.CheckpointId == checkpoint);
        Assert.Equal((CheckpointOutcome.NotApplicable, "窓口だけの手続きのため"), (stored.Outcome!.Value, stored.NotApplicableReason));
        session.AssertNoProblems();
    }
}
