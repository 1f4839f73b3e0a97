using Microsoft.Playwright;
using Shishin.Core.Identity;
using Shishin.Tests;

namespace Shishin.BrowserTests.Infrastructure;

/// <summary>
/// One running Shishin (SQLite, on Kestrel) and one Chromium per test class. Every test opens its own context with
/// <see cref="NewSessionAsync"/>; the admin's signed-in state is made once, through the real sign-in pages, and reused.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private readonly SemaphoreSlim signInLock = new(1, 1);
    private string? adminState;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public BrowserFixture()
        : this(new Dictionary<string, string>())
    {
    }

    /// <param name="settings">The app's configuration beyond the defaults of <see cref="BrowserAppFactory"/>.</param>
    protected BrowserFixture(IReadOnlyDictionary<string, string> settings) => App = new(settings);

    public BrowserAppFactory App { get; }

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The fixture is not initialised.");

    public virtual async Task InitializeAsync()
    {
        await ((IAsyncLifetime)App).InitializeAsync();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserPath(),
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public virtual async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await ((IAsyncLifetime)App).DisposeAsync();
        signInLock.Dispose();
    }

    /// <summary>The browser this fixture launches: the full Chromium, which is what people use.</summary>
    protected virtual string BrowserPath() => ChromiumPath();

    /// <summary>
    /// The scanner's browser as the scanner tests choose it: SHISHIN_TEST_SCAN_BROWSER (Debian's headless shell), else
    /// the full Chromium of <see cref="ChromiumPath"/>.
    /// </summary>
    public static string HeadlessShellPath() =>
        Environment.GetEnvironmentVariable("SHISHIN_TEST_SCAN_BROWSER") is { Length: > 0 } shell ? shell : ChromiumPath();

    /// <summary>Debian's Chromium: SHISHIN_BROWSER, else /usr/bin/chromium, else chromium on the PATH. Never downloads one.</summary>
    public static string ChromiumPath()
    {
        if (Environment.GetEnvironmentVariable("SHISHIN_BROWSER") is { Length: > 0 } configured)
        {
            return configured;
        }

        if (File.Exists("/usr/bin/chromium"))
        {
            return "/usr/bin/chromium";
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "chromium"))
            .FirstOrDefault(File.Exists);
        return onPath ?? throw new InvalidOperationException("No Chromium found: set SHISHIN_BROWSER or install Debian's chromium package.");
    }

    /// <summary>A new browser context and page on the given instance, in the given language, optionally signed in.</summary>
    public Task<BrowserSession> NewSessionAsync(
        string language = "ja", string? storageState = null, bool javaScript = true, int width = 1280, int height = 800, Uri? baseAddress = null) =>
        BrowserSession.OpenAsync(Browser, baseAddress ?? App.BaseAddress, language, storageState, javaScript, width, height);

    /// <summary>The storage state (cookies) of the setup admin, signed in once through the sign-in pages with a TOTP code.</summary>
    public async Task<string> AdminStateAsync()
    {
        await signInLock.WaitAsync();
        try
        {
            if (adminState is null)
            {
                await using var session = await NewSessionAsync();
                await session.SignInAsync(ShishinAppFactory.SetupAdminEmail, App.SetupAdminKey);
                adminState = await session.Context.StorageStateAsync();
            }

            return adminState;
        }
        finally
        {
            signInLock.Release();
        }
    }

    /// <summary>A new account for a test that signs in itself, so that no two sign-ins share a user (or a TOTP code).</summary>
    public async Task<(string Email, string? Key)> NewUserAsync(string name, bool admin)
    {
        var email = $"{name}-{Guid.NewGuid():N}@example.jp";
        var (_, key) = await App.CreateUserAsync(email, admin ? [Roles.Admin] : [Roles.ServiceOwner], twoFactor: admin);
        return (email, key);
    }
}
