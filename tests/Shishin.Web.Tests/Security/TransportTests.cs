using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shishin.Tests;

namespace Shishin.Web.Tests.Security;

/// <summary>The app as production runs it: Kestrel on a plain-HTTP loopback port, with or without RequireHttps.</summary>
public class KestrelAppFactory(TestProvider provider, bool requireHttps) : ShishinAppFactory(provider)
{
    public LogCollector Logs { get; } = new();

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        UseKestrel(0);
        builder.UseEnvironment("Production");
        builder.UseSetting("Security:RequireHttps", requireHttps ? "true" : "false");
        // As behind a reverse proxy on the same host: its X-Forwarded-Proto is believed.
        builder.UseSetting("ForwardedHeaders:KnownProxies:0", "127.0.0.1");
        builder.UseSetting("ForwardedHeaders:KnownProxies:1", "::1");
        builder.ConfigureLogging(l => l.AddProvider(Logs));
    }

    /// <summary>A client of the real socket, without cookies or redirects.</summary>
    public HttpClient SocketClient()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(address) };
    }
}

public sealed class HttpsOnlySqliteFactory() : KestrelAppFactory(TestProvider.Sqlite, requireHttps: true);

public sealed class HttpsOnlyPostgresFactory() : KestrelAppFactory(TestProvider.Postgres, requireHttps: true);

public sealed class PlainSqliteFactory() : KestrelAppFactory(TestProvider.Sqlite, requireHttps: false);

public sealed class PlainPostgresFactory() : KestrelAppFactory(TestProvider.Postgres, requireHttps: false);

public sealed class LogCollector : ILoggerProvider, ILogger
{
    public ConcurrentQueue<string> Warnings { get; } = new();

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Warnings.Enqueue(exception is null ? formatter(state, exception) : $"{formatter(state, exception)} {exception}");
        }
    }

    public void Dispose()
    {
    }
}

/// <summary>Security:RequireHttps on a server that serves only plain HTTP: an explanation, never a 500.</summary>
public abstract class HttpsRequirementTests(KestrelAppFactory app)
{
    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/account/sign-in")]
    [InlineData("POST", "/account/sign-in")]
    [InlineData("POST", "/culture")]
    [InlineData("GET", "/no/such/page")]
    [InlineData("GET", "/api/v1/organizations")]
    public async Task PlainHttp_RequireHttpsWithoutTls_Gets400PageInBothLanguages(string method, string path)
    {
        using var client = app.SocketClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? new FormUrlEncodedContent([new("culture", "en")]) : null,
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("このサービスは HTTPS でのみ利用できます。", html, StringComparison.Ordinal);
        Assert.Contains("This service works over HTTPS only.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_OverPlainHttp_StillAnswers(string path)
    {
        using var client = app.SocketClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Startup_RequireHttpsWithoutHttpsEndpoint_LogsWhatIsMisconfigured()
    {
        using var client = app.SocketClient();
        await client.GetAsync("/");

        Assert.Contains(app.Logs.Warnings, w =>
            w.StartsWith("Security:RequireHttps is true but this server listens only on http://127.0.0.1:", StringComparison.Ordinal) &&
            w.Contains("X-Forwarded-Proto: https", StringComparison.Ordinal));
        Assert.Contains(app.Logs.Warnings, w => w.StartsWith("Refused a request with scheme 'http'", StringComparison.Ordinal));
    }
}

public sealed class HttpsRequirementTests_Sqlite(HttpsOnlySqliteFactory app) : HttpsRequirementTests(app), IClassFixture<HttpsOnlySqliteFactory>;

public sealed class HttpsRequirementTests_Postgres(HttpsOnlyPostgresFactory app) : HttpsRequirementTests(app), IClassFixture<HttpsOnlyPostgresFactory>;

/// <summary>What only a real Kestrel shows: its limits and its headers.</summary>
public abstract class KestrelTests(KestrelAppFactory app)
{
    [Theory]
    [InlineData("/account/sign-in", 2 * 1024 * 1024)]
    [InlineData("/account/sign-in", 10 * 1024 * 1024)]
    [InlineData("/admin/users/invite", 2 * 1024 * 1024)]
    [InlineData("/culture", 2 * 1024 * 1024)]
    public async Task Post_BodyOverTheLimit_Gets413Page(string path, int size)
    {
        // Over a raw socket: the server answers as soon as it has the headers and may close before a large body is
        // sent, which HttpClient reports as a broken pipe instead of the answer.
        using var client = app.SocketClient();
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(client.BaseAddress!.Host, client.BaseAddress.Port);
        var stream = tcp.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
                   $"Content-Length: {size}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(new byte[16 * 1024]);

        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var answer = await reader.ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 413 ", answer, StringComparison.Ordinal);
        Assert.Contains("送信されたデータが大きすぎます", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverTheLimit_Gets413Page()
    {
        using var client = app.SocketClient();
        using var content = new StreamContent(new MemoryStream(new byte[200 * 1024]));
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("送信されたデータが大きすぎます", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/organizations/%00")]
    [InlineData("/catalog/a%00b")]
    public async Task Path_WithEncodedNul_Gets400(string path)
    {
        using var client = app.SocketClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Response_FromKestrel_HasNoServerHeader()
    {
        using var client = app.SocketClient();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.Server);
    }

    [Theory]
    [InlineData("gopher")]
    [InlineData("javascript")]
    public async Task ForwardedProto_UnknownScheme_Gets400Page(string scheme)
    {
        using var client = app.SocketClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", scheme);

        using var response = await client.SendAsync(request);

        // Loopback is a known proxy here (KestrelAppFactory), so the forwarded scheme becomes the request's scheme.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("X-Forwarded-Proto", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class KestrelTests_Sqlite(PlainSqliteFactory app) : KestrelTests(app), IClassFixture<PlainSqliteFactory>;

public sealed class KestrelTests_Postgres(PlainPostgresFactory app) : KestrelTests(app), IClassFixture<PlainPostgresFactory>;
