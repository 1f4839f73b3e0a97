using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.ApiKeys;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;
using Shishin.Core.Scans;
using Shishin.Scanning;
using Shishin.Scanning.Reports;
using Shishin.Scanning.Rules;
using Shishin.Tests;

namespace Shishin.Web.Tests.Services;

/// <summary>
/// The scans API (issue 14) over real HTTP and a real database: starting scans, listing and reading runs, diffs and
/// uploads, with API keys and signed-in sessions of the kinds of people who use them.
/// </summary>
public abstract class ScanApiTests(ShishinAppFactory app)
{
    private static readonly string[] OneUrl = ["https://www.example.lg.jp/a"];
    private static readonly string[] BadUrls = ["https://ok.example.jp/", "ftp://files.example.jp/", "/relative", "https://user:pw@example.jp/"];

    // ---- POST /api/v1/services/{key}/scans

    [Fact]
    public async Task RequestScan_OwnerKeyWithOverrides_Answers202WithLocationAndQueuesAnOnDemandRun()
    {
        var service = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: false);
        var owner = await KeyClientAsync(Roles.ServiceOwner, "chiyoda");

        var response = await owner.PostAsJsonAsync($"/api/v1/services/{service}/scans", new { startUrls = OneUrl, maxPages = 1 });
        var id = (await JsonAsync(response)).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/v1/scans/{id}", response.Headers.Location!.OriginalString);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var run = await db.ScanRuns.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal(ScanTrigger.OnDemand, run.Trigger);
        Assert.Equal(1, ScanRunService.OverridesOf(run)!.MaxPages);
        Assert.Equal(["https://www.example.lg.jp/a"], ScanRunService.OverridesOf(run)!.StartUrls!.Select(u => u.AbsoluteUri));
        Assert.EndsWith(" / test", run.RequestedByName, StringComparison.Ordinal);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "scan.requested" && e.EntityId == id.ToString()));
    }

    [Fact]
    public async Task RequestScan_BadOverrides_Answers400NamingEachField()
    {
        var service = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: false);
        var owner = await KeyClientAsync(Roles.ServiceOwner, "chiyoda");

        var response = await owner.PostAsJsonAsync($"/api/v1/services/{service}/scans",
            new { startUrls = BadUrls, maxPages = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["maxPages", "startUrls[1]", "startUrls[2]", "startUrls[3]"], await ErrorFieldsAsync(response));
        Assert.Equal(0, await RunCountAsync(service));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task RequestScan_MaxPagesOutOfRange_Answers400NamingMaxPages(int maxPages)
    {
        var service = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: false);
        var owner = await KeyClientAsync(Roles.ServiceOwner, "chiyoda");

        var response = await owner.PostAsJsonAsync($"/api/v1/services/{service}/scans", new { maxPages });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["maxPages"], await ErrorFieldsAsync(response));
    }

    [Fact]
    public async Task RequestScan_ReadOnlyKey_Answers403()
    {
        var service = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: false);
        var owner = await KeyClientAsync(Roles.ServiceOwner, "chiyoda", ApiKeyScopes.Read);

        var response = await owner.PostAsJsonAsync($"/api/v1/services/{service}/scans", new { });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await RunCountAsync(service));
    }

    [Fact]
    public async Task RequestScan_OwnerOfAnotherOrganisation_Answers403OnAPublicServiceAnd404OnAnInternalOne()
    {
        var publicService = await ServiceSamples.CreateAsync(app, "minato", isPublic: true);
        var internalService = await ServiceSamples.CreateAsync(app, "minato", isPublic: false);
        var owner = await KeyClientAsync(Roles.ServiceOwner, "chiyoda");

        var seen = await owner.PostAsJsonAsync($"/api/v1/services/{publicService}/scans", new { });
        var unseen = await owner.PostAsJsonAsync($"/api/v1/services/{internalService}/scans", new { });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.NotFound), (seen.StatusCode, unseen.StatusCode));
        Assert.Equal("application/problem+json", unseen.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task RequestScan_UnknownService_Answers404()
    {
        var owner = await KeyClientAsync(Roles.ServiceOwner, "chiyoda");

        var response = await owner.PostAsJsonAsync("/api/v1/services/no-such-service/scans", new { });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task RequestScan_SignedInWithoutJsonBody_Answers415_AndWithJsonQueues()
    {
        var service = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: false);
        var owner = await ServiceSamples.OwnerOfAsync(app, "chiyoda");

        var empty = await owner.PostAsync($"/api/v1/services/{service}/scans", null);
        var json = await owner.PostAsync($"/api/v1/services/{service}/scans", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode.UnsupportedMediaType, HttpStatusCode.Accepted), (empty.StatusCode, json.StatusCode));
    }

    [Fact]
    public async Task RequestScan_ARunAlreadyRunning_Answers409NamingIt()
    {
        var service = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: false);
        var running = await AddRunAsync(service, ScanRunStatus.Running);
        var owner = await KeyClientAsync(Roles.ServiceOwner, "chiyoda");

        var response = await owner.PostAsync($"/api/v1/services/{service}/scans", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(running, (await JsonAsync(response)).GetProperty("current").GetGuid());
    }

    [Fact]
    public async Task RequestScan_ServiceWithoutProfile_CreatesANamedProfileWithItsScheduleOffAndNoTrigger()
    {
        var service = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: false);
        var owner = await KeyClientAsync(Roles.ServiceOwner, "chiyoda");
        var english = await KeyClientAsync(Roles.ServiceOwner, "chiyoda");
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var other = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: false);

        var response = await owner.PostAsJsonAsync($"/api/v1/services/{service}/scans", new { maxPages = 1 });
        var inEnglish = await english.PostAsJsonAsync($"/api/v1/services/{other}/scans", new { maxPages = 1 });

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (response.StatusCode, inEnglish.StatusCode));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var profile = await db.ScanProfiles.AsNoTracking().SingleAsync(p => db.Services.Any(s => s.Key == service && s.Id == p.ServiceId));
        var englishProfile = await db.ScanProfiles.AsNoTracking().SingleAsync(p => db.Services.Any(s => s.Key == other && s.Id == p.ServiceId));
        // One scan was asked for, not a schedule: the profile scans the entry URLs on demand only, and Quartz holds no trigger of it.
        Assert.Equal(("公開サイト", ScanCadence.Off, ""), (profile.Name, profile.Cadence, profile.StartUrls));
        Assert.Equal(("Public site", ScanCadence.Off), (englishProfile.Name, englishProfile.Cadence));
        var scheduler = await scope.ServiceProvider.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        foreach (var cadence in new[] { ScanCadence.Daily, ScanCadence.Weekly, ScanCadence.Monthly })
        {
            Assert.False(await scheduler.Exists(ScanSchedules.KeyFor(profile.Id, cadence)));
        }

        var id = (await JsonAsync(response)).GetProperty("id").GetGuid();
        var run = await db.ScanRuns.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal((profile.Id, ScanTrigger.OnDemand), (run.ProfileId, run.Trigger));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/")]
    [InlineData("http://localhost/")]
    [InlineData("http://10.1.2.3/intranet/")]
    [InlineData("http://[::1]/")]
    [InlineData("http://intranet.local/")]
    public async Task RequestScan_StartUrlOnAPrivateNetworkWithoutAllowPrivateNetworks_Answers400NamingItAndQueuesNothing(string url)
    {
        var service = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: false);
        var owner = await KeyClientAsync(Roles.ServiceOwner, "chiyoda");
        owner.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var response = await owner.PostAsJsonAsync($"/api/v1/services/{service}/scans", new { startUrls = new[] { "https://www.example.lg.jp:8443/", url } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        // A public address on its own port is fine, as in the CLI; the private one is named.
        Assert.Equal(["startUrls[1]"], await ErrorFieldsAsync(response));
        var message = (await JsonAsync(response)).GetProperty("errors").GetProperty("startUrls[1]")[0].GetString();
        Assert.Contains("Scanning:AllowPrivateNetworks", message, StringComparison.Ordinal);
        Assert.Equal(0, await RunCountAsync(service));
    }

    // ---- GET /api/v1/services/{key}/scans

    [Fact]
    public async Task ListScans_ThreeRuns_PagesNewestFirstWithTotal()
    {
        var service = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: true);
        var first = await AddRunAsync(service, ScanRunStatus.Done, minutes: 1);
        var second = await AddRunAsync(service, ScanRunStatus.Done, minutes: 2);
        var third = await AddRunAsync(service, ScanRunStatus.Failed, minutes: 3);
        var client = app.NewClient();

        var page1 = await JsonAsync(await client.GetAsync($"/api/v1/services/{service}/scans?pageSize=2"));
        var page2 = await JsonAsync(await client.GetAsync($"/api/v1/services/{service}/scans?pageSize=2&page=2"));

        Assert.Equal([third, second], page1.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        Assert.Equal([first], page2.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        Assert.Equal((3, 2, 2), (page1.GetProperty("total").GetInt32(), page1.GetProperty("pageSize").GetInt32(), page2.GetProperty("page").GetInt32()));
        Assert.Equal("failed", page1.GetProperty("items")[0].GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("page=x", "page")]
    public async Task ListScans_BadPaging_Answers400NamingTheParameter(string query, string field)
    {
        var service = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: true);

        var response = await app.NewClient().GetAsync($"/api/v1/services/{service}/scans?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await ErrorFieldsAsync(response));
    }

    [Fact]
    public async Task ListScans_InternalService_AnonymousAndOtherOwner404_OwnerAndAssignedPartnerSeeThem()
    {
        var partnerCompany = await PartnerCompanyAsync();
        var service = await ServiceWithPartnerAsync("chiyoda", partnerCompany, isPublic: false);
        await AddRunAsync(service, ScanRunStatus.Done);
        var path = $"/api/v1/services/{service}/scans";

        var anonymous = await app.NewClient().GetAsync(path);
        var otherOwner = await (await ServiceSamples.OwnerOfAsync(app, "minato")).GetAsync(path);
        var owner = await (await ServiceSamples.OwnerOfAsync(app, "chiyoda")).GetAsync(path);
        var partner = await (await ServiceSamples.SignInAsync(app, Roles.Partner, partnerCompany)).GetAsync(path);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.OK),
            (anonymous.StatusCode, otherOwner.StatusCode, owner.StatusCode, partner.StatusCode));
        Assert.Equal(1, (await JsonAsync(partner)).GetProperty("total").GetInt32());
    }

    // ---- GET /api/v1/scans/{id}

    [Fact]
    public async Task GetScan_UploadedRun_OwnerSeesPagesAndFindings_AnonymousOnAPublicServiceTheSummaryOnly()
    {
        var service = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: true);
        var uploader = await KeyClientAsync(Roles.ServiceOwner, "chiyoda");
        var id = await UploadAsync(uploader, service, Report(("/", "image-alt", FindingImpact.Critical), ("/", "label", FindingImpact.Serious)));

        var full = await JsonAsync(await uploader.GetAsync($"/api/v1/scans/{id}"));
        var summary = await JsonAsync(await app.NewClient().GetAsync($"/api/v1/scans/{id}"));

        Assert.Equal(("full", "done", "uploaded"), (full.GetProperty("detail").GetString(), full.GetProperty("status").GetString(), full.GetProperty("trigger").GetString()));
        Assert.Equal(["image-alt", "label"], full.GetProperty("pages")[0].GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal((1, 1, 2), (full.GetProperty("counts").GetProperty("critical").GetInt32(), full.GetProperty("counts").GetProperty("serious").GetInt32(),
            full.GetProperty("counts").GetProperty("violations").GetInt32()));
        Assert.Equal(JsonValueKind.Object, full.GetProperty("options").ValueKind);
        Assert.Equal("1.2.3", full.GetProperty("versions").GetProperty("scanner").GetString());
        Assert.Equal("summary", summary.GetProperty("detail").GetString());
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Null),
            (summary.GetProperty("pages").ValueKind, summary.GetProperty("options").ValueKind, summary.GetProperty("requestedBy").ValueKind));
        Assert.Equal(2, summary.GetProperty("counts").GetProperty("violations").GetInt32());
    }

    [Fact]
    public async Task GetScan_PrunedRun_SaysSoAndKeepsTheCounts()
    {
        var service = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: false);
        var id = await AddRunAsync(service, ScanRunStatus.Done, pruned: true);
        var owner = await ServiceSamples.OwnerOfAsync(app, "chiyoda");

        var run = await JsonAsync(await owner.GetAsync($"/api/v1/scans/{id}"));

        Assert.Equal(("pruned", JsonValueKind.Null, 4), (run.GetProperty("detail").GetString(), run.GetProperty("pages").ValueKind,
            run.GetProperty("counts").GetProperty("serious").GetInt32()));
    }

    [Fact]
    public async Task GetScan_InternalServiceAnonymous_Answers404()
    {
        var service = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: false);
        var id = await AddRunAsync(service, ScanRunStatus.Done);

        var response = await app.NewClient().GetAsync($"/api/v1/scans/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    // ---- GET /api/v1/scans/{id}/diff

    [Fact]
    public async Task Diff_TwoRuns_CountsNewFixedAndUnchangedByFingerprint()
    {
        var service = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: true);
        var owner = await KeyClientAsync(Roles.ServiceOwner, "chiyoda");
        var before = await UploadAsync(owner, service, Report(("/", "image-alt", FindingImpact.Critical), ("/form", "label", FindingImpact.Serious), ("/", "region", FindingImpact.Moderate)));
        var after = await UploadAsync(owner, service, Report(("/", "image-alt", FindingImpact.Critical), ("/form", "color-contrast", FindingImpact.Serious), ("/new", "label", FindingImpact.Serious)));

        var diff = await JsonAsync(await owner.GetAsync($"/api/v1/scans/{after}/diff?against={before}"));
        var anonymous = await JsonAsync(await app.NewClient().GetAsync($"/api/v1/scans/{after}/diff?against={before}"));

        var counts = diff.GetProperty("counts");
        Assert.Equal((2, 2, 1), (counts.GetProperty("new").GetInt32(), counts.GetProperty("fixed").GetInt32(), counts.GetProperty("unchanged").GetInt32()));
        Assert.Equal(["color-contrast", "label"], diff.GetProperty("new").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(["label", "region"], diff.GetProperty("fixed").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal("https://www.example.lg.jp/", diff.GetProperty("unchanged")[0].GetProperty("pageUrl").GetString());
        Assert.Equal((2, JsonValueKind.Null), (anonymous.GetProperty("counts").GetProperty("new").GetInt32(), anonymous.GetProperty("new").ValueKind));
    }

    [Fact]
    public async Task Diff_RunsOfDifferentServices_Answers400_AndWithoutAgainst400()
    {
        var one = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: false);
        var two = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: false);
        var a = await AddRunAsync(one, ScanRunStatus.Done);
        var b = await AddRunAsync(two, ScanRunStatus.Done);
        var owner = await ServiceSamples.OwnerOfAsync(app, "chiyoda");

        var different = await owner.GetAsync($"/api/v1/scans/{a}/diff?against={b}");
        var missing = await owner.GetAsync($"/api/v1/scans/{a}/diff");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (different.StatusCode, missing.StatusCode));
        Assert.Equal(["against"], await ErrorFieldsAsync(different));
        Assert.Equal(["against"], await ErrorFieldsAsync(missing));
    }

    [Fact]
    public async Task Diff_AgainstARunTheCallerCannotSee_Answers404()
    {
        var own = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: false);
        var other = await ServiceSamples.CreateAsync(app, "minato", isPublic: false);
        var a = await AddRunAsync(own, ScanRunStatus.Done);
        var b = await AddRunAsync(other, ScanRunStatus.Done);
        var owner = await ServiceSamples.OwnerOfAsync(app, "chiyoda");

        var response = await owner.GetAsync($"/api/v1/scans/{a}/diff?against={b}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    // ---- POST /api/v1/services/{key}/scans/upload

    [Fact]
    public async Task Upload_ValidReport_Answers201_StoresAnUploadedRunNamingTheKey_ListedAndAudited()
    {
        var service = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: false);
        var owner = await KeyClientAsync(Roles.ServiceOwner, "chiyoda");

        var response = await owner.PostAsync($"/api/v1/services/{service}/scans/upload", JsonBody(Report(("/", "image-alt", FindingImpact.Critical))));
        var body = await JsonAsync(response);
        var id = body.GetProperty("id").GetGuid();
        var list = await JsonAsync(await owner.GetAsync($"/api/v1/services/{service}/scans"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/scans/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal(("done", 1), (body.GetProperty("status").GetString(), body.GetProperty("counts").GetProperty("critical").GetInt32()));
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal((id, "uploaded"), (item.GetProperty("id").GetGuid(), item.GetProperty("trigger").GetString()));
        Assert.EndsWith(" / test", item.GetProperty("requestedBy").GetString(), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        Assert.Equal(1, await db.ScanFindings.CountAsync(f => f.RunId == id));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "scan.uploaded" && e.EntityId == id.ToString()));
    }

    [Fact]
    public async Task Upload_ReportOverTheSiteWideBodyLimit_IsStored()
    {
        // The test host allows 64 KiB bodies elsewhere; the upload's own limit is 50 MiB.
        var service = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: false);
        var owner = await KeyClientAsync(Roles.ServiceOwner, "chiyoda");
        var report = Report(("/", "image-alt", FindingImpact.Critical)) + new string(' ', 300_000);

        var response = await owner.PostAsync($"/api/v1/services/{service}/scans/upload", JsonBody(report));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Upload_ReportBreakingTheSchema_Answers400NamingTheFirstBadPath_AndStoresNothing()
    {
        var service = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: false);
        var owner = await KeyClientAsync(Roles.ServiceOwner, "chiyoda");
        var report = JsonNode.Parse(Report(("/", "image-alt", FindingImpact.Critical), ("/", "label", FindingImpact.Serious), ("/", "region", FindingImpact.Moderate)))!;
        report["pages"]![0]!["findings"]![2]!["impact"] = "severe";
        report["pages"]![0]!["findings"]![1]!.AsObject().Remove("ruleId");

        var response = await owner.PostAsync($"/api/v1/services/{service}/scans/upload", JsonBody(report.ToJsonString()));
        var problem = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("/pages/0/findings/1", problem.GetProperty("instancePath").GetString());
        Assert.Equal(["/pages/0/findings/1"], await ErrorFieldsAsync(response));
        Assert.Equal(0, await RunCountAsync(service));
    }

    [Fact]
    public async Task Upload_BadImpact_NamesItsPath()
    {
        var service = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: false);
        var owner = await KeyClientAsync(Roles.ServiceOwner, "chiyoda");
        var report = JsonNode.Parse(Report(("/", "image-alt", FindingImpact.Critical), ("/", "label", FindingImpact.Serious), ("/", "region", FindingImpact.Moderate)))!;
        report["pages"]![0]!["findings"]![2]!["impact"] = "severe";

        var response = await owner.PostAsync($"/api/v1/services/{service}/scans/upload", JsonBody(report.ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("/pages/0/findings/2/impact", (await JsonAsync(response)).GetProperty("instancePath").GetString());
    }

    [Theory]
    [InlineData("{\"pages\": ")]
    [InlineData("[]")]
    public async Task Upload_NotAReport_Answers400(string body)
    {
        var service = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: false);
        var owner = await KeyClientAsync(Roles.ServiceOwner, "chiyoda");

        var response = await owner.PostAsync($"/api/v1/services/{service}/scans/upload", JsonBody(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Upload_Over50MiB_Answers413ProblemDetails()
    {
        var service = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: false);
        var owner = await KeyClientAsync(Roles.ServiceOwner, "chiyoda");
        using var content = new StreamContent(new SpacesStream(50L * 1024 * 1024 + 1));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentLength = 50L * 1024 * 1024 + 1;

        var response = await owner.PostAsync($"/api/v1/services/{service}/scans/upload", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(0, await RunCountAsync(service));
    }

    [Fact]
    public async Task Upload_ReadOnlyKey_Answers403()
    {
        var service = await ServiceSamples.CreateAsync(app, "chiyoda", isPublic: false);
        var owner = await KeyClientAsync(Roles.ServiceOwner, "chiyoda", ApiKeyScopes.Read);

        var response = await owner.PostAsync($"/api/v1/services/{service}/scans/upload", JsonBody(Report()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await RunCountAsync(service));
    }

    [Fact]
    public async Task Upload_KeyOfAnotherServicesOwner_Answers403()
    {
        var service = await ServiceSamples.CreateAsync(app, "minato", isPublic: true);
        var otherOwner = await KeyClientAsync(Roles.ServiceOwner, "chiyoda");

        var response = await otherOwner.PostAsync($"/api/v1/services/{service}/scans/upload", JsonBody(Report()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await RunCountAsync(service));
    }

    [Fact]
    public async Task Upload_AssignedPartnersKey_Answers201()
    {
        var partnerCompany = await PartnerCompanyAsync();
        var service = await ServiceWithPartnerAsync("chiyoda", partnerCompany, isPublic: false);
        var partner = await KeyClientAsync(Roles.Partner, organizationId: partnerCompany);

        var response = await partner.PostAsync($"/api/v1/services/{service}/scans/upload", JsonBody(Report()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Upload_UnknownService_Answers404()
    {
        var owner = await KeyClientAsync(Roles.ServiceOwner, "chiyoda");

        var response = await owner.PostAsync("/api/v1/services/no-such-service/scans/upload", JsonBody(Report()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    // ---- OpenAPI

    [Fact]
    public async Task OpenApi_ListsTheScanOperations()
    {
        var document = await JsonAsync(await app.NewClient().GetAsync("/openapi/v1.json"));

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("operationId", out _))
                .Select(o => $"{o.Name.ToUpperInvariant()} {p.Name} {o.Value.GetProperty("operationId").GetString()}"))
            .Where(o => o.Contains("scans", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "GET /api/v1/scans/{id} GetScanRun",
                "GET /api/v1/scans/{id}/diff DiffScanRuns",
                "GET /api/v1/services/{key}/scans ListServiceScans",
                "POST /api/v1/services/{key}/scans RequestScan",
                "POST /api/v1/services/{key}/scans/upload UploadScan",
            ],
            operations);
    }

    // ---- helpers

    /// <summary>A JSON report as <c>shishin scan --format json</c> writes it, of pages under https://www.example.lg.jp with one violation per (path, rule).</summary>
    internal static string Report(params (string Path, string Rule, FindingImpact Impact)[] findings)
    {
        var origin = new Uri("https://www.example.lg.jp/");
        var paths = findings.Select(f => f.Path).Append("/").Distinct(StringComparer.Ordinal).ToList();
        var started = new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);
        var result = new ScanResult
        {
            Options = new ScanOptions { StartUrls = [origin] },
            Pages = [.. paths.Select(path => new PageResult
            {
                RequestedUrl = new Uri(origin, path),
                StatusCode = 200,
                StartedAt = started,
                Duration = TimeSpan.FromSeconds(1),
                Findings = [.. findings.Where(f => f.Path == path).Select(f => new Finding
                {
                    RuleId = f.Rule,
                    Category = RuleCategory.Accessibility,
                    Outcome = FindingOutcome.Violation,
                    Impact = f.Impact,
                    Message = "A planted problem.",
                    HelpUrl = new Uri("https://dequeuniversity.com/rules/axe/4.10/" + f.Rule),
                    Fingerprint = Fingerprint(f.Rule + " " + path),
                    Nodes = [new FindingNode("main > img", "<img src=\"a.png\">", null, Fingerprint(f.Rule + " " + path + " node"))],
                })],
            })],
            Skipped = [],
            BlockedRequests = [],
            ScannerVersion = "1.2.3",
            AxeVersion = "4.10.3",
            BrowserVersion = "140.0",
            UserAgent = "Shishin test",
            StartedAt = started,
            Duration = TimeSpan.FromSeconds(3),
            Cancelled = false,
        };
        return ScanReport.ToText(result, ReportFormat.Json);
    }

    private static string Fingerprint(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<Guid> UploadAsync(HttpClient client, string service, string report)
    {
        var response = await client.PostAsync($"/api/v1/services/{service}/scans/upload", JsonBody(report));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await JsonAsync(response)).GetProperty("id").GetGuid();
    }

    /// <summary>A client holding a new API key of a new account of <paramref name="role"/> in the organisation.</summary>
    private async Task<HttpClient> KeyClientAsync(string role, string? organization = null, string scope = ApiKeyScopes.Write, Guid? organizationId = null)
    {
        var email = organizationId is { } id ? await ServiceSamples.MemberAsync(app, role, id) : await ServiceSamples.UserAsync(app, role, organization);
        await using var services = app.Services.CreateAsyncScope();
        var user = (await services.ServiceProvider.GetRequiredService<UserManager<ShishinUser>>().FindByEmailAsync(email))!;
        var scopes = scope == ApiKeyScopes.Write ? new[] { ApiKeyScopes.Read, ApiKeyScopes.Write } : [ApiKeyScopes.Read];
        var key = await services.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(user, "test", 30, scopes);
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.PlainText);
        return client;
    }

    private async Task<Guid> PartnerCompanyAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var organizations = scope.ServiceProvider.GetRequiredService<OrganizationService>();
        var key = "scan-partner-" + Guid.NewGuid().ToString("N")[..8];
        return (await organizations.CreateAsync(new OrganizationInput(key, OrganizationKind.Partner, "試験用 パートナー", "Test partner", null, null))).Id;
    }

    private async Task<string> ServiceWithPartnerAsync(string organization, Guid partner, bool isPublic)
    {
        var key = await ServiceSamples.CreateAsync(app, organization, isPublic);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var service = await db.Services.SingleAsync(s => s.Key == key);
        db.Set<Shishin.Core.Services.ServicePartner>().Add(new Shishin.Core.Services.ServicePartner { ServiceId = service.Id, OrganizationId = partner });
        await db.SaveChangesAsync();
        return key;
    }

    /// <summary>A run stored directly (status, time after a fixed start, pruned or not) with 4 serious violations counted.</summary>
    private async Task<Guid> AddRunAsync(string serviceKey, ScanRunStatus status, int minutes = 0, bool pruned = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var service = await db.Services.SingleAsync(s => s.Key == serviceKey);
        var run = new ScanRun
        {
            ServiceId = service.Id,
            Status = status,
            Trigger = ScanTrigger.Scheduled,
            QueuedAt = new DateTime(2026, 11, 1, 0, minutes, 0, DateTimeKind.Utc),
            Serious = 4,
            Pages = 2,
            DetailPruned = pruned,
        };
        db.ScanRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }

    private async Task<int> RunCountAsync(string serviceKey)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        return await db.ScanRuns.CountAsync(r => db.Services.Any(s => s.Key == serviceKey && s.Id == r.ServiceId));
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    private static async Task<string[]> ErrorFieldsAsync(HttpResponseMessage response) =>
        [.. (await JsonAsync(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    /// <summary>A body of spaces of a given length, made as it is read (never held in memory).</summary>
    private sealed class SpacesStream(long length) : Stream
    {
        private long position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            Array.Fill(buffer, (byte)' ', offset, n);
            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

public sealed class ScanApiTests_Sqlite(SqliteAppFactory app) : ScanApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class ScanApiTests_Postgres(PostgresAppFactory app) : ScanApiTests(app), IClassFixture<PostgresAppFactory>;
