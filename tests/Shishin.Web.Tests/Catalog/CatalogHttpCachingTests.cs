using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Auditing;
using Shishin.Core.Catalog;
using Shishin.Core.Identity;
using Shishin.Tests;

namespace Shishin.Web.Tests.Catalog;

/// <summary>
/// HTTP caching of the public catalogue (issue 10, point 14; ADR 0013): strong ETags, 304, Cache-Control, compression
/// of the API, and the server's output cache, which serves anonymous visitors only and never hands one visitor's
/// antiforgery token to another.
/// </summary>
public abstract class CatalogHttpCachingTests(ShishinAppFactory app)
{
    private const string Current = "/api/v1/catalog";
    private const string Version100 = "/api/v1/catalog/versions/1.0.0";

    [Fact]
    public async Task CatalogApi_SameVersion_HasOneStableStrongETag()
    {
        var client = app.NewClient();

        using var first = await client.GetAsync(Version100);
        using var second = await client.GetAsync(Version100);
        using var current = await client.GetAsync(Current);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(first.Headers.ETag);
        Assert.False(first.Headers.ETag!.IsWeak);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal("public, max-age=86400", CacheControl(first));
        Assert.NotNull(second.Headers.Age); // the second answer came from the output cache
        Assert.Equal("public, no-cache", CacheControl(current));
        Assert.NotNull(current.Headers.ETag);
    }

