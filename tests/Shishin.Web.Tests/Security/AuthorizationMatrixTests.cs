using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Catalog;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;
using Shishin.Tests;

namespace Shishin.Web.Tests.Security;

public enum Outcome
{
    Ok,
    SignIn,
    Forbidden,
    Unauthorized,
    NotFound,
    MethodNotAllowed,
    RedirectElsewhere,
}

/// <summary>
/// Every page and endpoint, and what each kind of visitor gets. Adding a route without a row here fails
/// <see cref="AuthorizationMatrixTests.Matrix_EveryRouteOfTheApp_IsListed"/>.
/// </summary>
public sealed record Access(string Route, string Method, string Sample, Outcome Anonymous, Outcome Partner, Outcome ServiceOwner, Outcome Reviewer, Outcome Admin)
{
    public static readonly IReadOnlyList<Access> Table =
    [
        // Public pages (#7 オープン) and the account pages anyone reaches.
        new("", "GET", "/", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        // Once setup is done, /setup only points to sign-in.
        new("setup", "GET", "/setup", Outcome.SignIn, Outcome.SignIn, Outcome.SignIn, Outcome.SignIn, Outcome.SignIn),
        new("organizations", "GET", "/organizations", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("organizations/{key}", "GET", "/organizations/chiyoda", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        // The guideline catalogue, public (#7 オープン); the draft is for admins only, see CatalogVersionTests.
        new("catalog", "GET", "/catalog", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("catalog/principles/{number:int}", "GET", "/catalog/principles/3", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("catalog/themes/{key}", "GET", "/catalog/themes/UX", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("catalog/checkpoints", "GET", "/catalog/checkpoints?Mapping=1.4.3", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("catalog/checkpoints/{id}", "GET", "/catalog/checkpoints/P3-01", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("catalog/versions", "GET", "/catalog/versions", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("catalog/versions/{version}", "GET", "/catalog/versions/1.0.0", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("catalog/diff", "GET", "/catalog/diff?from=1.0.0&to=1.0.0", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("catalog/print", "GET", "/catalog/print", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("errors/{code:int}", "GET", "/errors/404", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound),
        new("account/sign-in", "GET", "/account/sign-in", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("account/sign-in/two-factor", "GET", "/account/sign-in/two-factor", Outcome.SignIn, Outcome.SignIn, Outcome.SignIn, Outcome.SignIn, Outcome.SignIn),
        new("account/sign-in/recovery-code", "GET", "/account/sign-in/recovery-code", Outcome.SignIn, Outcome.SignIn, Outcome.SignIn, Outcome.SignIn, Outcome.SignIn),
        new("account/sign-in/external", "GET", "/account/sign-in/external", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound),
        new("account/sign-out", "GET", "/account/sign-out", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("account/invitation/{token}", "GET", "/account/invitation/not-a-real-token", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound),
        // POST only: a GET is refused, signed in or not.
        new("culture", "POST", "/culture", Outcome.MethodNotAllowed, Outcome.MethodNotAllowed, Outcome.MethodNotAllowed, Outcome.MethodNotAllowed, Outcome.MethodNotAllowed),
        // Signed-in users' own account.
        new("account/manage", "GET", "/account/manage", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("account/manage/email", "GET", "/account/manage/email", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("account/manage/password", "GET", "/account/manage/password", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("account/manage/two-factor", "GET", "/account/manage/two-factor", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        // Administration.
        new("admin/users", "GET", "/admin/users", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok),
        new("admin/users/invite", "GET", "/admin/users/invite", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok),
        new("admin/users/{id:guid}", "GET", "/admin/users/{admin}", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok),
        new("admin/organizations/new", "GET", "/admin/organizations/new", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok),
        new("admin/organizations/{id:guid}/edit", "GET", "/admin/organizations/{organization}/edit", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok),
        new("admin/audit", "GET", "/admin/audit", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok),
        new("admin/audit/export", "GET", "/admin/audit/export", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok),
        // Catalogue administration: the draft and its publishing (a draft exists, see CatalogSamplesAsync).
        new("admin/catalog", "GET", "/admin/catalog", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok),
        new("admin/catalog/discard", "GET", "/admin/catalog/discard", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok),
        new("admin/catalog/checkpoints/new", "GET", "/admin/catalog/checkpoints/new", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok),
        new("admin/catalog/checkpoints/{id}/edit", "GET", "/admin/catalog/checkpoints/P3-01/edit", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok),
        new("admin/catalog/parameters/new", "GET", "/admin/catalog/parameters/new", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok),
        new("admin/catalog/parameters/{key}/edit", "GET", "/admin/catalog/parameters/satisfaction.baseline/edit", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok),
        // Change proposals: anyone signed in. An open proposal ({proposal}) is for signed-in people only; accepted ones are public.
        new("proposals", "GET", "/proposals", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("proposals/mine", "GET", "/proposals/mine", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("proposals/new", "GET", "/proposals/new", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("proposals/{id:guid}", "GET", "/proposals/{proposal}", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        // API and operations.
        new("api/v1/organizations", "GET", "/api/v1/organizations", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("api/v1/organizations/{key}", "GET", "/api/v1/organizations/tmg", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("api/v1/catalog", "GET", "/api/v1/catalog", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("api/v1/catalog/versions", "GET", "/api/v1/catalog/versions", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("api/v1/catalog/versions/{version}", "GET", "/api/v1/catalog/versions/1.0.0", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("api/v1/catalog/checkpoints", "GET", "/api/v1/catalog/checkpoints?mapping=WCAG%201.4.3", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("api/v1/catalog/diff", "GET", "/api/v1/catalog/diff?from=1.0.0&to=1.0.0", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("api/v1/catalog/schema.json", "GET", "/api/v1/catalog/schema.json", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("openapi/{documentName}.json", "GET", "/openapi/v1.json", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("health/live", "GET", "/health/live", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("health/ready", "GET", "/health/ready", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
    ];
}

public abstract class AuthorizationMatrixTests(ShishinAppFactory app)
{
    public static TheoryData<string> Routes => new(Access.Table.Select(a => a.Route));

    [Fact]
    public void Matrix_EveryRouteOfTheApp_IsListed()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText?.Trim('/') ?? "")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        var missing = routes.Except(Access.Table.Select(a => a.Route)).ToList();
        var stale = Access.Table.Select(a => a.Route).Except(routes).ToList();

        Assert.True(missing.Count == 0, "Routes missing from the authorisation table: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Rows for routes that no longer exist: " + string.Join(", ", stale));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_EachKindOfVisitor_GetsTheExpectedOutcome(string route)
    {
        var row = Access.Table.Single(a => a.Route == route);
        var (adminId, organizationId) = await IdsAsync();
        var path = row.Sample.Replace("{admin}", adminId.ToString(), StringComparison.Ordinal)
            .Replace("{organization}", organizationId.ToString(), StringComparison.Ordinal);
        // Made before every row, so that no row's outcome depends on the order the rows run in.
        path = path.Replace("{proposal}", (await CatalogSamplesAsync(adminId)).ToString(), StringComparison.Ordinal);

        var visitors = new (string Name, Func<Task<HttpClient>> Client, Outcome Expected)[]
        {
            ("anonymous", () => Task.FromResult(app.NewClient()), row.Anonymous),
            (Roles.Partner, () => SignedInAsync(Roles.Partner), row.Partner),
            (Roles.ServiceOwner, () => SignedInAsync(Roles.ServiceOwner), row.ServiceOwner),
            (Roles.Reviewer, () => SignedInAsync(Roles.Reviewer), row.Reviewer),
            (Roles.Admin, () => SignedInAsync(Roles.Admin), row.Admin),
        };

        foreach (var (name, clientFactory, expected) in visitors)
        {
            var client = await clientFactory();
            // POST-only routes are probed with GET, which must be refused; their POST is covered by feature tests.
            var method = row.Method == "POST" ? HttpMethod.Get : new HttpMethod(row.Method);
            using var response = await client.SendAsync(new HttpRequestMessage(method, path));
            var actual = Classify(response);
            Assert.True(expected == actual, $"{row.Method} {path} as {name}: expected {expected}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
        }
    }

    // One signed-in session per role and app, shared by the rows: the table checks access, not sign-in.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(ShishinAppFactory, string), Lazy<Task<HttpClient>>> Sessions = new();

    private Task<HttpClient> SignedInAsync(string role) =>
        Sessions.GetOrAdd((app, role), key => new Lazy<Task<HttpClient>>(async () =>
        {
            if (role == Roles.Admin)
            {
                return await app.SignInAsync(ShishinAppFactory.SetupAdminEmail, app.SetupAdminKey);
            }

            var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.jp";
            await app.CreateUserAsync(email, [role]);
            return await app.SignInAsync(email);
        })).Value;

    private async Task<(Guid Admin, Guid Organization)> IdsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = await scope.ServiceProvider.GetRequiredService<UserAdministrationService>().ListAsync();
        var organizations = await scope.ServiceProvider.GetRequiredService<OrganizationService>().ListAsync();
        return (users.First(u => u.Email == ShishinAppFactory.SetupAdminEmail).Id, organizations.First(o => o.Key == "chiyoda").Id);
    }

    // The catalogue samples, made once per app: a draft (so the draft's edit pages answer) and an open proposal.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ShishinAppFactory, Lazy<Task<Guid>>> CatalogSamples = new();

    private Task<Guid> CatalogSamplesAsync(Guid adminId) =>
        CatalogSamples.GetOrAdd(app, _ => new Lazy<Task<Guid>>(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var catalog = scope.ServiceProvider.GetRequiredService<CatalogService>();
            if (await catalog.GetDraftAsync() is null)
            {
                await catalog.CreateDraftAsync();
            }

            var proposal = await scope.ServiceProvider.GetRequiredService<ProposalService>().CreateAsync(
                new ProposalInput(ProposalKind.Change, "P3-01", null, null, "Sample proposal", new("", "Sample title"), LocalizedText.Empty, LocalizedText.Empty, [], null, "Sample rationale", null),
                new ProposalActor(adminId, "Admin"));
            return proposal.Id;
        })).Value;

    private static Outcome Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.OK => Outcome.Ok,
            HttpStatusCode.NotFound => Outcome.NotFound,
            HttpStatusCode.Unauthorized => Outcome.Unauthorized,
            HttpStatusCode.Forbidden => Outcome.Forbidden,
            HttpStatusCode.MethodNotAllowed => Outcome.MethodNotAllowed,
            HttpStatusCode.Redirect when location.Contains("/account/sign-in", StringComparison.Ordinal) => Outcome.SignIn,
            HttpStatusCode.Redirect when location.Contains("/errors/403", StringComparison.Ordinal) => Outcome.Forbidden,
            HttpStatusCode.Redirect => Outcome.RedirectElsewhere,
            _ => throw new InvalidOperationException($"Unexpected status {(int)response.StatusCode}"),
        };
    }
}

public sealed class AuthorizationMatrixTests_Sqlite(SqliteAppFactory app) : AuthorizationMatrixTests(app), IClassFixture<SqliteAppFactory>;

public sealed class AuthorizationMatrixTests_Postgres(PostgresAppFactory app) : AuthorizationMatrixTests(app), IClassFixture<PostgresAppFactory>;
