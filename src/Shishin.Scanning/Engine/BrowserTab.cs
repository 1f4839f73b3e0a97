using System.Collections.Concurrent;
using Microsoft.Playwright;
using Shishin.Scanning.Browser;

namespace Shishin.Scanning.Engine;

/// <summary>
/// A browser context with its one tab, in which the scanner loads pages one after the other. Reusing it spares each
/// page a new context, a new tab and a new renderer process, and lets the renderer's V8 compilation cache serve
/// axe-core's source (its compile is most of axe-core's cost on a page). A tab is reused only after a page that
/// finished cleanly and whose documents (the top one and every frame) were all of one origin, and only after
/// <see cref="ResetAsync"/> has removed everything that page could have left behind: its origin's storage of every
/// kind, the session storage and <c>window.name</c> of the tab, cookies, permissions, the HTTP cache and the history.
/// Anything else (a page of several origins, an error, a gap, a crash) closes the context, as every page did before.
/// </summary>
internal sealed class BrowserTab
{
    private static readonly TimeSpan ResetTimeout = TimeSpan.FromSeconds(3);
    private readonly ConcurrentDictionary<string, byte> documentOrigins = new(StringComparer.Ordinal);
    private Action<PageError>? abort;

    private BrowserTab(IBrowser browser, IBrowserContext context, IPage page)
    {
        Browser = browser;
        Context = context;
        Page = page;
        // Hostile pages: every dialog is dismissed, every popup closed, downloads are refused by the context.
        page.Dialog += (_, dialog) => _ = PageScanner.Quietly(dialog.DismissAsync());
        context.Page += (_, popup) =>
        {
            if (!ReferenceEquals(popup, page))
            {
                _ = PageScanner.Quietly(popup.CloseAsync());
            }
        };
        page.Crash += (_, _) => abort?.Invoke(new PageError(PageErrorKind.BrowserCrashed, "The page's renderer process crashed."));
        page.FrameNavigated += (_, frame) => documentOrigins.TryAdd(DocumentOrigin(frame.Url), 0);
    }

    public IBrowser Browser { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>How many pages this tab has loaded.</summary>
    public int Uses { get; private set; }

    public static async Task<BrowserTab> OpenAsync(IBrowser browser, BrowserNewContextOptions options, IReadOnlyList<Cookie> cookies, CancellationToken token)
    {
        var context = await browser.NewContextAsync(options).WaitAsync(token).ConfigureAwait(false);
        try
        {
            if (cookies.Count > 0)
            {
                await context.AddCookiesAsync(cookies).WaitAsync(token).ConfigureAwait(false);
            }

            var page = await context.NewPageAsync().WaitAsync(token).ConfigureAwait(false);
            // Every page starts from a tab on a committed about:blank, a new tab as a wiped one (whose history keeps
            // that entry), so that history.length is the same for every page whatever the tab served before.
            await page.GotoAsync("about:blank").WaitAsync(token).ConfigureAwait(false);
            return new BrowserTab(browser, context, page);
        }
        catch
        {
            _ = PageScanner.Quietly(context.CloseAsync());
            throw;
        }
    }

    /// <summary>Starts a page: a crash of the renderer is reported to <paramref name="onAbort"/>, and the documents' origins are recorded afresh.</summary>
    public void Begin(Action<PageError> onAbort)
    {
        abort = onAbort;
        documentOrigins.Clear();
        Uses++;
    }

    /// <summary>The page is over: a crash is no longer its concern.</summary>
    public void End() => abort = null;

    /// <summary>
    /// Whether the page that just ended can be wiped: all its documents were of one origin (about:blank, about:srcdoc
    /// and data: documents hold no storage of their own), which is still the top document's.
    /// </summary>
    public bool OneOrigin(out string origin)
    {
        var origins = documentOrigins.Keys.Where(o => o.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        origin = origins.Count == 1 ? origins[0] : "";
        return origins.Count == 1 && DocumentOrigin(Page.Url) == origin;
    }

    /// <summary>
    /// Removes what the last page (of <paramref name="origin"/> alone) may have left: while its document is still
    /// there, the tab's session storage of that origin and <c>window.name</c> (from the scanner's isolated world,
    /// which shares both with the page); then, the document gone (about:blank, so its timers, workers and sockets end),
    /// every kind of storage of the origin, all cookies (the scan's own are set again), permissions, the context's HTTP
    /// cache and the tab's history. False when any step fails: the tab must then be closed.
    /// </summary>
    public async Task<bool> ResetAsync(string origin, IReadOnlyList<Cookie> cookies)
    {
        using var limit = new CancellationTokenSource(ResetTimeout);
        ICDPSession? session = null;
        try
        {
            var token = limit.Token;
            session = await Context.NewCDPSessionAsync(Page).WaitAsync(token).ConfigureAwait(false);
            var worlds = new IsolatedWorlds(Context, Page);
            var world = await worlds.TopAsync(token).ConfigureAwait(false);
            await world.EvaluateAsync("(() => { try { sessionStorage.clear(); } catch { } window.name = ''; return 0; })()", token).ConfigureAwait(false);
            await Page.GotoAsync("about:blank", new PageGotoOptions { Timeout = (float)ResetTimeout.TotalMilliseconds }).WaitAsync(token).ConfigureAwait(false);
            await session.SendAsync("Storage.clearDataForOrigin", new Dictionary<string, object> { ["origin"] = origin, ["storageTypes"] = "all" }).WaitAsync(token).ConfigureAwait(false);
            await session.SendAsync("Network.clearBrowserCache").WaitAsync(token).ConfigureAwait(false);
            await session.SendAsync("Page.resetNavigationHistory").WaitAsync(token).ConfigureAwait(false);
            await Context.ClearCookiesAsync().WaitAsync(token).ConfigureAwait(false);
            await Context.ClearPermissionsAsync().WaitAsync(token).ConfigureAwait(false);
            if (cookies.Count > 0)
            {
                await Context.AddCookiesAsync(cookies).WaitAsync(token).ConfigureAwait(false);
            }

            // about:blank inherits nothing, but a name set on the window survives navigation: it must be empty now.
            return Page.Url == "about:blank" && await Page.EvaluateAsync<string>("() => window.name + history.length").WaitAsync(token).ConfigureAwait(false) == "1";
        }
        catch (Exception e) when (e is PlaywrightException or OperationCanceledException or TimeoutException)
        {
            return false;
        }
        finally
        {
            if (session is not null)
            {
                _ = PageScanner.Quietly(session.DetachAsync());
            }
        }
    }

    /// <summary>The origin whose storage a document at <paramref name="url"/> uses; empty for documents without storage of their own.</summary>
    internal static string DocumentOrigin(string url)
    {
        if (url.StartsWith("blob:", StringComparison.OrdinalIgnoreCase))
        {
            url = url[5..];
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)
            ? SiteDirectory.Origin(parsed)
            : "";
    }
}
