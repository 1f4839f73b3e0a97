using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Shishin.Core.Identity;
using Shishin.Tests;
using static Shishin.Web.Tests.Admin.ServiceCsvTestSupport;

namespace Shishin.Web.Tests.Admin;

/// <summary><c>POST /api/v1/services/import</c>: authentication, media type, size, problems (422) and success.</summary>
public abstract class ServiceImportApiTests(ShishinAppFactory app)
{
    private static ByteArrayContent Csv(string text, string mediaType = "text/csv")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    [Fact]
    public async Task Import_Anonymous_Gets401()
    {
        var response = await app.NewClient().PostAsync("/api/v1/services/import", Csv(Header + "\n"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Import_Reviewer_Gets403Problem()
    {
        var client = await SessionAsync(app, Roles.Reviewer);

        var response = await client.PostAsync("/api/v1/services/import", Csv(Header + "\n"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Import_NotTextCsv_Gets415Problem()
    {
        var client = await SessionAsync(app, Roles.Admin);

        var response = await client.PostAsync("/api/v1/services/import", Csv(Header + "\n", "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Import_BodyOverFiveMegabytes_Gets413Problem()
    {
        var client = await SessionAsync(app, Roles.Admin);

        var response = await client.PostAsync("/api/v1/services/import", new ByteArrayContent(new byte[(5 * 1024 * 1024) + 1]) { Headers = { ContentType = new("text/csv") } });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Import_BadRows_Gets422ProblemWithEveryLineAndImportsNothing()
    {
        var client = await SessionAsync(app, Roles.Admin);
        var good = Unique("api-good");

        var response = await client.PostAsync("/api/v1/services/import?dryRun=false", Csv(Header + "\n" +
            $"{good},\"複数\n行\",Good,chiyoda,開発,true,web,,,,\n" +
            $"{Unique("api-bad")},名,Bad,chiyoda,開発,true,web,notaurl,,,\n"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(4, error.GetProperty("line").GetInt32());
        Assert.Equal("entry_urls", error.GetProperty("column").GetString());
        Assert.Equal("malformed-url", error.GetProperty("code").GetString());
        Assert.Equal("'notaurl' is not an absolute http(s) URL.", error.GetProperty("message").GetString());
        Assert.Null(await FindAsync(app, good));
    }

    [Fact]
    public async Task Import_DryRunThenReal_Gets200WithTheKeysAndStoresOnlyTheSecondTime()
    {
        var client = await SessionAsync(app, Roles.ServiceOwner, "minato");
        var key = Unique("api-ok");
        var text = Header + $"\n{key},港区の手続き,Minato procedure,minato,運用,true,web,,,,\n";

        var dry = await client.PostAsync("/api/v1/services/import?dryRun=true", Csv(text));
        var storedAfterDryRun = await FindAsync(app, key);
        var real = await client.PostAsync("/api/v1/services/import?dryRun=false", Csv(text + ""));

        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        using var dryJson = JsonDocument.Parse(await dry.Content.ReadAsStringAsync());
        Assert.True(dryJson.RootElement.GetProperty("dryRun").GetBoolean());
        Assert.Equal(key, dryJson.RootElement.GetProperty("created")[0].GetString());
        Assert.Null(storedAfterDryRun);
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        using var realJson = JsonDocument.Parse(await real.Content.ReadAsStringAsync());
        Assert.True(realJson.RootElement.GetProperty("applied").GetBoolean());
        Assert.Equal("港区の手続き", (await FindAsync(app, key))!.NameJa);
    }

    [Fact]
    public async Task Import_ShiftJisBodyWithCharsetParameter_IsRecognisedFromTheBytes()
    {
        var client = await SessionAsync(app, Roles.Admin);
        var key = Unique("api-sjis");
        var content = new ByteArrayContent(Encoding.GetEncoding(932).GetBytes(Header + $"\r\n{key},住民票の写し,Certificate,chiyoda,運用,true,counter,,,,\r\n"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv; charset=shift_jis");

        var response = await client.PostAsync("/api/v1/services/import", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("住民票の写し", (await FindAsync(app, key))!.NameJa);
    }

    [Fact]
    public async Task Import_DryRunNotABoolean_Gets400NamingTheField()
    {
        var client = await SessionAsync(app, Roles.Admin);

        var response = await client.PostAsync("/api/v1/services/import?dryRun=maybe", Csv(Header + "\n"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("dryRun", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class ServiceImportApiTests_Sqlite(SqliteAppFactory app) : ServiceImportApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class ServiceImportApiTests_Postgres(PostgresAppFactory app) : ServiceImportApiTests(app), IClassFixture<PostgresAppFactory>;
