using Shishin.BrowserTests.Infrastructure;

namespace Shishin.BrowserTests.Interaction;

[Collection(SharedBrowser.Name)]
public sealed class LanguageSwitchTests(BrowserFixture fixture, BrowserNewInstanceFactory newInstance) : IClassFixture<BrowserNewInstanceFactory>
{
    private const string SwitchButton = "header form.language-switch button[type=submit]";
    private const string MainSubmit = "main form[method=post] button.button[type=submit]";

    [Fact]
    public async Task LanguageSwitch_SetupAfterAnError_KeepsTheInputAndShowsTheErrorsInEnglish()
    {
        // Arrange: without JavaScript, the first administrator's form sent with a short password
        await using var session = await fixture.NewSessionAsync(javaScript: false, baseAddress: newInstance.BaseAddress);
        await session.GotoAsync("/setup");
        await session.Page.Locator("#Input_DisplayName").FillAsync("最初の 管理者");
        await session.Page.Locator("#Input_Email").FillAsync("first@example.jp");
        await session.Page.Locator("#Input_Password").FillAsync("short");
        await session.ClickAndWaitForLoadAsync(MainSubmit);
        Assert.Contains("パスワードは12文字以上にしてください。", await session.Page.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);

        // Act
        await session.ClickAndWaitForLoadAsync(SwitchButton);

        // Assert
        Assert.Equal("en", await session.LangAsync());
        Assert.Equal("/setup", session.Path);
        Assert.Equal("最初の 管理者", await session.Page.Locator("#Input_DisplayName").InputValueAsync());
        Assert.Equal("first@example.jp", await session.Page.Locator("#Input_Email").InputValueAsync());
        // A password is never written back into a page, so the re-submitted form asks for it again, in English.
        var summary = await session.Page.Locator(".error-summary").InnerTextAsync();
        Assert.Contains("Enter a password.", summary, StringComparison.Ordinal);
        Assert.Contains("Enter the password again.", summary, StringComparison.Ordinal);
        Assert.Equal("日本語", await session.Page.Locator(SwitchButton).InnerTextAsync());
    }

    [Fact]
    public async Task LanguageSwitch_ProposalFormAfterAnError_KeepsTheInputAndShowsTheErrorsInEnglish()
    {
        // Arrange: a service owner's new-checkpoint proposal with texts but no summary
        var (email, key) = await fixture.NewUserAsync("switch", admin: false);
        await using var session = await fixture.NewSessionAsync();
        await session.SignInAsync(email, key);
        await session.GotoAsync("/proposals/new?owner=UX");
        await session.Page.Locator("#Input_TitleJa").FillAsync("入力を保つ言語切替");
        await session.Page.Locator("#Input_GuidanceEn").FillAsync("Switching language keeps what was typed.");
        await session.ClickAndWaitForLoadAsync(MainSubmit);
        Assert.Contains("提案の内容を1行で書いてください。", await session.Page.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);

        // Act
        await session.ClickAndWaitForLoadAsync(SwitchButton);

        // Assert
        Assert.Equal("en", await session.LangAsync());
        Assert.Equal("/proposals/new", session.Path);
        Assert.Equal("入力を保つ言語切替", await session.Page.Locator("#Input_TitleJa").InputValueAsync());
        Assert.Equal("Switching language keeps what was typed.", await session.Page.Locator("#Input_GuidanceEn").InputValueAsync());
        Assert.Contains("Say in one line what you propose.", await session.Page.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);
        session.AssertNoProblems();
    }

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
        Assert.Equal("Services", await session.Page.Locator("header nav .site-nav__bar a[href='/services']").InnerTextAsync());
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
        Assert.Equal("サービス", await session.Page.Locator("header nav .site-nav__bar a[href='/services']").InnerTextAsync());
        session.AssertNoProblems();
    }
}