    [Fact]
    public async Task CatalogApi_IfNoneMatch_Answers304WithoutBody()
    {
        var anonymous = app.NewClient();
        using var fresh = await anonymous.GetAsync(Version100);
        var tag = fresh.Headers.ETag!;
        // The admin is never served from the output cache, so this also checks the path that renders the answer.
        var admin = await AdminAsync();

        foreach (var client in new[] { anonymous, admin })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Version100);
            request.Headers.IfNoneMatch.Add(tag);
            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(tag, response.Headers.ETag);
        }

        using var other = new HttpRequestMessage(HttpMethod.Get, Version100);
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        using var changed = await anonymous.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task CatalogApi_AcceptEncoding_IsCompressedWithItsOwnETag(string encoding)
    {
        var client = app.NewClient();
        using var plain = await client.GetAsync(Version100);
        var expected = await plain.Content.ReadAsByteArrayAsync();

        for (var i = 0; i < 2; i++) // rendered, then from the output cache
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Version100);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            using var response = await client.SendAsync(request);
            var compressed = await response.Content.ReadAsByteArrayAsync();

            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            Assert.True(compressed.Length < expected.Length / 2, $"{compressed.Length} bytes compressed against {expected.Length}");
            Assert.Equal(expected, Decompress(compressed, encoding));
            Assert.NotNull(response.Headers.ETag);
            Assert.NotEqual(plain.Headers.ETag, response.Headers.ETag);
        }
    }

    [Fact]
    public async Task CatalogApi_Draft_IsPrivateAndWithoutETag()
    {
        await WithCatalogAsync(async c =>
        {
            if (await c.GetDraftAsync() is null)
            {
                await c.CreateDraftAsync();
            }
        });
        var admin = await AdminAsync();

        using var draft = await admin.GetAsync("/api/v1/catalog/versions/draft");
        using var versions = await admin.GetAsync("/api/v1/catalog/versions");

        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        Assert.Contains("no-store", CacheControl(draft), StringComparison.Ordinal);
        Assert.Null(draft.Headers.ETag);
        Assert.Contains("no-store", CacheControl(versions), StringComparison.Ordinal); // the list shows the draft to admins
        Assert.Null(versions.Headers.ETag);
    }

    [Fact]
    public async Task Current_NewVersionPublished_ChangesETagAndContentAtOnce()
    {
        var client = app.NewClient();
        using var before = await client.GetAsync(Current);
        using var beforeAgain = await client.GetAsync(Current);
        var page = await client.GetStringAsync("/catalog");
        Assert.NotNull(beforeAgain.Headers.Age); // cached, so a stale cache would show
        var oldVersion = CatalogJson.Deserialize(await before.Content.ReadAsStringAsync()).Version;

        var published = await WithCatalogAsync(async c =>
        {
            var highest = (await c.ListVersionsAsync()).Where(v => v.Version is not null).Max(v => SemanticVersion.TryParse(v.Version, out var s) ? s : default);
            var draft = await c.GetDraftAsync() ?? await c.CreateDraftAsync();
            return (await c.PublishAsync(draft.Revision, new SemanticVersion(highest.Major, highest.Minor + 1, 0).ToString(), new("キャッシュ試験", "Cache test"))).Label;
        });

        using var request = new HttpRequestMessage(HttpMethod.Get, Current);
        request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var after = await client.SendAsync(request);
        var afterPage = await client.GetStringAsync("/catalog");

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Equal(published, CatalogJson.Deserialize(await after.Content.ReadAsStringAsync()).Version);
        Assert.NotEqual(oldVersion, published);
        Assert.Contains(published, afterPage, StringComparison.Ordinal);
        Assert.NotEqual(page, afterPage);
        using var old = await client.GetAsync($"/api/v1/catalog/versions/{oldVersion}");
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
    }

    [Fact]
    public async Task CatalogPage_Anonymous_IsCachedButEachVisitorGetsTheirOwnToken()
    {
        var first = app.NewClient();
        var second = app.NewClient();

        await first.GetAsync("/catalog/principles/3");
        using var fromCache = await first.GetAsync("/catalog/principles/3");
        using var forSecond = await second.GetAsync("/catalog/principles/3");
        var firstToken = Token(await fromCache.Content.ReadAsStringAsync());
        var secondToken = Token(await forSecond.Content.ReadAsStringAsync());

        Assert.NotNull(fromCache.Headers.Age);
        Assert.NotNull(forSecond.Headers.Age);
        Assert.Equal("private, no-cache", CacheControl(fromCache));
        Assert.False(fromCache.Headers.Contains("Pragma"));
        Assert.Null(fromCache.Content.Headers.ContentEncoding.FirstOrDefault());
        Assert.NotEqual(firstToken, secondToken);
        Assert.Equal(HttpStatusCode.Redirect, (await SwitchLanguageAsync(first, firstToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SwitchLanguageAsync(second, secondToken)).StatusCode);
        // A token is worth nothing with another visitor's cookies (a page form, whose refusal is a 400).
        var stranger = app.NewClient();
        await stranger.GetAsync("/catalog/principles/3");
        using var borrowed = await stranger.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "nobody@example.jp",
            ["Input.Password"] = "wrong",
            ["__RequestVerificationToken"] = firstToken,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, borrowed.StatusCode);
    }

    [Fact]
    public async Task CatalogPage_IfNoneMatch_Answers304ToTheSameVisitorOnly()
    {
        var visitor = app.NewClient();
        using var page = await visitor.GetAsync("/catalog/themes/UX");
        var tag = page.Headers.ETag!;
        var stranger = app.NewClient();
        await stranger.GetAsync("/catalog/themes/UX"); // the stranger has an antiforgery cookie of their own

        using var again = new HttpRequestMessage(HttpMethod.Get, "/catalog/themes/UX");
        again.Headers.IfNoneMatch.Add(tag);
        using var notModified = await visitor.SendAsync(again);
        using var borrowed = new HttpRequestMessage(HttpMethod.Get, "/catalog/themes/UX");
        borrowed.Headers.IfNoneMatch.Add(tag);
        using var full = await stranger.SendAsync(borrowed);

        Assert.False(tag.IsWeak);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Contains("__RequestVerificationToken", await full.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CatalogPage_SignedIn_NeverServedFromOrIntoTheAnonymousCache()
    {
        var email = $"reader-{Guid.NewGuid():N}@example.jp";
        await app.CreateUserAsync(email, [Roles.Reviewer]);
        var name = email.Split('@')[0];
        var anonymous = app.NewClient();
        await anonymous.GetAsync("/catalog/print");
        var user = await app.SignInAsync(email);

        using var signedIn = await user.GetAsync("/catalog/print");
        var signedInHtml = await signedIn.Content.ReadAsStringAsync();
        using var anonymousAgain = await anonymous.GetAsync("/catalog/print");
        var anonymousHtml = await anonymousAgain.Content.ReadAsStringAsync();

        Assert.Null(signedIn.Headers.Age);
        Assert.Contains(name, signedInHtml, StringComparison.Ordinal);
        Assert.Contains("no-store", CacheControl(signedIn), StringComparison.Ordinal);
        Assert.Null(signedIn.Headers.ETag);
        Assert.NotNull(anonymousAgain.Headers.Age);
        Assert.DoesNotContain(name, anonymousHtml, StringComparison.Ordinal);
        Assert.Contains("/account/sign-in", anonymousHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CatalogPage_Language_IsPartOfTheKey()
    {
        var japanese = app.NewClient();
        var english = app.NewClient();
        english.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));

        await japanese.GetAsync("/catalog/checkpoints/P3-01");
        var ja = await japanese.GetStringAsync("/catalog/checkpoints/P3-01");
        var en = await english.GetStringAsync("/catalog/checkpoints/P3-01");

        Assert.Contains("<html lang=\"ja\">", ja, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", en, StringComparison.Ordinal);
    }

    // One admin session per app: a TOTP code signs in once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ShishinAppFactory, Lazy<Task<HttpClient>>> Admins = new();

    private Task<HttpClient> AdminAsync() =>
        Admins.GetOrAdd(app, _ => new Lazy<Task<HttpClient>>(() => app.SignInAsync(ShishinAppFactory.SetupAdminEmail, app.SetupAdminKey))).Value;

    // As sent, not as HttpClient re-serialises it.
    private static string CacheControl(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("Cache-Control", out var values) ? values.ToString() : "";

    private static string Token(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(match.Success, "The page has no antiforgery token.");
        Assert.DoesNotContain("shishin-token-", match.Groups[1].Value, StringComparison.Ordinal);
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static Task<HttpResponseMessage> SwitchLanguageAsync(HttpClient client, string token) =>
        client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en",
            ["returnUrl"] = "/catalog",
            ["__RequestVerificationToken"] = token,
        }));

    private static byte[] Decompress(byte[] data, string encoding)
    {
        using var input = new MemoryStream(data);
        using Stream stream = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }

    private async Task<T> WithCatalogAsync<T>(Func<CatalogService, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "cache test";
        return await action(scope.ServiceProvider.GetRequiredService<CatalogService>());
    }

    private async Task WithCatalogAsync(Func<CatalogService, Task> action) => await WithCatalogAsync<bool>(async c =>
    {
        await action(c);
        return true;
    });
}

public sealed class CatalogHttpCachingTests_Sqlite(SqliteAppFactory app) : CatalogHttpCachingTests(app), IClassFixture<SqliteAppFactory>;

public sealed class CatalogHttpCachingTests_Postgres(PostgresAppFactory app) : CatalogHttpCachingTests(app), IClassFixture<PostgresAppFactory>;
