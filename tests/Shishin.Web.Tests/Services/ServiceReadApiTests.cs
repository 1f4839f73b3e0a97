using System.Net;
using System.Text.Json;
using Shishin.Core.Assessments;
using Shishin.Core.Identity;
using Shishin.Core.Services;
using Shishin.Tests;

namespace Shishin.Web.Tests.Services;

/// <summary>GET /api/v1/services and /api/v1/services/{key}: pages, the list page's filters, problem details for bad values and unknown keys.</summary>
public abstract class ServiceReadApiTests(ShishinAppFactory app)
{
    [Fact]
    public async Task List_Anonymous_PagesThroughPublicServicesOnly()
    {
        // Arrange
        var samples = new RegisterSamples(app.Services);
        var (root, _) = await samples.TreeAsync();
        for (var i = 0; i < 3; i++)
        {
            await samples.ServiceAsync($"p{i}", root, nameEn: $"Public {i}");
        }

        await samples.ServiceAsync("hidden", root, isPublic: false, nameEn: "Hidden");
        var client = app.NewClient();

        // Act
        using var first = await JsonAsync(client, $"/api/v1/services?organization={samples.RootKey}&pageSize=2&sort=name");
        using var second = await JsonAsync(client, $"/api/v1/services?organization={samples.RootKey}&pageSize=2&sort=name&page=2");

        // Assert
        Assert.Equal((1, 2, 3), (first.RootElement.GetProperty("page").GetInt32(), first.RootElement.GetProperty("pageSize").GetInt32(), first.RootElement.GetProperty("total").GetInt32()));
        Assert.Equal([samples.Prefix + "-p0", samples.Prefix + "-p1"], Keys(first));
        Assert.Equal([samples.Prefix + "-p2"], Keys(second));
    }

    [Fact]
    public async Task List_Filters_SameAsTheListPage()
    {
        // Arrange
        var samples = new RegisterSamples(app.Services);
        var (root, child) = await samples.TreeAsync();
        var late = await samples.ServiceAsync("late", child, phase: ServicePhase.ServiceDesign, channel: ServiceChannel.Phone, nameJa: "電話の相談");
        var red = await samples.ServiceAsync("red", root, phase: ServicePhase.Operation, channel: ServiceChannel.App, nameJa: "アプリの申請");
        await samples.ActionAsync(late.Id, "回答を早める", overdue: true);
        await samples.AssessmentAsync(red.Id, AssessmentStatus.Published, Rag.Red);
        var client = app.NewClient();
        async Task<List<string>> Found(string query, string? organization = null)
        {
            using var json = await JsonAsync(client, $"/api/v1/services?organization={organization ?? samples.RootKey}&{query}");
            return Keys(json);
        }

        // Act and assert
        Assert.Equal([late.Key], await Found("phase=service-design"));
        Assert.Equal([late.Key], await Found("phase=" + Uri.EscapeDataString("企画-サービス立案")));
        Assert.Equal([red.Key], await Found("channel=app"));
        Assert.Equal([late.Key], await Found("overdue=true"));
        Assert.Equal([red.Key], await Found("rag=red"));
        Assert.Equal([red.Key], await Found("q=" + Uri.EscapeDataString("あぷり")));
        Assert.Equal([late.Key], await Found("", samples.ChildKey));
        Assert.Equal([red.Key, late.Key], await Found("sort=organization"));
        Assert.Empty(await Found("public=false"));
    }

    [Fact]
    public async Task List_ServiceOwner_AlsoGetsTheirInternalServiceInFull()
    {
        var samples = new RegisterSamples(app.Services);
        var (root, _) = await samples.TreeAsync();
        var partner = await samples.OrganizationAsync(samples.Prefix + "-vendor", Shishin.Core.Organizations.OrganizationKind.Partner, null);
        var service = await samples.ServiceAsync("internal", root, isPublic: false, partners: [partner], entryUrls: "https://www.example.lg.jp/a", more: s =>
            s.Kpis = [new ServiceKpi { FiscalYear = 2025, AnnualApplications = 10, DigitalApplications = 5 }]);
        var owner = await ServiceSamples.SignInAsync(app, Roles.ServiceOwner, root);

        using var json = await JsonAsync(owner, $"/api/v1/services?organization={samples.RootKey}");

        var item = json.RootElement.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(service.Key, item.GetProperty("key").GetString());
        Assert.False(item.GetProperty("public").GetBoolean());
        Assert.Equal([samples.Prefix + "-vendor"], item.GetProperty("partners").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(50m, item.GetProperty("kpis")[0].GetProperty("digitalTakeUpPercent").GetDecimal());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("kpis")[0].GetProperty("medianCompletionMinutes").ValueKind);
    }

