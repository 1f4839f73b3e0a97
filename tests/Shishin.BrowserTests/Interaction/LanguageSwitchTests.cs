using Shishin.BrowserTests.Infrastructure;

namespace Shishin.BrowserTests.Interaction;

[Collection(SharedBrowser.Name)]
public sealed class LanguageSwitchTests(BrowserFixture fixture)
{
    private const string SwitchButton = "header form.language-switch button[type=submit]";

    [Theory]
    [InlineData("/", "Shishin：東京都デジタルサービスの行動指針を実践する", "Shishin: the Tokyo Digital Service 10 Principles at work")]
    [InlineData("/organizations/chiyoda", "千代田区", "Chiyoda City")]
    public async Task LanguageSwitch_FocusAndEnter_ReloadsSamePageInEnglishThenJapanese(string path, string japanese, string english)
    {
        // Arrange
        await using var session = await fixture.NewSessionAsync();
        await session.GotoAsync(path);
        Assert.Equal("ja", await session.LangAsync());
        Assert.Equal(japanese, await session.Page.Locator("h1").InnerTextAsync());
        Assert.Equal("English", await session.Page.Locator(SwitchButton).InnerTextAsync());

        // Act
        await session.Page.Locator(SwitchButton).FocusAsync();
        await session.RunAndWaitForLoadAsync(() => session.Page.Keyboard.PressAsync("Enter"));

        // Assert
        Assert.Equal(path, session.Path);
        Assert.Equal("en", await session.LangAsync());
        Assert.Equal(english, await session.Page.Locator("h1").InnerTextAsync());
        Assert.Equal("Home", await session.Page.Locator("header nav .site-nav__bar a[href='/']").InnerTextAsync());
        Assert.Equal("日本語", await session.Page.Locator(SwitchButton).InnerTextAsync());

        // Act: the choice is remembered, and the button switches back.
        await session.GotoAsync("/organizations");
        Assert.Equal("en", await session.LangAsync());
        await session.GotoAsync(path);
        await session.Page.Locator(SwitchButton).FocusAsync();
        await session.RunAndWaitForLoadAsync(() => session.Page.Keyboard.PressAsync("Enter"));

        // Assert
        Assert.Equal(path, session.Path);
        Assert.Equal("ja", await session.LangAsync());
        Assert.Equal(japanese, await session.Page.Locator("h1").InnerTextAsync());
        Assert.Equal("ホーム", await session.Page.Locator("header nav .site-nav__bar a[href='/']").InnerTextAsync());
        session.AssertNoProblems();
    }
}
