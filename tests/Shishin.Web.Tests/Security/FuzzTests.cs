using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;
using Shishin.Tests;
using Xunit.Abstractions;

namespace Shishin.Web.Tests.Security;

/// <summary>
/// Every route of the authorisation matrix, as an anonymous visitor and as a signed-in admin, with hostile query
/// strings, path values, form bodies (with a valid antiforgery token where the page has a form, and without), JSON,
/// headers and content types. Deterministic (fixed seed) and small enough for CI; fails listing every request that
/// got a 5xx or threw.
/// </summary>
public abstract partial class FuzzTests(ShishinAppFactory app, ITestOutputHelper output)
{
    private const int Seed = 20260510;
    private const int VariantsPerRoute = 18;

    private static readonly string[] Hostile =
    [
        "'", "\"", "';--", "\" OR 1=1 --", "<script>alert(1)</script>", "{{7*7}}", "${jndi:ldap://x/a}", "%s%s%n",
        "\0", "a\0b", "\t", "\r\n", "\u001b[31m", "\u007f", "\u2028", "\u202e", "\ufeff", "\ud800", "\udfff", "😀",
        "../../etc/passwd", "..\\..\\windows", "//evil.example/", "\\\\evil.example", "javascript:alert(1)", "/\t/evil.example",
        "9999-12-31", "0001-01-01", "-1", "0", "2147483648", "-2147483649", "99999999999999999999999", "1e309", "NaN", "-0",
        "true", "null", "[]", "{}", "00000000-0000-0000-0000-000000000000", "not-a-guid", "1.0.0-", "999.999.999",
        "CON", ".", "~", " ", "", new string('A', 5000), new string('あ', 3000),
    ];

    // Raw (already encoded) values: invalid and overlong UTF-8, broken escapes.
    private static readonly string[] RawEncoded =
        ["%FF", "%FE%FF", "%C0%AE", "%C0%AF", "%E0%80%AF", "%ED%A0%80", "%F4%90%80%80", "%E2%82", "%", "%zz", "%%", "%00", "%0d%0a", "%25%30%30", "+%2B+"];

    private static readonly string[] ParameterNames =
    [
        "returnUrl", "ReturnUrl", "handler", "culture", "pageNumber", "page", "q", "version", "from", "to", "mapping", "Mapping",
        "Filter.From", "Filter.To", "Filter.Actor", "Filter.EntityType", "Filter.EntityId", "lang", "format", "state", "phase",
        "type", "id", "key", "token", "code", "Input.Email", "Input.Password", "Input.Code", "Access.Roles", "Access.OrganizationIds",
    ];

