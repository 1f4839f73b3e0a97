using Microsoft.Playwright;

namespace Shishin.Scanning.Browser;

/// <summary>
/// The one Chromium of a scan, started through Playwright with all its traffic sent to the egress proxy. A browser
/// that crashed or stopped answering is killed and started again on the next request for it.
/// </summary>
internal sealed class BrowserHost : IAsyncDisposable
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(3);

    private readonly string executablePath;
    private readonly Uri proxy;
    private readonly SemaphoreSlim launching = new(1, 1);
    private IPlaywright? playwright;
    private IBrowser? browser;
    private int launches;

    public BrowserHost(string executablePath, Uri proxy)
    {
        this.executablePath = executablePath;
        this.proxy = proxy;
    }

    /// <summary>The switch that marks this scan's browser processes, so that they can be found and killed.</summary>
    public string Marker { get; } = "--shishin-scan=" + Guid.NewGuid().ToString("N");

    /// <summary>How often the browser was started again after a crash.</summary>
    public int Restarts => Math.Max(0, Volatile.Read(ref launches) - 1);

    /// <summary>The browser's version, once it has been started.</summary>
    public string Version { get; private set; } = "";

    /// <summary>The arguments Chromium is started with.</summary>
    public IReadOnlyList<string> Arguments()
    {
        var arguments = new List<string>
        {
            $"--proxy-server={proxy.GetLeftPart(UriPartial.Authority)}",
            // Chromium sends loopback and link-local addresses past the proxy unless told otherwise.
            "--proxy-bypass-list=<-loopback>",
            // WebRTC could otherwise reach any address over UDP, outside the proxy.
            "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
            "--webrtc-ip-handling-policy=disable_non_proxied_udp",
            "--disable-quic",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-domain-reliability",
            "--disable-sync",
            "--disable-extensions",
            "--no-first-run",
            "--no-default-browser-check",
            "--mute-audio",
            // Chromium still calls home through the proxy despite --disable-component-update and
            // --disable-background-networking: the component updater to update.googleapis.com and the account
            // service to accounts.google.com. Pointed at the discard port they make no request at all, so the
            // blocked requests of a scan are the site's alone.
            "--component-updater=url-source=http://127.0.0.1:9/",
            "--gaia-url=http://127.0.0.1:9/",
            Marker,
        };
        if (ProcessReaper.RunningAsRoot())
        {
            // Chromium's sandbox refuses to start as root (containers, CI).
            arguments.Add("--no-sandbox");
        }

        return arguments;
    }

    /// <summary>The running browser, started (again) when there is none or the last one is gone.</summary>
    public async Task<IBrowser> GetAsync(CancellationToken cancellationToken)
    {
        if (browser is { IsConnected: true } current)
        {
            return current;
        }

        await launching.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (browser is { IsConnected: true } started)
            {
                return started;
            }

            if (browser is not null)
            {
                await DiscardAsync(browser).ConfigureAwait(false);
            }

            try
            {
                playwright ??= await Playwright.CreateAsync().ConfigureAwait(false);
            }
            catch (PlaywrightException e)
            {
                // The driver travels with the Microsoft.Playwright package of the program that runs the scan.
                throw new ScanException(ScanFailure.BrowserLaunchFailed, $"Playwright's driver could not be started (does the program reference Microsoft.Playwright?): {FirstLine(e.Message)}", e);
            }

            try
            {
                browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = executablePath,
                    Headless = true,
                    Args = Arguments(),
                    Timeout = 30_000,
                    HandleSIGINT = false,
                    HandleSIGTERM = false,
                    HandleSIGHUP = false,
                }).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PlaywrightException e)
            {
                ProcessReaper.KillMarked(Marker);
                throw new ScanException(ScanFailure.BrowserLaunchFailed, $"The browser at {executablePath} could not be started: {FirstLine(e.Message)}", e);
            }

            Interlocked.Increment(ref launches);
            Version = browser.Version;
            return browser;
        }
        finally
        {
            launching.Release();
        }
    }

    /// <summary>Gives up on <paramref name="broken"/> (it crashed or hangs): it is killed, and the next <see cref="GetAsync"/> starts a new one.</summary>
    public async Task DiscardAsync(IBrowser broken)
    {
        if (!ReferenceEquals(broken, browser))
        {
            return;
        }

        browser = null;
        try
        {
            await broken.CloseAsync().WaitAsync(CloseTimeout).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            // A crashed or hung browser does not close; it is killed below.
        }

        ProcessReaper.KillMarked(Marker);
    }

    /// <summary>Closes the browser, kills it when it does not close in time, and stops the Playwright driver.</summary>
    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            try
            {
                await browser.CloseAsync().WaitAsync(CloseTimeout).ConfigureAwait(false);
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                // Killed below.
            }

            browser = null;
        }

        playwright?.Dispose();
        playwright = null;
        ProcessReaper.KillMarked(Marker);
        launching.Dispose();
    }

    internal static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] : line;
    }
}
