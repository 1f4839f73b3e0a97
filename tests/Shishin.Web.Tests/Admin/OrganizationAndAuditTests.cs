using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Data;
using Shishin.Core.Organizations;
using Shishin.Tests;

namespace Shishin.Web.Tests.Admin;

public abstract class OrganizationAndAuditTests(ShishinAppFactory app)
{
    [Fact]
    public async Task Seed_FreshInstance_HoldsTokyoItsBureausAndThe62Municipalities()
    {
        var organizations = await app.NewClient().GetFromJsonAsync<List<JsonElement>>("/api/v1/organizations");

        Assert.NotNull(organizations);
        var municipalities = organizations!.Where(o => o.GetProperty("kind").GetString() == "Municipality").ToList();
        Assert.Equal(62, municipalities.Count);
        Assert.All(municipalities, m => Assert.True(LocalGovernmentCodes.HasValidCheckDigit(m.GetProperty("localGovernmentCode").GetString()!)));
        Assert.Contains(organizations, o => o.GetProperty("key").GetString() == "tmg" && o.GetProperty("name").GetProperty("ja").GetString() == "東京都");
        Assert.Contains(organizations, o => o.GetProperty("key").GetString() == "bureau-digital-service" && o.GetProperty("parent").GetString() == "tmg");
    }

    [Fact]
    public async Task EditOrganisation_AsAdmin_AppendsAuditEventWithBeforeAndAfter()
    {
        var admin = await app.SignInAsync(ShishinAppFactory.SetupAdminEmail, app.SetupAdminKey);
        var created = await admin.PostFormAsync("/admin/organizations/new", new()
        {
            ["Input.Key"] = "acme-" + Guid.NewGuid().ToString("N")[..8],
            ["Input.Kind"] = "Partner",
            ["Input.NameJa"] = "アクメ株式会社",
            ["Input.NameEn"] = "Acme Corporation",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var key = created.Headers.Location!.OriginalString.Split('/').Last();
        Guid id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().Organizations.SingleAsync(o => o.Key == key)).Id;
        }

        var edited = await admin.PostFormAsync($"/admin/organizations/{id}/edit", new()
        {
            ["Input.Key"] = key,
            ["Input.Kind"] = "Partner",
            ["Input.NameJa"] = "アクメ合同会社",
            ["Input.NameEn"] = "Acme LLC",
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var events = await db.AuditEvents.Where(e => e.EntityType == nameof(Organization) && e.EntityId == id.ToString()).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["Organization.created", "Organization.updated"], events.Select(e => e.Action));
        var update = events[1];
        Assert.Equal(ShishinAppFactory.SetupAdminEmail, update.ActorName);
        Assert.NotNull(update.ActorId);
        using var before = JsonDocument.Parse(update.Before!);
        using var after = JsonDocument.Parse(update.After!);
        Assert.Equal("アクメ株式会社", before.RootElement.GetProperty("NameJa").GetString());
        Assert.Equal("アクメ合同会社", after.RootElement.GetProperty("NameJa").GetString());
        Assert.Equal("Acme LLC", after.RootElement.GetProperty("NameEn").GetString());
        Assert.False(after.RootElement.TryGetProperty("Key", out _), "Unchanged fields are not repeated in an update event.");

        var page = await admin.GetStringAsync($"/admin/audit?Filter.EntityType=Organization&Filter.EntityId={id}");
        Assert.Contains("Organization.updated", page, StringComparison.Ordinal);
        var csv = await admin.GetAsync($"/admin/audit/export?Filter.EntityId={id}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("記録ID,日時（日本時間）,操作した人のID,操作した人", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(3, text.Trim().Split('\n').Length);
    }

    [Fact]
    public async Task OrganisationParent_MadeItsOwnDescendant_IsRefused()
    {
        var admin = await app.SignInAsync(ShishinAppFactory.SetupAdminEmail, app.SetupAdminKey);
        Guid tmg, bureau;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            tmg = (await db.Organizations.SingleAsync(o => o.Key == "tmg")).Id;
            bureau = (await db.Organizations.SingleAsync(o => o.Key == "bureau-digital-service")).Id;
        }

        var response = await admin.PostFormAsync($"/admin/organizations/{tmg}/edit", new()
        {
            ["Input.Key"] = "tmg",
            ["Input.Kind"] = "Government",
            ["Input.NameJa"] = "東京都",
            ["Input.NameEn"] = "Tokyo Metropolitan Government",
            ["Input.LocalGovernmentCode"] = "130001",
            ["Input.ParentId"] = bureau.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("組織を、それ自身やその下位の組織の一部にすることはできません。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_EveryMethodOnItsRoutes_ChangesNoEvent()
    {
        var admin = await app.SignInAsync(ShishinAppFactory.SetupAdminEmail, app.SetupAdminKey);
        var token = await admin.AntiforgeryTokenAsync("/admin/audit");
        List<(long Id, string Action, string? After)> Snapshot(ShishinDbContext db) =>
            db.AuditEvents.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.Action, e.After }).AsEnumerable()
                .Select(e => (e.Id, e.Action, e.After)).ToList();
        List<(long Id, string Action, string? After)> before;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            before = Snapshot(scope.ServiceProvider.GetRequiredService<ShishinDbContext>());
        }

        foreach (var path in new[] { "/admin/audit", "/admin/audit/export", $"/admin/audit?Filter.EntityId={before[0].Id}" })
        {
            foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
            {
                using var request = new HttpRequestMessage(method, path)
                {
                    Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Id", before[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Action", "tampered")]),
                };
                using var response = await admin.SendAsync(request);
                Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            }
        }

        await using var check = app.Services.CreateAsyncScope();
        var after = Snapshot(check.ServiceProvider.GetRequiredService<ShishinDbContext>());
        Assert.Equal(before, after.Take(before.Count));
        Assert.DoesNotContain(after, e => e.Action == "tampered");
    }

    [Fact]
    public async Task SignIn_Failures_AreAudited()
    {
        var client = app.NewClient();

        await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = ShishinAppFactory.SetupAdminEmail, ["Input.Password"] = "a wrong password entirely" });

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "account.sign-in-failed"));
    }
}

public sealed class OrganizationAndAuditTests_Sqlite(SqliteAppFactory app) : OrganizationAndAuditTests(app), IClassFixture<SqliteAppFactory>;

public sealed class OrganizationAndAuditTests_Postgres(PostgresAppFactory app) : OrganizationAndAuditTests(app), IClassFixture<PostgresAppFactory>;
