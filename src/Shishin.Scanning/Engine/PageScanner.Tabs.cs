using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Shishin.Scanning.Browser;
using Shishin.Scanning.Checks;
using Shishin.Scanning.Journeys;
using Shishin.Scanning.Rules;
using Shishin.Scanning.Safety;

namespace Shishin.Scanning.Engine;

/// <summary>Browser contexts and tabs for the pages: the context's options and cookies, and the wiped tabs that serve the next page (ADR 0019).</summary>
internal sealed partial class PageScanner
{
    /// <summary>How many pages one tab loads before it is closed and a new one opened, so a renderer that grows is renewed.</summary>
    private const int MaxTabUses = 50;

    /// <summary>Tabs whose last page finished cleanly and was wiped, for the next page (<see cref="BrowserTab"/>).</summary>
    private readonly System.Collections.Concurrent.ConcurrentBag<BrowserTab> idleTabs = [];

    /// <summary>
    /// The scan's cookies for each start URL's host only: set through <c>Url</c>, Playwright makes them host-only
    /// (no Domain), so neither third parties nor subdomains receive them; https hosts get them as Secure.
    /// </summary>
    internal static List<Cookie> SessionCookies(ScanOptions options) =>
        options.StartUrls
            .Select(u => u.GetLeftPart(UriPartial.Authority) + "/")
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .SelectMany(origin => options.Cookies.Select(c => new Cookie
            {
                Name = c.Name,
                Value = c.Value,
                Url = origin,
                HttpOnly = true,
                SameSite = SameSiteAttribute.Lax,
            }))
            .ToList();

    /// <summary>
    /// Tabs are reused only in scans without a signed-in session or extra headers: a storage state or the headers'
    /// interception would have to be set up again for each page.
    /// </summary>
    private bool CanReuseTabs => scan.AuthState is null && scan.Options.Headers.Count == 0;

    private BrowserTab? TakeTab(IBrowser browser)
    {
        while (idleTabs.TryTake(out var tab))
        {
            if (ReferenceEquals(tab.Browser, browser) && browser.IsConnected)
            {
                return tab;
            }

            _ = Quietly(tab.Context.CloseAsync());
        }

        return null;
    }

    internal BrowserNewContextOptions ContextOptions(IBrowser browser)
    {
        var options = scan.Options;
        var context = new BrowserNewContextOptions
        {
            AcceptDownloads = false,
            ServiceWorkers = ServiceWorkerPolicy.Block,
            IgnoreHTTPSErrors = options.IgnoreCertificateErrors,
            JavaScriptEnabled = true,
            // A signed-in session (ScanOptions.AuthStatePath), already narrowed to the start URLs.
            StorageState = scan.AuthState,
        };
        if (options.Mobile)
        {
            var major = browser.Version.Split('.')[0];
            context.ViewportSize = new ViewportSize { Width = 390, Height = 844 };
            context.ScreenSize = new ScreenSize { Width = 390, Height = 844 };
            context.DeviceScaleFactor = 3;
            context.IsMobile = true;
            context.HasTouch = true;
            context.UserAgent = $"{MobileUserAgentPrefix}{major}.0.0.0 Mobile Safari/537.36 {options.UserAgentSuffix}".Trim();
        }
        else
        {
            context.ViewportSize = new ViewportSize { Width = 1280, Height = 800 };
            context.UserAgent = scan.UserAgent;
        }

        return context;
    }
}
