using System.IO.Compression;
using System.Text.RegularExpressions;
using Shishin.Core.CitizenFeedback;
using Shishin.Tests;

namespace Shishin.Web.Tests.Feedback;

/// <summary>The served <c>/widget.js</c>: its embedded reason list, its size and the headers that let other sites embed it.</summary>
public abstract partial class WidgetScriptTests(ShishinAppFactory app)
{
    private const int GzipBudget = 15 * 1024;

    [Fact]
    public async Task Reasons_WidgetList_EqualsFeedbackReasonsAll()
    {
        // Arrange
        var script = await app.NewClient().GetStringAsync("/widget.js");
        var start = script.IndexOf("var REASONS = [", StringComparison.Ordinal);
        Assert.True(start >= 0, "widget.js has no REASONS list.");
        var list = script[start..script.IndexOf("];", start, StringComparison.Ordinal)];

        // Act
        var embedded = ReasonPattern().Matches(list)
            .Select(m => new FeedbackReason(m.Groups["code"].Value, m.Groups["ja"].Value, m.Groups["en"].Value, m.Groups["positive"].Value == "1"))
            .ToList();

        // Assert: the same codes, labels and order, so the widget can never offer a reason the API refuses.
        Assert.Equal(FeedbackReasons.All, embedded);
    }

    [Fact]
    public async Task Get_ServedFile_IsUnder15KilobytesGzipped()
    {
        // Arrange
        var bytes = await app.NewClient().GetByteArrayAsync("/widget.js");

        // Act
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            await gzip.WriteAsync(bytes);
        }

        // Assert
        Assert.True(bytes.Length > 0);
        Assert.True(compressed.Length < GzipBudget, $"widget.js is {compressed.Length} bytes gzipped ({bytes.Length} raw); the budget is {GzipBudget}.");
    }

    [Fact]
    public async Task Get_WidgetScript_IsEmbeddableByOtherOriginsAndCachedForADay()
    {
        // Arrange
        var client = app.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/widget.js");
        request.Headers.Add("Origin", "https://www.city.example.lg.jp");

        // Act
        var response = await client.SendAsync(request);

        // Assert
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("public, max-age=86400", response.Headers.CacheControl?.ToString());
        Assert.Equal("cross-origin", response.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.NotNull(response.Headers.ETag);
        // A script tag needs no CORS, and the widget's file must never set a cookie on the visitor.
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Get_OwnPage_KeepsItsOwnCachingAndNoCrossOriginResourcePolicy()
    {
        var response = await app.NewClient().GetAsync("/favicon.svg");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Cross-Origin-Resource-Policy"));
        Assert.Null(response.Headers.CacheControl);
    }

    [Theory]
    [InlineData("eval(")]
    [InlineData("new Function")]
    [InlineData("innerHTML")]
    [InlineData("outerHTML")]
    [InlineData("insertAdjacentHTML")]
    [InlineData("document.write")]
    [InlineData("localStorage")]
    [InlineData("sessionStorage")]
    [InlineData("indexedDB")]
    [InlineData("document.cookie")]
    [InlineData("XMLHttpRequest")]
    [InlineData("sendBeacon")]
    [InlineData("http://")]
    public async Task Source_WidgetScript_HasNoForbiddenConstruct(string construct)
    {
        var script = await app.NewClient().GetStringAsync("/widget.js");

        // Strings, storage and other hosts are out: the widget builds its DOM with createElement (Trusted Types, strict
        // CSP), keeps nothing on the visitor's device and talks only to the origin it was loaded from.
        Assert.DoesNotContain(construct, WithoutComments(script), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Source_WidgetScript_SendsOnlyToItsOwnOrigin()
    {
        var script = WithoutComments(await app.NewClient().GetStringAsync("/widget.js"));

        // The only network call is the one fetch to the origin of document.currentScript.src.
        Assert.Single(FetchPattern().Matches(script));
        Assert.Contains("fetch(HOST + \"/api/v1/services/\"", script, StringComparison.Ordinal);
        Assert.Contains("var HOST = new URL(script.src, location.href).origin;", script, StringComparison.Ordinal);
        Assert.Contains("credentials: \"omit\"", script, StringComparison.Ordinal);
        Assert.DoesNotContain("https:", script, StringComparison.Ordinal);
    }

    private static string WithoutComments(string script) =>
        string.Join('\n', script.Split('\n').Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal)));

    [GeneratedRegex("""\["(?<code>[^"]+)", "(?<ja>[^"]+)", "(?<en>[^"]+)", (?<positive>[01])\]""")]
    private static partial Regex ReasonPattern();

    [GeneratedRegex(@"\bfetch\(")]
    private static partial Regex FetchPattern();
}

public sealed class WidgetScriptTests_Sqlite(SqliteAppFactory app) : WidgetScriptTests(app), IClassFixture<SqliteAppFactory>;

public sealed class WidgetScriptTests_Postgres(PostgresAppFactory app) : WidgetScriptTests(app), IClassFixture<PostgresAppFactory>;
