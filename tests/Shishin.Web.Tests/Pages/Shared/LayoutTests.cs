using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Catalog;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;
using Shishin.Tests;
using Shishin.Web.Tests.Security;

namespace Shishin.Web.Tests.Pages.Shared;

/// <summary>What the layout gives every page: its own window title, a description, the icons.</summary>
public abstract partial class LayoutTests(ShishinAppFactory app)
{
    /// <summary>Pages whose sample in the authorisation table does not show the page itself (it redirects or is 404).</summary>
    private static readonly HashSet<string> NotShownBySample = new(StringComparer.Ordinal)
    {
        "setup", "account/sign-in/two-factor", "account/sign-in/recovery-code", "account/invitation/{token}", "errors/{code:int}",
        "admin/audit/export", "services/export.csv", "portfolio.csv", "services/{key}/feedback/export.csv", "services/{key}/feedback/figures.csv",
        // Links from e-mails: without a valid token they show their page with 404, checked in RecoveryTests.
        "account/confirm-email", "account/reset-password",
    };

    [Fact]
    public async Task Titles_EveryPage_AreDistinctAndEndInShishin()
    {
        // Arrange
        var admin = await app.SignInAsync(ShishinAppFactory.SetupAdminEmail, app.SetupAdminKey);
        var samples = await SamplesAsync();
        var pages = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>().ToDictionary(d => d.AttributeRouteInfo?.Template?.Trim('/') ?? "", d => d.ViewEnginePath, StringComparer.Ordinal);
        var pageRoutes = pages.Keys.ToHashSet(StringComparer.Ordinal);

        // Act
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in Access.Table.Where(a => a.Method == "GET" && pageRoutes.Contains(a.Route) && !NotShownBySample.Contains(a.Route)))
        {
            var path = samples.Aggregate(row.Sample, (p, s) => p.Replace(s.Key, s.Value, StringComparison.Ordinal));
            using var response = await admin.GetAsync(path);
            // A route may have several rows (external sign-in: without and with its callback); the one that shows the page counts.
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            titles.TryAdd(row.Route, Title(await response.Content.ReadAsStringAsync()));
        }

