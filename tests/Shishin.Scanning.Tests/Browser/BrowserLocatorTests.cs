using Shishin.Scanning.Browser;

namespace Shishin.Scanning.Tests.Browser;

public sealed class BrowserLocatorTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("shishin-browser-").FullName;

    public void Dispose()
    {
        Directory.Delete(folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private string Fake(string relative)
    {
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "");
        return path;
    }

    [Fact]
    public void Find_FollowsTheOrder_ExplicitThenEnvironmentThenPathThenPlaywright()
    {
        var explicitPath = Fake("given/chrome");
        var fromEnvironment = Fake("env/chrome");
        var onPath = Fake("bin/chromium-browser");
        var playwright = Fake("pw/chromium-1200/chrome-linux/chrome");
        var environment = new Dictionary<string, string?>
        {
            ["SHISHIN_BROWSER"] = fromEnvironment,
            ["PATH"] = Path.Combine(folder, "bin"),
            ["PLAYWRIGHT_BROWSERS_PATH"] = Path.Combine(folder, "pw"),
        };

        Assert.Equal(new BrowserLocation(explicitPath, "--browser"), BrowserLocator.Find(explicitPath, k => environment.GetValueOrDefault(k)));
        Assert.Equal(new BrowserLocation(fromEnvironment, "SHISHIN_BROWSER"), BrowserLocator.Find(null, k => environment.GetValueOrDefault(k)));
        environment.Remove("SHISHIN_BROWSER");
        Assert.Equal(new BrowserLocation(onPath, "PATH"), BrowserLocator.Find(null, k => environment.GetValueOrDefault(k)));
        environment["PATH"] = "";
        Assert.Equal(new BrowserLocation(playwright, "Playwright"), BrowserLocator.Find(null, k => environment.GetValueOrDefault(k)));
    }

    [Fact]
    public void Find_PrefersTheHeadlessShell_OnPathAndAmongPlaywrightBrowsers()
    {
        Fake("bin/chromium");
        var shell = Fake("bin/chromium-headless-shell");
        Fake("pw/chromium-1200/chrome-linux/chrome");
        var playwrightShell = Fake("pw/chromium_headless_shell-1200/chrome-headless-shell-linux64/chrome-headless-shell");
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = Path.Combine(folder, "bin"),
            ["PLAYWRIGHT_BROWSERS_PATH"] = Path.Combine(folder, "pw"),
        };

        Assert.Equal(new BrowserLocation(shell, "PATH"), BrowserLocator.Find(null, k => environment.GetValueOrDefault(k)));
        environment["PATH"] = "";
        Assert.Equal(new BrowserLocation(playwrightShell, "Playwright"), BrowserLocator.Find(null, k => environment.GetValueOrDefault(k)));
    }

    [Fact]
    public void Find_NothingThere_ReturnsNull_AndAGivenPathThatIsMissingIsNotReplacedByAnother()
    {
        var environment = new Dictionary<string, string?> { ["PATH"] = folder, ["PLAYWRIGHT_BROWSERS_PATH"] = Path.Combine(folder, "none") };
        Fake("chromium");

        Assert.Null(BrowserLocator.Find(Path.Combine(folder, "missing"), k => environment.GetValueOrDefault(k)));
        Assert.NotNull(BrowserLocator.Find(null, k => environment.GetValueOrDefault(k)));
        environment["PATH"] = "";
        Assert.Null(BrowserLocator.Find(null, k => environment.GetValueOrDefault(k)));
    }
}
