using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.BrowserTests.Infrastructure;
using Shishin.Core.Data;

namespace Shishin.BrowserTests.Interaction;

/// <summary>
/// The organisation picker of the invite form in a real browser: the filter box comes with the script, hides what does
/// not match and keeps what was ticked; without JavaScript every checkbox is there and the form still posts.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class OrganizationPickerBrowserTests(BrowserFixture fixture)
{
    private const string Visible = ".organization-picker [data-organization-search]:visible";

    [Fact]
    public async Task Filter_TypingAName_ShowsOnlyMatchesAndKeepsTickedOnesPosted()
    {
        // Arrange
        await using var session = await fixture.NewSessionAsync(storageState: await fixture.AdminStateAsync());
        await session.GotoAsync("/admin/users/invite");
        var all = await session.Page.Locator(Visible).CountAsync();
        await session.Page.Locator("label", new() { HasText = "八王子市" }).ClickAsync();

        // Act
        await session.Page.Locator("#organization-filter").FillAsync("渋谷");

        // Assert: one match; its group alone is shown; the status is announced
        Assert.Equal(1, await session.Page.Locator(Visible).CountAsync());
        Assert.Equal("区市町村", (await session.Page.Locator(".organization-picker__group:visible legend").AllInnerTextsAsync()).Single());
        await session.Page.Locator("#organization-filter-status", new() { HasText = "1件の組織を表示しています。" }).WaitForAsync();
        await session.Page.Locator(".organization-picker label", new() { HasText = "渋谷区" }).ClickAsync();

        // Enter in the filter does not submit; clearing it shows everything again
        await session.Page.Locator("#organization-filter").PressAsync("Enter");
        Assert.Equal("/admin/users/invite", session.Path);
        await session.Page.Locator("#organization-filter").FillAsync("");
        Assert.Equal(all, await session.Page.Locator(Visible).CountAsync());

        // Posting sends both ticks: the one hidden by the filter too
        var email = $"picked-browser-{Guid.NewGuid():N}@example.jp";
        await session.Page.Locator("#Input_DisplayName").FillAsync("絞り込み 花子");
        await session.Page.Locator("#Input_Email").FillAsync(email);
        await session.Page.Locator("#role-ServiceOwner").CheckAsync();
        await session.Page.Locator("#organization-filter").FillAsync("渋谷");
        await session.ClickAndWaitForLoadAsync("main form button[type=submit]");
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var userId = (await db.Users.SingleAsync(u => u.Email == email)).Id;
        var saved = await db.UserOrganizations.Where(m => m.UserId == userId).Select(m => m.Organization!.Key).ToListAsync();
        Assert.Equal(["hachioji", "shibuya"], saved.Order(StringComparer.Ordinal));
        session.AssertNoProblems();
    }

    [Fact]
    public async Task Picker_JavaScriptDisabled_ShowsEveryCheckboxAndNoFilter()
    {
        await using var session = await fixture.NewSessionAsync(storageState: await fixture.AdminStateAsync(), javaScript: false);

        await session.GotoAsync("/admin/users/invite");

        int count;
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            count = await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().Organizations.CountAsync();
        }

        Assert.False(await session.Page.Locator("#organization-filter").IsVisibleAsync());
        Assert.Equal(count, await session.Page.Locator(Visible).CountAsync());
        session.AssertNoProblems();
    }
}