        // The register's, assessments' and action items' pages: their matrix rows probe objects the matrix makes itself, so
        // here each is tried with this test's own (matrix-public; a draft, one in review, a published one, an action item).
        foreach (var route in pageRoutes.Where(r => (r.Contains("{id:guid}", StringComparison.Ordinal) || r.StartsWith("services/{key}", StringComparison.Ordinal)) && !titles.ContainsKey(r) && !NotShownBySample.Contains(r)))
        {
            foreach (var id in ObjectIds)
            {
                using var response = await admin.GetAsync("/" + route.Replace("{id:guid}", id, StringComparison.Ordinal).Replace("{key}", "matrix-public", StringComparison.Ordinal));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    titles.TryAdd(route, Title(await response.Content.ReadAsStringAsync()));
                    break;
                }
            }
        }

        // Assert: every page route is covered, and no two pages share a title.
        Assert.Empty(pageRoutes.Except(titles.Keys).Except(NotShownBySample));
        Assert.All(titles, t => Assert.EndsWith(" — 指針 Shishin", t.Value, StringComparison.Ordinal));
        var shared = titles.GroupBy(t => t.Value).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => t.Key))}").ToList();
        Assert.True(shared.Count == 0, "Pages sharing a title: " + string.Join(" | ", shared));
        // Every page of the register, its assessments, the action items and the portfolio names its section (or is it).
        var sections = new (string Folder, string Section)[]
        {
            ("/Services/", "サービス"), ("/Assessments/", "サービス"), ("/Admin/Services/", "サービス"), ("/Actions/", "対応事項"), ("/Portfolio/", "ポートフォリオ"),
        };
        var checkedPages = 0;
        foreach (var (route, title) in titles)
        {
            if (sections.FirstOrDefault(s => pages[route].StartsWith(s.Folder, StringComparison.Ordinal)) is ({ } folder, { } section))
            {
                checkedPages++;
                Assert.True(title == $"{section} — 指針 Shishin" || title.EndsWith($" — {section} — 指針 Shishin", StringComparison.Ordinal), $"{route} ({folder}): {title}");
            }
        }

        Assert.True(checkedPages >= 25, $"Only {checkedPages} pages of those sections were checked.");
    }

    [Theory]
    [InlineData("/", "ja", "ホーム — 指針 Shishin")]
    [InlineData("/catalog/checkpoints", "ja", "チェックポイント — カタログ — 指針 Shishin")]
    [InlineData("/catalog/versions", "en", "Catalogue versions — Catalogue — Shishin")]
    [InlineData("/organizations", "ja", "組織 — 指針 Shishin")]
    [InlineData("/account/sign-in", "ja", "サインイン — 指針 Shishin")]
    [InlineData("/errors/404", "ja", "ページが見つかりません — 指針 Shishin")]
    public async Task Title_PublicPage_IsPageSectionAndSite(string path, string language, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await app.NewClient().SendAsync(request);

        Assert.Equal(expected, Title(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Head_AnyPage_HasADescriptionAndIcons()
    {
        var html = await app.NewClient().GetStringAsync("/catalog");

        Assert.Matches("<meta name=\"description\" content=\"[^\"]{20,}\">", html);
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.ico\" sizes=\"32x32\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task Icon_Requested_IsServed(string path, string contentType)
    {
        using var response = await app.NewClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Menu_Admin_HasEveryAreaOnceInEachFormAndMarksTheCurrentOne()
    {
        var admin = await app.SignInAsync(ShishinAppFactory.SetupAdminEmail, app.SetupAdminKey);
        var html = await admin.GetStringAsync("/admin/audit");
        var nav = html[html.IndexOf("<nav class=\"site-nav\"", StringComparison.Ordinal)..html.IndexOf("</nav>", StringComparison.Ordinal)];

        // The disclosure (narrow screens) and the bar (wide screens) list the same seven areas (the brand is the way
        // home); the portfolio is there because administrators own the guidelines and work from it; every
        // administrator's page is under the one Administration entry.
        Assert.Equal(1, Regex.Count(nav, "<details class=\"site-nav__menu\">"));
        Assert.Equal(2 * 7, Regex.Count(nav, "<li><a href="));
        foreach (var area in new[] { "/services", "/catalog", "/organizations", "/proposals", "/actions", "/portfolio", "/admin" })
        {
            Assert.Equal(2, Regex.Count(nav, $"<li><a href=\"{Regex.Escape(area)}\"[ >]"));
        }

        Assert.Equal(2, Regex.Count(nav, "<a href=\"/admin\" aria-current=\"page\">"));
        Assert.Equal(2, Regex.Count(nav, "aria-current="));
    }

    [Theory]
    [InlineData("/", "ja", "サービスの稼働状況", "API（OpenAPI）")]
    [InlineData("/catalog", "en", "Service status", "API (OpenAPI)")]
    public async Task Footer_AnyPage_LinksTheStatusOfAllServicesBesideTheApi(string path, string language, string status, string api)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await app.NewClient().SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        var footer = html[html.IndexOf("<footer class=\"site-footer\">", StringComparison.Ordinal)..html.IndexOf("</footer>", StringComparison.Ordinal)];

        // The all-services status page (#5 BCP) is where people look during an outage: one link in every page's footer.
        Assert.Matches($"<li><a href=\"/status\">{Regex.Escape(status)}</a></li>\\s*<li><a href=\"/openapi/v1.json\">{Regex.Escape(api)}</a></li>", footer);
        Assert.Equal(1, Regex.Count(html, "href=\"/status\""));
    }

    [Fact]
    public async Task ServicesIndex_Anonymous_LinksTheStatusOfAllServices()
    {
        var html = await app.NewClient().GetStringAsync("/services");
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];

        Assert.Contains("<a href=\"/status\">全サービスの稼働状況</a>", main, StringComparison.Ordinal);
        using var status = await app.NewClient().GetAsync("/status");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Reviewer, true)]
    [InlineData(Roles.ServiceOwner, false)]
    [InlineData(Roles.Partner, false)]
    public async Task Menu_Role_ListsThePortfolioOnlyForTheGuidelineOwnersWhoMayOpenIt(string role, bool listed)
    {
        // Arrange: reviewers (with administrators) own the guidelines and may open the portfolio; the others may not,
        // so a menu entry would only lead them to "access denied".
        var email = $"menu-{Guid.NewGuid():N}@example.jp";
        await app.CreateUserAsync(email, [role]);
        var client = await app.SignInAsync(email);

        // Act
        var html = await client.GetStringAsync("/services");
        var nav = html[html.IndexOf("<nav class=\"site-nav\"", StringComparison.Ordinal)..html.IndexOf("</nav>", StringComparison.Ordinal)];

        // Assert: in the disclosure and in the bar, or in neither.
        Assert.Equal(listed ? 2 : 0, Regex.Count(nav, "<li><a href=\"/portfolio\"[ >]"));
        Assert.Equal(2 * (listed ? 6 : 5), Regex.Count(nav, "<li><a href="));
    }

    private IReadOnlyList<string> ObjectIds { get; set; } = [];

    private static string Title(string html) => WebUtility.HtmlDecode(TitlePattern().Match(html).Groups[1].Value);

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex TitlePattern();

    private async Task<Dictionary<string, string>> SamplesAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var admin = (await services.GetRequiredService<UserAdministrationService>().ListAsync()).First(u => u.Email == ShishinAppFactory.SetupAdminEmail);
        var organization = (await services.GetRequiredService<OrganizationService>().ListAsync()).First(o => o.Key == "chiyoda");
        var catalog = services.GetRequiredService<CatalogService>();
        if (await catalog.GetDraftAsync() is null)
        {
            await catalog.CreateDraftAsync();
        }

        // The register's object-level rows probe matrix-public (public, so the admin sees its page like anyone).
        var db = services.GetRequiredService<Shishin.Core.Data.ShishinDbContext>();
        if (!db.Services.Any(s => s.Key == "matrix-public"))
        {
            db.Services.Add(new Shishin.Core.Services.Service
            {
                Key = "matrix-public", NameJa = "試験用サービス matrix-public", NameEn = "Test service matrix-public", OwnerOrganizationId = organization.Id, IsPublic = true,
            });
            await db.SaveChangesAsync();
        }

        var service = db.Services.First(s => s.Key == "matrix-public").Id;
        var results = Shishin.Tests.AssessmentSamples.Mixed;
        var draft = await Shishin.Tests.AssessmentSamples.AssessmentAsync(db, service, Shishin.Core.Assessments.AssessmentStatus.Draft, null, results);
        var review = await Shishin.Tests.AssessmentSamples.AssessmentAsync(db, service, Shishin.Core.Assessments.AssessmentStatus.InReview, null, results, LifecyclePhase.Operation);
        var published = await Shishin.Tests.AssessmentSamples.AssessmentAsync(db, service, Shishin.Core.Assessments.AssessmentStatus.Published, Shishin.Core.Assessments.Rag.Amber, results, LifecyclePhase.Hypothesis);
        var action = await Shishin.Tests.AssessmentSamples.ActionItemAsync(db, service, published.Id, new DateOnly(2030, 1, 1));
        // A scan profile and a finished run of matrix-public, for the scan pages.
        var profile = new Shishin.Core.Scans.ScanProfile { ServiceId = service, Name = "layout", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        var run = new Shishin.Core.Scans.ScanRun
        {
            ServiceId = service, ProfileId = profile.Id, Status = Shishin.Core.Scans.ScanRunStatus.Done, Trigger = Shishin.Core.Scans.ScanTrigger.OnDemand,
            QueuedAt = DateTime.UtcNow, StartedAt = DateTime.UtcNow, FinishedAt = DateTime.UtcNow,
        };
        db.ScanProfiles.Add(profile);
        db.ScanRuns.Add(run);
        // A submission and a "you said, we did" item of matrix-public, for the feedback pages.
        var feedback = new Shishin.Core.CitizenFeedback.Feedback
        {
            ServiceId = service, ReceivedAt = DateTime.UtcNow, Rating = 2, TaskCompleted = Shishin.Core.CitizenFeedback.FeedbackTaskCompletion.Partly,
            Reasons = "hard-to-find", Comment = "申請の画面が見つかりにくかった。", Source = Shishin.Core.CitizenFeedback.FeedbackSource.Api,
        };
        var improvement = new Shishin.Core.CitizenFeedback.FeedbackImprovement
        {
            ServiceId = service, YouSaidJa = "申請の画面が見つかりにくい", WeDidJa = "トップページに申請への入口を置きました", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        db.Feedback.Add(feedback);
        db.FeedbackImprovements.Add(improvement);
        await db.SaveChangesAsync();
        ObjectIds = [draft.Id.ToString(), review.Id.ToString(), published.Id.ToString(), action.Id.ToString(), profile.Id.ToString(), run.Id.ToString(),
            feedback.Id.ToString(), improvement.Id.ToString()];

        var proposal = await services.GetRequiredService<ProposalService>().CreateAsync(
            new ProposalInput(ProposalKind.Change, "P3-01", null, null, "Title sample", new("", "Sample title"), LocalizedText.Empty, LocalizedText.Empty, [], null, "Sample rationale", null),
            new ProposalActor(admin.Id, "Admin"));
        return new(StringComparer.Ordinal)
        {
            ["{admin}"] = admin.Id.ToString(),
            ["{organization}"] = organization.Id.ToString(),
            ["{proposal}"] = proposal.Id.ToString(),
        };
    }
}

public sealed class LayoutTests_Sqlite(SqliteAppFactory app) : LayoutTests(app), IClassFixture<SqliteAppFactory>;

public sealed class LayoutTests_Postgres(PostgresAppFactory app) : LayoutTests(app), IClassFixture<PostgresAppFactory>;
