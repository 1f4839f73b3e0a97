using Shishin.BrowserTests.Infrastructure;
using Shishin.Tests;

namespace Shishin.BrowserTests.Interaction;

[Collection(SharedBrowser.Name)]
public sealed class KeyboardTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/sign-in")]
    public async Task SkipLink_FirstTab_IsVisibleAndMovesFocusToMain(string path)
    {
        // Arrange
        const int width = 1280, height = 800;
        await using var session = await fixture.NewSessionAsync(width: width, height: height);
        await session.GotoAsync(path);

        // Act
        await session.Page.Keyboard.PressAsync("Tab");

        // Assert: the skip link has focus and is on screen.
        Assert.True(await session.FocusedMatchesAsync("a.skip-link[href='#main']"), "The first Tab did not focus the skip link.");
        var skipLink = session.Page.Locator("a.skip-link");
        Assert.Equal("本文へ移動", (await skipLink.InnerTextAsync()).Trim());
        var box = await skipLink.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Width > 1 && box.Height > 1, $"The focused skip link is {box.Width}×{box.Height} px.");
        Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= width && box.Y + box.Height <= height, $"The focused skip link is at {box.X},{box.Y}, outside the viewport.");

        // Act
        await session.Page.Keyboard.PressAsync("Enter");

        // Assert
        Assert.True(await session.FocusedMatchesAsync("main#main"), "Activating the skip link did not move focus to main#main.");
        session.AssertNoProblems();
    }

    [Fact]
    public async Task SignIn_KeyboardOnly_ReachesHomeSignedIn()
    {
        // Arrange: an administrator, so the sign-in needs the password and the TOTP code.
        var (email, key) = await fixture.NewUserAsync("keyboard", admin: true);
        await using var session = await fixture.NewSessionAsync();
        await session.GotoAsync("/");

        // Act: only Tab, typing and Enter.
        await session.TabToAsync("header a[href='/account/sign-in']");
        await session.RunAndWaitForLoadAsync(() => session.Page.Keyboard.PressAsync("Enter"));
        Assert.Equal("/account/sign-in", session.Path);
        await session.TabToAsync("#Input_Email");
        await session.Page.Keyboard.TypeAsync(email);
        await session.Page.Keyboard.PressAsync("Tab");
        Assert.True(await session.FocusedMatchesAsync("#Input_Password"), "Tab from the email address did not reach the password.");
        await session.Page.Keyboard.TypeAsync(ShishinAppFactory.Password);
        await session.RunAndWaitForLoadAsync(() => session.Page.Keyboard.PressAsync("Enter"));
        Assert.Equal("/account/sign-in/two-factor", session.Path);
        await session.TabToAsync("#Input_Code");
        await session.Page.Keyboard.TypeAsync(ShishinAppFactory.Totp(key!));
        await session.RunAndWaitForLoadAsync(() => session.Page.Keyboard.PressAsync("Enter"));

        // Assert
        Assert.Equal("/", session.Path);
        await session.AssertSignedInAsync();
        session.AssertNoProblems();
    }
}