    private static readonly HttpMethod[] BodyMethods = [HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete];

    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/json", "application/xml", "multipart/form-data", "multipart/form-data; boundary=",
        "multipart/form-data; boundary=zzz", "application/x-www-form-urlencoded; charset=gopher", "a/b/c;;;", "*/*", "\u00e9/\u00e9",
        "application/x-www-form-urlencoded; charset=utf-7",
    ];

    private static readonly (string Name, string Value)[] HostileHeaders =
    [
        ("Accept-Language", "*;q=abc"), ("Accept-Language", "ja;q=2, en;q=-1"), ("Accept-Language", new string('x', 5000)),
        ("Accept-Language", "zz-ZZ-u-ca-gregory-x-\u00e9"), ("Accept-Language", ",,,;;;"),
        ("Cookie", ".AspNetCore.Culture=c=%00|uic=%FF"), ("Cookie", ".AspNetCore.Culture=" + new string('|', 3000)),
        ("Cookie", "__Host-shishin=garbage; shishin=garbage; .AspNetCore.Identity.Application=%%%"),
        ("Cookie", "shishin-af=x; __Host-shishin-af=\"\"; .AspNetCore.Antiforgery.x=;;;"), ("Cookie", "a=" + new string('b', 6000)),
        ("Accept", "application/json;q=x"), ("Accept", "text/html, */*;q=0.1, \u00e9"), ("Accept-Encoding", "gzip;q=2, br;q=NaN"),
        ("If-None-Match", "\"\0\""), ("If-Modified-Since", "yesterday"), ("If-Range", "W/"), ("Range", "bytes=abc-"),
        ("Range", "bytes=999999999999999999999-"), ("X-Forwarded-For", "not-an-ip, ::ffff:999.1.1.1"), ("X-Forwarded-Host", "evil.example"),
        ("X-Forwarded-Proto", "gopher"), ("Forwarded", "for=\"[::1\";proto=gopher"), ("X-Real-IP", "127.0.0.1"),
        ("Authorization", "Bearer \u007f"), ("Authorization", "Basic !!!"), ("Origin", "null"), ("Referer", "javascript:alert(1)"),
        ("X-HTTP-Method-Override", "DELETE"), ("Content-Language", "\u0001"), ("User-Agent", new string('U', 8000)),
    ];

    [Fact]
    public async Task Fuzz_EveryRouteWithHostileInput_NeverAnswers5xx()
    {
        var random = new Random(Seed);
        var samples = await SamplesAsync();
        var clients = new (string Name, HttpClient Client)[]
        {
            ("anonymous", app.NewClient()),
            ("admin", await HostileInputTests.SignInNewAdminAsync(app, app.NewClient())),
        };
        var failures = new List<string>();
        var count = 0;

        async Task SendAsync(string who, HttpClient client, Func<HttpRequestMessage> build, string variant)
        {
            count++;
            HttpRequestMessage? request = null;
            try
            {
                request = build();
                using var response = await client.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{who} {request.Method} {Shorten(request.RequestUri)} [{variant}] -> {(int)response.StatusCode}");
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures.Add($"{who} {request?.Method} {Shorten(request?.RequestUri)} [{variant}] -> {e.GetType().Name}: {Shorten(e.Message)}");
            }
        }

        foreach (var row in Access.Table)
        {
            var path = samples(row.Sample);
            foreach (var (who, client) in clients)
            {
                var method = new HttpMethod(row.Method);
                // The page as a browser gets it: its antiforgery token and the names of its fields, when it has a form.
                var (token, fields) = await FormOfAsync(client, path, row.Method);
                count++;
                // Ending or changing the fuzzing admin's own session (sign-out, sign out everywhere, two-step) would leave
                // the rest of the run anonymous: those rows are marked Fresh in the matrix.
                var mayPostWithToken = token is not null && !row.Fresh;

                for (var i = 0; i < VariantsPerRoute; i++)
                {
                    var kind = i % 6;
                    var (build, variant) = kind switch
                    {
                        0 => (() => new HttpRequestMessage(method, WithQuery(path, HostileQuery(random, 1 + random.Next(4)))), "query"),
                        1 => (() => new HttpRequestMessage(method, HostileSegment(random, path)), "path value"),
                        2 => Header(random, method, path),
                        3 => Form(random, path, fields, mayPostWithToken ? token : null),
                        4 => Form(random, path, fields, null),
                        _ => Body(random, BodyMethods[random.Next(BodyMethods.Length)], path),
                    };
                    await SendAsync(who, client, build, variant);
                }

                // Once per route and visitor: 5,000 parameters in the query and in a form, and a declared absurd length.
                var many = string.Join('&', Enumerable.Range(0, 5000).Select(n => $"p{n}=x"));
                await SendAsync(who, client, () => new HttpRequestMessage(method, WithQuery(path, many)), "5000 query parameters");
                await SendAsync(who, client, () => new HttpRequestMessage(HttpMethod.Post, path) { Content = FormContent(many + Token(mayPostWithToken ? token : null)) }, "5000 form fields");
                await SendAsync(who, client, () =>
                {
                    var content = new ByteArrayContent("a=b"u8.ToArray());
                    content.Headers.ContentLength = long.MaxValue;
                    content.Headers.ContentType = new("application/x-www-form-urlencoded");
                    return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
                }, "absurd Content-Length");
            }
        }

        output.WriteLine($"{app.Provider}: {count} requests, {failures.Count} answered 5xx or threw.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} requests answered 5xx or threw:\n" + string.Join('\n', failures));
    }

    private async Task<Func<string, string>> SamplesAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = (await scope.ServiceProvider.GetRequiredService<UserAdministrationService>().ListAsync()).First(u => u.Email == ShishinAppFactory.SetupAdminEmail).Id;
        var organization = (await scope.ServiceProvider.GetRequiredService<OrganizationService>().ListAsync()).First(o => o.Key == "chiyoda").Id;
        return sample => sample.Replace("{admin}", admin.ToString(), StringComparison.Ordinal)
            .Replace("{organization}", organization.ToString(), StringComparison.Ordinal)
            .Replace("{proposal}", Guid.Empty.ToString(), StringComparison.Ordinal);
    }

    private static async Task<(string? Token, IReadOnlyList<string> Fields)> FormOfAsync(HttpClient client, string path, string method)
    {
        // A POST-only route's form is on the home page (the language switch).
        using var response = await client.GetAsync(method == "POST" ? "/" : path);
        var html = await response.Content.ReadAsStringAsync();
        var token = TokenPattern().Match(html);
        var fields = FieldPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(n => n != "__RequestVerificationToken").Distinct().ToList();
        return (token.Success ? WebUtility.HtmlDecode(token.Groups[1].Value) : null, fields);
    }

    private static string HostileValue(Random random) =>
        random.Next(3) == 0 ? RawEncoded[random.Next(RawEncoded.Length)] + RawEncoded[random.Next(RawEncoded.Length)] : Escape(Hostile[random.Next(Hostile.Length)]);

    // Escapes what HttpClient would refuse to send, keeps lone surrogates as their (invalid) UTF-8 escapes.
    private static string Escape(string value)
    {
        var builder = new StringBuilder();
        foreach (var c in value)
        {
            if (char.IsSurrogate(c))
            {
                builder.Append(char.IsHighSurrogate(c) ? "%ED%A0%80" : "%ED%B0%80");
            }
            else
            {
                builder.Append(Uri.EscapeDataString(c.ToString()));
            }
        }

        return builder.ToString();
    }

    private static string HostileQuery(Random random, int count) =>
        string.Join('&', Enumerable.Range(0, count).Select(_ =>
            (random.Next(4) == 0 ? HostileValue(random) : Uri.EscapeDataString(ParameterNames[random.Next(ParameterNames.Length)])) + "=" + HostileValue(random)));

    private static string WithQuery(string path, string query) => path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;

    private static string HostileSegment(Random random, string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var bare = query < 0 ? path : path[..query];
        var cut = bare.LastIndexOf('/');
        // The test server throws on a NUL in the path before the app sees it (Kestrel answers 400, see KestrelTests).
        var value = HostileValue(random).Replace("%00", "%01", StringComparison.Ordinal);
        // A value without a slash stays one segment; the rest of the path stays the route's own.
        return bare[..(cut + 1)] + (value.Length == 0 ? "%20" : value.Replace("/", "%2F", StringComparison.Ordinal)) + (query < 0 ? "" : path[query..]);
    }

    private static (Func<HttpRequestMessage>, string) Header(Random random, HttpMethod method, string path)
    {
        var (name, value) = HostileHeaders[random.Next(HostileHeaders.Length)];
        return (() =>
        {
            var request = new HttpRequestMessage(method, path);
            if (name == "Content-Language")
            {
                request.Content = new StringContent("");
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            return request;
        }, $"header {name}");
    }

    private static (Func<HttpRequestMessage>, string) Form(Random random, string path, IReadOnlyList<string> fields, string? token)
    {
        var names = fields.Count > 0 && random.Next(4) != 0 ? fields : ParameterNames;
        var body = string.Join('&', names.Select(n => Uri.EscapeDataString(n) + "=" + HostileValue(random)));
        if (random.Next(5) == 0)
        {
            body += "&" + HostileValue(random) + "=" + HostileValue(random);
        }

        return (() => new HttpRequestMessage(HttpMethod.Post, path) { Content = FormContent(body + Token(token)) }, token is null ? "form without token" : "form with token");
    }

    private static string Token(string? token) => token is null ? "" : "&__RequestVerificationToken=" + Uri.EscapeDataString(token);

    private static ByteArrayContent FormContent(string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        return content;
    }

    private static (Func<HttpRequestMessage>, string) Body(Random random, HttpMethod method, string path)
    {
        var choice = random.Next(7);
        var (bytes, type, variant) = choice switch
        {
            0 => (Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)), "application/json", "deeply nested JSON"),
            1 => (Encoding.UTF8.GetBytes("{\"a\":\"" + new string('x', 60_000) + "\"}"), "application/json", "huge JSON"),
            2 => (Encoding.UTF8.GetBytes("{\"a\":" + new string('1', 200_000) + "}"), "application/json", "JSON over the limit"),
            3 => (new byte[] { 0x7B, 0x22, 0xC0, 0xAF, 0x22, 0x3A, 0xFF, 0x00, 0x7D }, "application/json", "invalid UTF-8 JSON"),
            4 => (Encoding.UTF8.GetBytes("{\"key\":\"\\u0000\\ud800\",\"kind\":\"'\\\"\",\"n\":1e999}"), "application/json", "hostile JSON"),
            5 => (Encoding.UTF8.GetBytes("--zzz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\0\r\n--zz"), ContentTypes[random.Next(ContentTypes.Length)], "wrong content type"),
            _ => (new byte[] { 0x61, 0x3D, 0xFF, 0xFE, 0x26, 0x00, 0x3D, 0x25 }, ContentTypes[random.Next(ContentTypes.Length)], "binary body"),
        };
        return (() =>
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.TryAddWithoutValidation("Content-Type", type);
            return new HttpRequestMessage(method, path) { Content = content };
        }, variant);
    }

    private static string Shorten(object? value)
    {
        var text = value?.ToString() ?? "";
        return text.Length > 160 ? text[..160] + "…" : text;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<(?:input|select|textarea)[^>]*\\sname=\"([^\"]+)\"")]
    private static partial Regex FieldPattern();
}

public sealed class FuzzTests_Sqlite(SqliteAppFactory app, ITestOutputHelper output) : FuzzTests(app, output), IClassFixture<SqliteAppFactory>;

public sealed class FuzzTests_Postgres(PostgresAppFactory app, ITestOutputHelper output) : FuzzTests(app, output), IClassFixture<PostgresAppFactory>;
