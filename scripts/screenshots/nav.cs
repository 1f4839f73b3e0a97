// Screenshots of Shishin's header for the docs (docs/images/): not part of the test suite.
//
//   scripts/screenshots/nav.sh <output.png> [width] [open]
//
// Run through nav.sh, which starts a throwaway instance. Against that fresh instance this script completes /setup
// as an administrator, enrols two-step verification through the real pages, and photographs the top of the home
// page at the given width (default 375), with the navigation menu opened when "open" is given.
#:package Microsoft.Playwright
#:property TreatWarningsAsErrors=false
#:property EnableNETAnalyzers=false
#:property EnforceCodeStyleInBuild=false
#:property PublishAot=false
#:property JsonSerializerIsReflectionEnabledByDefault=true

using System.Security.Cryptography;
using Microsoft.Playwright;

var baseUrl = Environment.GetEnvironmentVariable("SHISHIN_URL") ?? "http://127.0.0.1:5391/";
var output = args[0];
var width = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 375;
var open = args.Length > 2 && args[2] == "open";
const string Email = "screenshot-admin@example.jp";
const string Password = "correct horse battery staple";

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = Environment.GetEnvironmentVariable("SHISHIN_BROWSER") ?? "/usr/bin/chromium",
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
var context = await browser.NewContextAsync(new() { BaseURL = baseUrl, Locale = "ja-JP", ViewportSize = new() { Width = width, Height = 800 } });
var page = await context.NewPageAsync();

await page.GotoAsync("/setup");
await page.FillAsync("#Input_DisplayName", "管理 太郎");
await page.FillAsync("#Input_Email", Email);
await page.FillAsync("#Input_Password", Password);
await page.FillAsync("#Input_ConfirmPassword", Password);
await page.ClickAsync("main form button[type=submit]");
await page.WaitForLoadStateAsync();
if (!page.Url.Contains("/account/manage/two-factor", StringComparison.Ordinal))
{
    await page.GotoAsync("/account/sign-in");
    await page.FillAsync("#Input_Email", Email);
    await page.FillAsync("#Input_Password", Password);
    await page.ClickAsync("main form button[type=submit]");
    await page.WaitForLoadStateAsync();
}

await page.GotoAsync("/account/manage/two-factor");
var key = (await page.Locator("main code").First.InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
await page.FillAsync("#Input_Code", Totp(key));
await page.ClickAsync("main form button[type=submit]");
await page.WaitForLoadStateAsync();

await page.GotoAsync("/");
if (open)
{
    await page.Locator(".site-nav summary").ClickAsync();
}

var header = await page.Locator("header.site-header").BoundingBoxAsync() ?? throw new InvalidOperationException("No header.");
var panel = open ? await page.Locator(".site-nav details ul").BoundingBoxAsync() : null;
var bottom = Math.Max(header.Y + header.Height, panel is null ? 0 : panel.Y + panel.Height);
await page.ScreenshotAsync(new() { Path = output, Clip = new() { X = 0, Y = 0, Width = width, Height = (float)Math.Ceiling(bottom) + 24 } });
Console.WriteLine($"{output}: header {header.Height:0} px high at {width} px");

// RFC 6238 with SHA-1, 30-second steps, six digits: what an authenticator app shows now.
static string Totp(string base32)
{
    const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    var bits = string.Concat(base32.TrimEnd('=').Select(c => Convert.ToString(Alphabet.IndexOf(c), 2).PadLeft(5, '0')));
    var secret = Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    var counter = BitConverter.GetBytes(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
    if (BitConverter.IsLittleEndian)
    {
        Array.Reverse(counter);
    }

    var hash = HMACSHA1.HashData(secret, counter);
    var offset = hash[^1] & 0x0f;
    var code = ((hash[offset] & 0x7f) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3]) % 1_000_000;
    return code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}
