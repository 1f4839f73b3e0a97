namespace Shishin.Scanning.Browser;

/// <summary>Where a Chromium-family browser was found, and how.</summary>
internal sealed record BrowserLocation(string ExecutablePath, string FoundBy);

/// <summary>
/// Finds the browser to scan with, in this order: the path given (<c>--browser</c>), <c>SHISHIN_BROWSER</c>,
/// chromium-headless-shell, chrome-headless-shell, chromium, chromium-browser, google-chrome or msedge on PATH, then a
/// browser installed by Playwright (its headless shell first).
/// </summary>
/// <remarks>
/// The headless shell comes first because it renders with the same Blink and V8 as the full browser but starts a
/// fresh context and renderer for a fraction of the CPU: on the benchmark site it scans about twice as many pages a
/// minute with identical findings (docs/benchmarks.md, ADR 0009).
/// </remarks>
internal static class BrowserLocator
{
    /// <summary>Names tried on PATH, in order.</summary>
    public static readonly IReadOnlyList<string> CommandNames = ["chromium-headless-shell", "chrome-headless-shell", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "msedge", "microsoft-edge"];

    /// <summary>What to tell a person when no browser is found.</summary>
    public const string InstallHelp =
        "No Chromium-family browser was found. Install one (Debian/Ubuntu: sudo apt-get install chromium-headless-shell, " +
        "or chromium), " +
        "point to it with --browser PATH or SHISHIN_BROWSER=PATH, or install Playwright's build with " +
        "'pwsh bin/playwright.ps1 install chromium'.";

    /// <summary>The browser to use, or null when none is found.</summary>
    public static BrowserLocation? Find(string? explicitPath = null, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return File.Exists(explicitPath) ? new BrowserLocation(Path.GetFullPath(explicitPath), "--browser") : null;
        }

        if (environment("SHISHIN_BROWSER") is { Length: > 0 } fromEnvironment)
        {
            return File.Exists(fromEnvironment) ? new BrowserLocation(Path.GetFullPath(fromEnvironment), "SHISHIN_BROWSER") : null;
        }

        var path = environment("PATH") ?? "";
        foreach (var name in CommandNames)
        {
            foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (var candidate in new[] { Path.Combine(directory, name), Path.Combine(directory, name + ".exe") })
                {
                    if (File.Exists(candidate))
                    {
                        return new BrowserLocation(candidate, "PATH");
                    }
                }
            }
        }

        return FindPlaywrightBrowser(environment);
    }

    private static BrowserLocation? FindPlaywrightBrowser(Func<string, string?> environment)
    {
        var root = environment("PLAYWRIGHT_BROWSERS_PATH") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "ms-playwright");
        if (!Directory.Exists(root))
        {
            return null;
        }

        string[] shells = ["chrome-headless-shell-linux64/chrome-headless-shell", "chrome-linux/headless_shell", "chrome-headless-shell-win64/chrome-headless-shell.exe", "chrome-headless-shell-mac-x64/chrome-headless-shell", "chrome-headless-shell-mac-arm64/chrome-headless-shell"];
        string[] browsers = ["chrome-linux/chrome", "chrome-linux64/chrome", "chrome-win/chrome.exe", "chrome-mac/Chromium.app/Contents/MacOS/Chromium"];
        var found = Newest("chromium_headless_shell-*", shells) ?? Newest("chromium-*", browsers);
        return found is null ? null : new BrowserLocation(found, "Playwright");

        string? Newest(string pattern, string[] executables) => Directory.EnumerateDirectories(root, pattern)
            .OrderByDescending(d => d, StringComparer.Ordinal)
            .SelectMany(d => executables.Select(e => Path.Combine(d, e)))
            .FirstOrDefault(File.Exists);
    }
}
