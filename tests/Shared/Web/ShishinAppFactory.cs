using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Shishin.Core.Identity;

namespace Shishin.Tests;

/// <summary>The real Shishin host on a real database of the given provider.</summary>
public class ShishinAppFactory(TestProvider provider) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "correct horse battery staple";
    public const string PublicUrl = "http://localhost/";

    // Every app's file providers (settings, content and web roots) would each hold an inotify instance, and the hosts of
    // a whole test run outgrow Linux's default of 128 per user before they are collected. Polling watchers hold none.
    static ShishinAppFactory() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");

    public TestDatabase Database { get; } = TestDatabase.Create(provider);
    public TestProvider Provider => provider;

    /// <summary>Where e-mails go while SMTP is not configured (never the checkout's data/mail/).</summary>
    public string MailPickupDirectory { get; } = Path.Combine(Path.GetTempPath(), "shishin-mail-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Database.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Security:RequireHttps", "false");
        builder.UseSetting("Security:MaxRequestBodyBytes", "65536");
        builder.UseSetting("Shishin:PublicUrl", PublicUrl);
        builder.UseSetting("Email:PickupDirectory", MailPickupDirectory);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        // Many tests sign in over and over; the rate limit tests switch limits on with their own factory.
        builder.UseSetting("RateLimiting:Enabled", "false");
        // Sample services carry entry URLs on example.jp: the uptime job must not send probes (or DNS queries) out.
        builder.UseSetting("Uptime:Enabled", "false");
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, TestRemoteAddress>());
        ConfigureMore(builder);
    }

    protected virtual void ConfigureMore(IWebHostBuilder builder)
    {
    }

    /// <summary>Most tests need setup done; the setup tests turn this off.</summary>
    protected virtual bool CompleteSetup => true;

    public const string SetupAdminEmail = "first-admin@example.jp";

    public string? SetupAdminKey { get; private set; }

    public async Task InitializeAsync()
    {
        _ = Services; // starts the host, which migrates and seeds
        if (CompleteSetup)
        {
            (_, SetupAdminKey) = await CreateUserAsync(SetupAdminEmail, [Roles.Admin], twoFactor: true);
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }

    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Creates an account directly; returns the authenticator key when two-factor is on.</summary>
    public async Task<(ShishinUser User, string? AuthenticatorKey)> CreateUserAsync(
        string email, string[] roles, bool twoFactor = false, bool active = true)
    {
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ShishinUser>>();
        var result = await accounts.CreateWithPasswordAsync(email, email.Split('@')[0], Password, roles);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        var user = (await users.FindByEmailAsync(email))!;
        string? key = null;
        if (twoFactor)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        if (!active)
        {
            await accounts.SetActiveAsync(user, false);
        }

        return (user, key);
    }

    /// <summary>Signs in through the real pages (password, then TOTP when enabled); returns a client holding the session.</summary>
    public async Task<HttpClient> SignInAsync(string email, string? authenticatorKey = null)
    {
        var client = NewClient();
        var response = await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        if (response.Headers.Location?.OriginalString.StartsWith("/account/sign-in/two-factor", StringComparison.Ordinal) == true)
        {
            Assert.NotNull(authenticatorKey);
            response = await client.PostFormAsync("/account/sign-in/two-factor", new() { ["Input.Code"] = Totp(authenticatorKey!) });
        }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("/account/sign-in", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        return client;
    }

    private static readonly Dictionary<string, long> LastTotpStep = new(StringComparer.Ordinal);

    /// <summary>
    /// The code a phone would show, for a time step not used before with this key: Shishin refuses a replayed step,
    /// and tests sign the same account in several times a minute. Steps from one before to one after now are used
    /// (Shishin accepts two either side); when they are spent, this waits for the next step.
    /// </summary>
    public static string Totp(string key)
    {
        lock (LastTotpStep)
        {
            while (true)
            {
                var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
                var next = Math.Max(now - 1, LastTotpStep.TryGetValue(key, out var last) ? last + 1 : long.MinValue);
                if (next <= now + 1)
                {
                    LastTotpStep[key] = next;
                    return new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UnixEpoch.AddSeconds(next * 30));
                }

                Thread.Sleep(TimeSpan.FromSeconds(30 - (DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 30)) + TimeSpan.FromMilliseconds(50));
            }
        }
    }
}

public sealed class SqliteAppFactory() : ShishinAppFactory(TestProvider.Sqlite);

public sealed class PostgresAppFactory() : ShishinAppFactory(TestProvider.Postgres);

/// <summary>A fresh instance where nobody has run setup yet.</summary>
public class NewInstanceFactory(TestProvider provider) : ShishinAppFactory(provider)
{
    protected override bool CompleteSetup => false;
}

public sealed class SqliteNewInstanceFactory() : NewInstanceFactory(TestProvider.Sqlite);

public sealed class PostgresNewInstanceFactory() : NewInstanceFactory(TestProvider.Postgres);

public static partial class HttpClientFormExtensions
{
    /// <summary>GETs the page, takes its antiforgery token, and POSTs the form like a browser would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, Dictionary<string, string> fields, string? formPage = null)
    {
        var token = await AntiforgeryTokenAsync(client, formPage ?? path);
        var body = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token) };
        return await client.PostAsync(path, new FormUrlEncodedContent(body));
    }

    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"No antiforgery token on {path}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
