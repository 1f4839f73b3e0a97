using System.Collections.Concurrent;
using Microsoft.Playwright;
using Shishin.Tests;

namespace Shishin.BrowserTests.Infrastructure;

/// <summary>
/// One browser context with one page. It records every console error or warning, every uncaught script error and
/// every failed subresource, so that a test can assert that the page raised no CSP violation ("Refused to …",
/// "violates the following Content Security Policy directive") or other problem.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string CultureCookie = ".AspNetCore.Culture";

    private readonly ConcurrentQueue<string> problems = new();
    private readonly ConcurrentDictionary<string, byte> documents = new(StringComparer.Ordinal);

    private BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Enqueue($"console {message.Type}: {message.Text} (at {message.Location})");
            }
        };
        page.PageError += (_, error) => problems.Enqueue($"page error: {error}");
        page.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "document")
            {
                documents.TryAdd(response.Url, 0);
            }
            else if (response.Status >= 400)
            {
                problems.Enqueue($"{response.Request.ResourceType} {response.Url} answered {response.Status}");
            }
        };
        page.RequestFailed += (_, request) => problems.Enqueue($"{request.ResourceType} {request.Url} failed: {request.Failure}");
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }

    public static async Task<BrowserSession> OpenAsync(
        IBrowser browser, Uri baseAddress, string language, string? storageState, bool javaScript, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(baseAddress);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            // A browser in Tokyo: Accept-Language ja. English is chosen the way a visitor chooses it, by the culture cookie.
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
            JavaScriptEnabled = javaScript,
            StorageState = storageState,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(15_000);
        if (language != "ja")
        {
            await context.AddCookiesAsync(
            [
                new Cookie { Name = CultureCookie, Value = $"c={language}|uic={language}", Url = baseAddress.ToString() },
            ]);
        }

        return new BrowserSession(context, await context.NewPageAsync());
    }

    /// <summary>
    /// Console errors, warnings and script errors so far. The browser's own "Failed to load resource" line for a page
    /// that is meant to answer 4xx (a 404 page, the setup page's 403) is not a problem, nor is the one for the /favicon.ico
    /// that Chromium may ask for by itself; the same line for a style sheet is.
    /// </summary>
    public IReadOnlyList<string> Problems => problems
        .Where(p => !(p.Contains("Failed to load resource: the server responded with a status of 4", StringComparison.Ordinal) &&
                      (documents.Keys.Any(d => p.Contains($"(at {d}", StringComparison.Ordinal)) ||
                       p.Contains("/favicon.ico:", StringComparison.Ordinal))))
        .ToList();

    /// <summary>Navigates and waits for the page's load event.</summary>
    public async Task<IResponse?> GotoAsync(string path) => await Page.GotoAsync(path);

    /// <summary>Runs an action that navigates (a click, Enter in a form) and waits until the next document has loaded.</summary>
    public async Task RunAndWaitForLoadAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage page) => loaded.TrySetResult();
        Page.Load += OnLoad;
        try
        {
            await action();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(15));
        }
        finally
        {
            Page.Load -= OnLoad;
        }
    }

    public Task ClickAndWaitForLoadAsync(string selector) => RunAndWaitForLoadAsync(() => Page.Locator(selector).ClickAsync());

    /// <summary>Signs in through the real pages: email and password, then the TOTP code when the account has one.</summary>
    public async Task SignInAsync(string email, string? authenticatorKey)
    {
        await GotoAsync("/account/sign-in");
        await Page.Locator("#Input_Email").FillAsync(email);
        await Page.Locator("#Input_Password").FillAsync(ShishinAppFactory.Password);
        await ClickAndWaitForLoadAsync("main form button[type=submit]");
        if (authenticatorKey is not null)
        {
            Assert.Equal("/account/sign-in/two-factor", new Uri(Page.Url).AbsolutePath);
            await Page.Locator("#Input_Code").FillAsync(ShishinAppFactory.Totp(authenticatorKey));
            await ClickAndWaitForLoadAsync("main form button[type=submit]");
        }

        Assert.Equal("/", new Uri(Page.Url).AbsolutePath);
        await AssertSignedInAsync();
    }

    /// <summary>A signed-in page has the sign-out button in its header and no sign-in link.</summary>
    public async Task AssertSignedInAsync()
    {
        Assert.Equal(1, await Page.Locator("header form[action='/account/sign-out'] button").CountAsync());
        Assert.Equal(0, await Page.Locator("header a[href='/account/sign-in']").CountAsync());
    }

    /// <summary>Whether the element that has focus matches the CSS selector.</summary>
    public Task<bool> FocusedMatchesAsync(string selector) =>
        Page.EvaluateAsync<bool>("selector => document.activeElement !== null && document.activeElement.matches(selector)", selector);

    /// <summary>Presses Tab until the focused element matches the selector; fails after <paramref name="limit"/> presses.</summary>
    public async Task TabToAsync(string selector, int limit = 20)
    {
        for (var i = 0; i < limit; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            if (await FocusedMatchesAsync(selector))
            {
                return;
            }
        }

        Assert.Fail($"{limit} presses of Tab did not reach {selector} on {Page.Url}.");
    }

    public Task<string?> LangAsync() => Page.Locator("html").GetAttributeAsync("lang");

    public string Path => new Uri(Page.Url).AbsolutePath;

    /// <summary>No CSP violation, console error, script error or failed subresource so far.</summary>
    public void AssertNoProblems() => Assert.True(Problems.Count == 0, string.Join(Environment.NewLine, Problems));

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
