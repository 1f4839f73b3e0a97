using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Shishin.Core.Identity;
using Shishin.Tests;

namespace Shishin.Web.Tests.Services;

/// <summary>POST and PUT under /api/v1/services with a signed-in session: status codes, problem details and conflicts.</summary>
public abstract class ServiceWriteApiTests(ShishinAppFactory app)
{
    private static object Body(string key, string organization = "chiyoda", string nameJa = "住民票の写しの請求", int? revision = null, string channel = "web") => new
    {
        key,
        name = new { ja = nameJa, en = "Certificate of residence request" },
        description = new { ja = "", en = "" },
        organization,
        partners = Array.Empty<string>(),
        entryUrls = new[] { "https://www.city.chiyoda.lg.jp/juminhyo" },
        audience = "区民",
        channel,
        @public = true,
        phase = "運用",
        revision,
    };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    private static async Task<string[]> ErrorFieldsAsync(HttpResponseMessage response) =>
        [.. (await JsonAsync(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Create_ServiceOwnerInOwnOrganisation_Answers201WithLocationAndTheService()
    {
        var owner = await ServiceSamples.OwnerOfAsync(app, "chiyoda");
        var key = ServiceSamples.NewKey();

        var response = await owner.PostAsJsonAsync("/api/v1/services", Body(key));
        var json = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/services/{key}", response.Headers.Location!.OriginalString);
        Assert.Equal((key, "chiyoda", "operation", 1), (json.GetProperty("key").GetString(), json.GetProperty("organization").GetString(),
            json.GetProperty("phase").GetString(), json.GetProperty("revision").GetInt32()));
    }

    [Fact]
    public async Task Create_BadFields_Answers400NamingEachJsonField()
    {
        var owner = await ServiceSamples.OwnerOfAsync(app, "chiyoda");

        var response = await owner.PostAsJsonAsync("/api/v1/services", Body("Not A Key", nameJa: "", channel: "fax"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["channel", "key", "name.ja"], await ErrorFieldsAsync(response));
    }

    [Theory]
    [InlineData("{ \"key\": \"broken", "key")]
    [InlineData("{ \"key\": ", "key")]
    [InlineData("[1, 2]", "body")]
    [InlineData("{ \"key\": \"svc-x\", \"public\": \"yes\" }", "public")]
    [InlineData("{ \"key\": \"svc-x\", \"partners\": [1] }", "partners[0]")]
    [InlineData("", "body")]
    [InlineData("null", "body")]
    public async Task Create_MalformedJson_Answers400NamingTheField(string body, string field)
    {
        var owner = await ServiceSamples.OwnerOfAsync(app, "chiyoda");

        var response = await owner.PostAsync("/api/v1/services", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await ErrorFieldsAsync(response));
    }

    [Fact]
    public async Task Create_FormBody_Answers415()
    {
        var owner = await ServiceSamples.OwnerOfAsync(app, "chiyoda");

        var response = await owner.PostAsync("/api/v1/services", new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = "svc-form" }));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Create_NoRightThere_Answers403AndAnonymous401()
    {
        var owner = await ServiceSamples.OwnerOfAsync(app, "chiyoda");
        var reviewer = await app.SignInAsync(await ServiceSamples.UserAsync(app, Roles.Reviewer));

        var elsewhere = await owner.PostAsJsonAsync("/api/v1/services", Body(ServiceSamples.NewKey(), organization: "minato"));
        var byReviewer = await reviewer.PostAsJsonAsync("/api/v1/services", Body(ServiceSamples.NewKey()));
        var anonymous = await app.NewClient().PostAsJsonAsync("/api/v1/services", Body(ServiceSamples.NewKey()));
        var anonymousPut = await app.NewClient().PutAsJsonAsync("/api/v1/services/no-such-service", Body("no-such-service", revision: 1));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized),
            (elsewhere.StatusCode, byReviewer.StatusCode, anonymous.StatusCode, anonymousPut.StatusCode));
        Assert.Equal("application/problem+json", anonymousPut.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Update_FromAStaleRevision_Answers409WithTheCurrentService()
    {
        var key = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: false);
        var owner = await ServiceSamples.OwnerOfAsync(app, "chiyoda");

        var first = await owner.PutAsJsonAsync($"/api/v1/services/{key}", Body(key, nameJa: "一人目の変更", revision: 1));
        var second = await owner.PutAsJsonAsync($"/api/v1/services/{key}", Body(key, nameJa: "二人目の変更", revision: 1));
        var current = (await JsonAsync(second)).GetProperty("current");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(2, (await JsonAsync(first)).GetProperty("revision").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(("一人目の変更", 2), (current.GetProperty("name").GetProperty("ja").GetString(), current.GetProperty("revision").GetInt32()));
        Assert.Equal("一人目の変更", (await ServiceSamples.FindAsync(app, key)).NameJa);
    }

    [Fact]
    public async Task Update_WithoutRevisionOrWithAnotherKey_Answers400()
    {
        var key = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: true);
        var owner = await ServiceSamples.OwnerOfAsync(app, "chiyoda");

        var response = await owner.PutAsJsonAsync($"/api/v1/services/{key}", Body("another-key"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["key", "revision"], await ErrorFieldsAsync(response));
    }

    [Fact]
    public async Task Update_ServicesOfOthers_HiddenAndUnknownAre404AndVisibleIs403()
    {
        var hidden = await ServiceSamples.CreateAsync(app, "minato", isPublic: false);
        var visible = await ServiceSamples.CreateAsync(app, "minato", isPublic: true);
        var owner = await ServiceSamples.OwnerOfAsync(app, "chiyoda");

        var onHidden = await owner.PutAsJsonAsync($"/api/v1/services/{hidden}", Body(hidden, "minato", revision: 1));
        var onUnknown = await owner.PutAsJsonAsync("/api/v1/services/no-such-service", Body("no-such-service", revision: 1));
        var onVisible = await owner.PutAsJsonAsync($"/api/v1/services/{visible}", Body(visible, "minato", revision: 1));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Forbidden), (onHidden.StatusCode, onUnknown.StatusCode, onVisible.StatusCode));
        Assert.Equal("application/problem+json", onHidden.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task OpenApi_WriteEndpoints_DescribeTheirJsonBodyAndAnswers()
    {
        var document = await JsonAsync(await app.NewClient().GetAsync("/openapi/v1.json"));
        var paths = document.GetProperty("paths");

        foreach (var (path, method, answers) in new[]
        {
            ("/api/v1/services", "post", new[] { "201", "400", "403" }),
            ("/api/v1/services/{key}", "put", new[] { "200", "400", "403", "404", "409" }),
            ("/api/v1/services/{key}/kpis/{fiscalYear}", "put", new[] { "200", "400", "403", "404", "409" }),
        })
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            Assert.True(operation.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _), path);
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
            Assert.All(answers, code => Assert.True(operation.GetProperty("responses").TryGetProperty(code, out _), $"{method} {path} {code}"));
        }
    }

    [Fact]
    public async Task SaveKpi_NewYearThenStaleAndBadFigures_Answers200Then409And400()
    {
        var key = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: true);
        var owner = await ServiceSamples.OwnerOfAsync(app, "chiyoda");
        var path = $"/api/v1/services/{key}/kpis/2025";

        var added = await owner.PutAsJsonAsync(path, new { annualApplications = 1000, digitalApplications = 250, medianCompletionMinutes = 9.5 });
        var updated = await owner.PutAsJsonAsync(path, new { annualApplications = 1000, digitalApplications = 500, revision = 1 });
        var stale = await owner.PutAsJsonAsync(path, new { annualApplications = 1000, digitalApplications = 750, revision = 1 });
        var bad = await owner.PutAsJsonAsync($"/api/v1/services/{key}/kpis/1999", new { annualApplications = 10, digitalApplications = 20 });

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal((25.0m, 1), ((await JsonAsync(added)).GetProperty("digitalTakeUpPercent").GetDecimal(), (await JsonAsync(added)).GetProperty("revision").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(500, (await JsonAsync(stale)).GetProperty("current").GetProperty("digitalApplications").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["digitalApplications", "fiscalYear"], await ErrorFieldsAsync(bad));
    }
}

public sealed class ServiceWriteApiTests_Sqlite(SqliteAppFactory app) : ServiceWriteApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class ServiceWriteApiTests_Postgres(PostgresAppFactory app) : ServiceWriteApiTests(app), IClassFixture<PostgresAppFactory>;
