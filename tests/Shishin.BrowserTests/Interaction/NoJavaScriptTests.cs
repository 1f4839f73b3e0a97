using Shishin.BrowserTests.Infrastructure;

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