    [Theory]
    [InlineData("organization=no-such-organisation", "organization")]
    [InlineData("phase=banana", "phase")]
    [InlineData("channel=fax", "channel")]
    [InlineData("public=yes", "public")]
    [InlineData("overdue=maybe", "overdue")]
    [InlineData("rag=purple", "rag")]
    [InlineData("sort=shoe-size", "sort")]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=-1", "pageSize")]
    public async Task List_BadValue_AnswersProblemDetailsNamingTheParameter(string query, string parameter)
    {
        using var response = await app.NewClient().GetAsync("/api/v1/services?" + query);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([parameter], json.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task List_TextTooLong_AnswersProblemDetails()
    {
        using var response = await app.NewClient().GetAsync("/api/v1/services?q=" + new string('x', ServiceQuery.MaxTextLength + 1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"q\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_PublicService_AnswersTheServiceDto()
    {
        var samples = new RegisterSamples(app.Services);
        var (root, _) = await samples.TreeAsync();
        var service = await samples.ServiceAsync("one", root, phase: ServicePhase.Requirements, channel: ServiceChannel.Counter, nameJa: "窓口の予約", nameEn: "Counter booking",
            entryUrls: "https://www.example.lg.jp/a https://www.example.lg.jp/b");

        using var json = await JsonAsync(app.NewClient(), $"/api/v1/services/{service.Key}");

        var root2 = json.RootElement;
        Assert.Equal(service.Key, root2.GetProperty("key").GetString());
        Assert.Equal("窓口の予約", root2.GetProperty("name").GetProperty("ja").GetString());
        Assert.Equal(samples.RootKey, root2.GetProperty("organization").GetString());
        Assert.Equal("requirements", root2.GetProperty("phase").GetString());
        Assert.Equal("counter", root2.GetProperty("channel").GetString());
        Assert.Equal(2, root2.GetProperty("entryUrls").GetArrayLength());
    }

    [Theory]
    [InlineData("no-such-service")]
    [InlineData("Not%20A%20Key")]
    [InlineData("%E3%81%82")]
    public async Task Get_UnknownKey_AnswersNotFoundProblem(string key)
    {
        using var response = await app.NewClient().GetAsync("/api/v1/services/" + key);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_VeryLongKey_AnswersNotFoundWithoutEchoingIt()
    {
        var key = new string('a', 2000);

        using var response = await app.NewClient().GetAsync("/api/v1/services/" + key);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(key, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_InternalService_NotFoundForAnonymousAndOtherOrganisations()
    {
        var samples = new RegisterSamples(app.Services);
        var (root, _) = await samples.TreeAsync();
        var stranger = await samples.OrganizationAsync(samples.Prefix + "-other", Shishin.Core.Organizations.OrganizationKind.Bureau, null);
        var service = await samples.ServiceAsync("secret", root, isPublic: false);
        var path = $"/api/v1/services/{service.Key}";

        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await ServiceSamples.SignInAsync(app, Roles.ServiceOwner, stranger)).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await ServiceSamples.SignInAsync(app, Roles.Reviewer, null)).GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesBothEndpointsWithExamples()
    {
        using var json = await JsonAsync(app.NewClient(), "/openapi/v1.json");

        var paths = json.RootElement.GetProperty("paths");
        var list = paths.GetProperty("/api/v1/services").GetProperty("get");
        var one = paths.GetProperty("/api/v1/services/{key}").GetProperty("get");
        Assert.Equal("ListServices", list.GetProperty("operationId").GetString());
        Assert.Equal("GetService", one.GetProperty("operationId").GetString());
        Assert.Equal("chiyoda-nursery-application",
            one.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("example").GetProperty("key").GetString());
        Assert.Equal(1, list.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("example").GetProperty("total").GetInt32());
        Assert.Contains(list.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "organization");
    }

    private static async Task<JsonDocument> JsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }

    private static List<string> Keys(JsonDocument json) =>
        [.. json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()!)];
}

public sealed class ServiceReadApiTests_Sqlite(SqliteAppFactory app) : ServiceReadApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class ServiceReadApiTests_Postgres(PostgresAppFactory app) : ServiceReadApiTests(app), IClassFixture<PostgresAppFactory>;
