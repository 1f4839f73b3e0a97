using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Catalog;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;
using Shishin.Tests;

namespace Shishin.Web.Tests.Security;

public enum Outcome
{
    /// <summary>200: the page or answer (for a POST: the handler ran and showed the form again, e.g. with field errors).</summary>
    Ok,
    SignIn,
    Forbidden,
    Unauthorized,
    NotFound,
    MethodNotAllowed,
    /// <summary>400, e.g. a form post whose antiforgery token does not belong to the visitor.</summary>
    BadRequest,
    /// <summary>A redirect somewhere other than sign-in or 403: for a POST, the handler ran and succeeded.</summary>
    RedirectElsewhere,
    /// <summary>415: a JSON API reached with the row's form body (the visitor got past every access check).</summary>
    UnsupportedMediaType,
}

/// <summary>
/// Every route, method and named Razor Pages handler of the app, and what each kind of visitor gets. A route, method
/// or handler without a row (or a row for one that is gone) fails
/// <see cref="AuthorizationMatrixTests.Matrix_EveryRouteMethodAndHandlerOfTheApp_IsListed"/>.
/// <para>Adding a row: copy a row of the same kind. A GET row needs a <see cref="Sample"/> that answers; a POST row
/// is probed with POST and the visitor's own antiforgery token, with <see cref="Form"/> as the body, so choose a body
/// that spoils nothing (invalid input, a stale revision); a named handler (<c>OnPostSignOutEverywhereAsync</c>) gets
/// <c>{ Handler = "SignOutEverywhere" }</c> and <c>?handler=SignOutEverywhere</c> in its sample; a handler that ends or
/// changes the visitor's own session gets <c>Fresh = true</c>. For example:</para>
/// <code>new("account/manage", "POST", "/account/manage?handler=SignOutEverywhere", Outcome.SignIn, Outcome.RedirectElsewhere, Outcome.RedirectElsewhere, Outcome.RedirectElsewhere, Outcome.RedirectElsewhere) { Handler = "SignOutEverywhere", Fresh = true },</code>
/// <para>The visitors are real: the service owner belongs to a bureau, the partner to a partner company. Most rows
/// decide by role alone, but the register's object-level rows decide by organisation and assignment: a row on a
/// service of the visitor's own organisation (matrix-own, to which the partner is assigned) and the same route on
/// another's (matrix-other) give the Partner and ServiceOwner different outcomes, and Reviewers may read and review
/// any service without editing it.</para>
/// </summary>
/// <param name="Route">The route pattern as the app maps it, without the leading slash.</param>
/// <param name="Method">GET, POST, … ("*" for an endpoint mapped without a method, probed with GET).</param>
/// <param name="Sample">A concrete path (and query) to probe; {admin}, {organization} and {proposal} are filled in.</param>
public sealed record Access(string Route, string Method, string Sample, Outcome Anonymous, Outcome Partner, Outcome ServiceOwner, Outcome Reviewer, Outcome Admin)
{
    /// <summary>The named Razor Pages handler (<c>OnPostDisableAsync</c> → "Disable"); null for the default handler and for minimal APIs.</summary>
    public string? Handler { get; init; }

    /// <summary>The form fields a POST row sends besides the antiforgery token, URL-encoded (a=1&amp;b=2).</summary>
    public string Form { get; init; } = "";

    /// <summary>Probe on a session made for this row: the handler ends or changes the visitor's own session.</summary>
    public bool Fresh { get; init; }

    /// <summary>What identifies the route: method, route and handler.</summary>
    public string Key => $"{Method} /{Route}" + (Handler is null ? "" : $" handler={Handler}");

    /// <summary>What identifies the row in the table: its route's <see cref="Key"/> and its sample (object-level rows).</summary>
    public string Id => $"{Key} {Sample}";

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
        // The footer's pages (issue 11) and security.txt, which answers 404 while Shishin:SecurityContact is unset (as here).
        new("accessibility", "GET", "/accessibility", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("privacy", "GET", "/privacy", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("contact", "GET", "/contact", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new(".well-known/security.txt", "GET", "/.well-known/security.txt", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound),
        new("account/sign-in", "GET", "/account/sign-in", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("account/sign-in/two-factor", "GET", "/account/sign-in/two-factor", Outcome.SignIn, Outcome.SignIn, Outcome.SignIn, Outcome.SignIn, Outcome.SignIn),
        new("account/sign-in/recovery-code", "GET", "/account/sign-in/recovery-code", Outcome.SignIn, Outcome.SignIn, Outcome.SignIn, Outcome.SignIn, Outcome.SignIn),
        new("account/sign-in/external", "GET", "/account/sign-in/external", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound),
        // Without a provider configured, the callback has nothing to finish and says so.
        new("account/sign-in/external", "GET", "/account/sign-in/external?handler=Callback", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok) { Handler = "Callback" },
        new("account/sign-out", "GET", "/account/sign-out", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("account/invitation/{token}", "GET", "/account/invitation/not-a-real-token", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound),
        // Recovery: anyone may ask for a reset link; a reset or e-mail change link without a valid token is not found.
        new("account/forgot-password", "GET", "/account/forgot-password", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("account/reset-password", "GET", "/account/reset-password?user=00000000-0000-0000-0000-000000000000&token=x", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound),
        new("account/confirm-email", "GET", "/account/confirm-email", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound),
        // The language switch, in every page's header: anyone may use it; it goes back to the page (returnUrl).
        new("culture", "POST", "/culture", Outcome.RedirectElsewhere, Outcome.RedirectElsewhere, Outcome.RedirectElsewhere, Outcome.RedirectElsewhere, Outcome.RedirectElsewhere) { Form = "culture=ja&returnUrl=%2F" },
        // Signed-in users' own account.
        new("account/manage", "GET", "/account/manage", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("account/manage/email", "GET", "/account/manage/email", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("account/manage/password", "GET", "/account/manage/password", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("account/manage/two-factor", "GET", "/account/manage/two-factor", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("account/api-keys", "GET", "/account/api-keys", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        // Administration.
        new("admin", "GET", "/admin", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok),
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
        // The service canvas (issue 12): whoever may see the service reads it; an internal service another visitor may not see is 404.
        new("services/{key}/canvas", "GET", "/services/matrix-own/canvas", Outcome.NotFound, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/canvas", "GET", "/services/matrix-other/canvas", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        new("services/{key}/canvas", "GET", "/services/matrix-public/canvas", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/canvas/history", "GET", "/services/matrix-own/canvas/history", Outcome.NotFound, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/canvas/history", "GET", "/services/matrix-other/canvas/history", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        new("services/{key}/canvas/history", "GET", "/services/matrix-public/canvas/history", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/canvas/diff", "GET", "/services/matrix-own/canvas/diff?from=1&to=2", Outcome.NotFound, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/canvas/diff", "GET", "/services/matrix-other/canvas/diff?from=1&to=2", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        new("services/{key}/canvas/diff", "GET", "/services/matrix-public/canvas/diff?from=1&to=2", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/canvas/print", "GET", "/services/matrix-own/canvas/print", Outcome.NotFound, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/canvas/print", "GET", "/services/matrix-other/canvas/print", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        new("services/{key}/canvas/print", "GET", "/services/matrix-public/canvas/print", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        // Editing: the owning organisation's service owners and admins; the assigned partner and reviewers see but may not edit.
        new("services/{key}/canvas/edit", "GET", "/services/matrix-own/canvas/edit", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/canvas/edit", "GET", "/services/matrix-other/canvas/edit", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/canvas/edit", "GET", "/services/matrix-public/canvas/edit", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok),
        // The assessment workflow (issue 12). {assessment-draft}: a draft of matrix-own; {assessment-other}: a draft of
        // matrix-other; {assessment-review}: matrix-own in review without our reviewer on the panel; {assessment-closed}:
        // matrix-own published, its response window closed. Who may not see the service gets 404, who sees it but may not act 403.
        new("services/{key}/assessments/new", "GET", "/services/matrix-own/assessments/new", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/assessments/new", "GET", "/services/matrix-other/assessments/new", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok),
        new("assessments/{id:guid}/edit", "GET", "/assessments/{assessment-draft}/edit", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Forbidden, Outcome.Ok),
        new("assessments/{id:guid}/edit", "GET", "/assessments/{assessment-other}/edit", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok),
        new("assessments/{id:guid}/review", "GET", "/assessments/{assessment-review}/review", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok, Outcome.Ok),
        new("assessments/{id:guid}/review", "GET", "/assessments/{assessment-other}/review", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        new("assessments/{id:guid}/respond", "GET", "/assessments/{assessment-closed}/respond", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok),
        new("assessments/{id:guid}/respond", "GET", "/assessments/{assessment-other}/respond", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok),
        // The service register's writes (issue 12). Object-level rows: matrix-own is the ServiceOwner's bureau's with the
        // Partner's company assigned (the partner sees it, may not edit it); matrix-other is Minato City's, internal.
        new("services/new", "GET", "/services/new", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/edit", "GET", "/services/matrix-own/edit", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/edit", "GET", "/services/matrix-other/edit", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/phase", "GET", "/services/matrix-own/phase", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/phase", "GET", "/services/matrix-other/phase", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/kpis", "GET", "/services/matrix-own/kpis", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/kpis", "GET", "/services/matrix-other/kpis", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok),
        // Notifications (issue 14): whoever signed in may see the service chooses their own; webhooks are for those who edit it.
        new("services/{key}/notifications", "GET", "/services/matrix-own/notifications", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/notifications", "GET", "/services/matrix-other/notifications", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        new("services/{key}/notifications", "GET", "/services/matrix-public/notifications", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/webhooks", "GET", "/services/matrix-own/webhooks", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/webhooks", "GET", "/services/matrix-other/webhooks", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/webhooks", "GET", "/services/matrix-public/webhooks", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok),
        new("account/notifications", "GET", "/account/notifications", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        // Posted with no event chosen (the form comes back with its errors); stopping notifications nobody had changes nothing.
        new("services/{key}/notifications", "POST", "/services/matrix-own/notifications", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok) { Form = "Mode=Immediate" },
        new("services/{key}/notifications", "POST", "/services/matrix-other/notifications", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok) { Form = "Mode=Immediate" },
        new("services/{key}/notifications", "POST", "/services/matrix-own/notifications?handler=Unsubscribe", Outcome.SignIn, Outcome.RedirectElsewhere, Outcome.RedirectElsewhere, Outcome.RedirectElsewhere, Outcome.RedirectElsewhere) { Handler = "Unsubscribe" },
        new("services/{key}/notifications", "POST", "/services/matrix-other/notifications?handler=Unsubscribe", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.RedirectElsewhere, Outcome.RedirectElsewhere) { Handler = "Unsubscribe" },
        // Webhooks: an empty form comes back with its errors; the handlers of a webhook that does not exist answer 404 once past the checks.
        new("services/{key}/webhooks", "POST", "/services/matrix-own/webhooks", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/webhooks", "POST", "/services/matrix-other/webhooks", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/webhooks", "POST", "/services/matrix-own/webhooks?handler=Test&id=00000000-0000-0000-0000-000000000001", Outcome.SignIn, Outcome.Forbidden, Outcome.NotFound, Outcome.Forbidden, Outcome.NotFound) { Handler = "Test" },
        new("services/{key}/webhooks", "POST", "/services/matrix-other/webhooks?handler=Test&id=00000000-0000-0000-0000-000000000001", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.NotFound) { Handler = "Test" },
        new("services/{key}/webhooks", "POST", "/services/matrix-own/webhooks?handler=Enable&id=00000000-0000-0000-0000-000000000001&enabled=false", Outcome.SignIn, Outcome.Forbidden, Outcome.NotFound, Outcome.Forbidden, Outcome.NotFound) { Handler = "Enable" },
        new("services/{key}/webhooks", "POST", "/services/matrix-other/webhooks?handler=Enable&id=00000000-0000-0000-0000-000000000001&enabled=false", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.NotFound) { Handler = "Enable" },
        new("services/{key}/webhooks", "POST", "/services/matrix-own/webhooks?handler=Delete&id=00000000-0000-0000-0000-000000000001", Outcome.SignIn, Outcome.Forbidden, Outcome.NotFound, Outcome.Forbidden, Outcome.NotFound) { Handler = "Delete" },
        new("services/{key}/webhooks", "POST", "/services/matrix-other/webhooks?handler=Delete&id=00000000-0000-0000-0000-000000000001", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.NotFound) { Handler = "Delete" },
        // Scans (issue 14). Summaries (runs, a run's page, trends) for whoever sees the service; profiles, pages and findings
        // (the diff) for the team and reviewers; profiles, Scan now and Cancel for the owners. {scan-*} are finished runs,
        // {profile-*} profiles of matrix-own and matrix-other (see ScanSamplesAsync).
        new("services/{key}/scans", "GET", "/services/matrix-public/scans", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/scans", "GET", "/services/matrix-own/scans", Outcome.NotFound, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/scans", "GET", "/services/matrix-other/scans", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        new("services/{key}/scans/trends", "GET", "/services/matrix-public/scans/trends", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/scans/trends", "GET", "/services/matrix-own/scans/trends", Outcome.NotFound, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/scans/trends", "GET", "/services/matrix-other/scans/trends", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        new("services/{key}/scans/{id:guid}", "GET", "/services/matrix-public/scans/{scan-public}", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/scans/{id:guid}", "GET", "/services/matrix-own/scans/{scan-own}", Outcome.NotFound, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/scans/{id:guid}", "GET", "/services/matrix-other/scans/{scan-other}", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        new("services/{key}/scans/{id:guid}", "GET", "/services/matrix-public/scans/{scan-public}?handler=Progress", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok) { Handler = "Progress" },
        new("services/{key}/scans/{id:guid}", "GET", "/services/matrix-own/scans/{scan-own}?handler=Progress", Outcome.NotFound, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok) { Handler = "Progress" },
        new("services/{key}/scans/{id:guid}", "GET", "/services/matrix-other/scans/{scan-other}?handler=Progress", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok) { Handler = "Progress" },
        new("services/{key}/scans/diff", "GET", "/services/matrix-public/scans/diff", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok, Outcome.Ok),
        new("services/{key}/scans/diff", "GET", "/services/matrix-own/scans/diff", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/scans/diff", "GET", "/services/matrix-other/scans/diff", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        new("services/{key}/scans/profiles/new", "GET", "/services/matrix-own/scans/profiles/new", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/scans/profiles/new", "GET", "/services/matrix-other/scans/profiles/new", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/scans/profiles/{id:guid}", "GET", "/services/matrix-own/scans/profiles/{profile-own}", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/scans/profiles/{id:guid}", "GET", "/services/matrix-other/scans/profiles/{profile-other}", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok),
        // The register's write API answers JSON only: a visitor past every check meets the form body with 415.
        new("api/v1/services", "POST", "/api/v1/services", Outcome.Unauthorized, Outcome.Forbidden, Outcome.UnsupportedMediaType, Outcome.Forbidden, Outcome.UnsupportedMediaType),
        new("api/v1/services/{key}", "PUT", "/api/v1/services/matrix-own", Outcome.Unauthorized, Outcome.Forbidden, Outcome.UnsupportedMediaType, Outcome.Forbidden, Outcome.UnsupportedMediaType),
        new("api/v1/services/{key}", "PUT", "/api/v1/services/matrix-other", Outcome.Unauthorized, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.UnsupportedMediaType),
        new("api/v1/services/{key}/kpis/{fiscalYear:int}", "PUT", "/api/v1/services/matrix-own/kpis/2025", Outcome.Unauthorized, Outcome.Forbidden, Outcome.UnsupportedMediaType, Outcome.Forbidden, Outcome.UnsupportedMediaType),
        new("api/v1/services/{key}/kpis/{fiscalYear:int}", "PUT", "/api/v1/services/matrix-other/kpis/2025", Outcome.Unauthorized, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.UnsupportedMediaType),
        // The service register as CSV: the import for admins and service owners (each row checked against their own
        // organisations, see ServiceCsvPageTests), the export for everyone, each getting the services they may see.
        new("admin/services/import", "GET", "/admin/services/import", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok),
        new("services/export.csv", "GET", "/services/export.csv", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        // API and operations.
        // The service register (issue 12): public services for anyone; an internal one answers 404 to whoever may not see
        // it (matrix-own: the ServiceOwner's bureau, the Partner's company assigned; matrix-other: Minato City, nobody assigned).
        new("services", "GET", "/services", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}", "GET", "/services/matrix-public", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}", "GET", "/services/matrix-own", Outcome.NotFound, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}", "GET", "/services/matrix-other", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        new("api/v1/services", "GET", "/api/v1/services?sort=name", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("api/v1/services/{key}", "GET", "/api/v1/services/matrix-public", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("api/v1/services/{key}", "GET", "/api/v1/services/matrix-own", Outcome.NotFound, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("api/v1/services/{key}", "GET", "/api/v1/services/matrix-other", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        new("api/v1/organizations", "GET", "/api/v1/organizations", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("api/v1/organizations/{key}", "GET", "/api/v1/organizations/tmg", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("api/v1/catalog", "GET", "/api/v1/catalog", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("api/v1/catalog/versions", "GET", "/api/v1/catalog/versions", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("api/v1/catalog/versions/{version}", "GET", "/api/v1/catalog/versions/1.0.0", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("api/v1/catalog/checkpoints", "GET", "/api/v1/catalog/checkpoints?mapping=WCAG%201.4.3", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("api/v1/catalog/diff", "GET", "/api/v1/catalog/diff?from=1.0.0&to=1.0.0", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("api/v1/catalog/schema.json", "GET", "/api/v1/catalog/schema.json", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        // Assessments (issue 12), object-level: see ReportSamplesAsync for the fixed ids. A published report is public
        // when its service is; a draft only for the team (owner, assigned partner) and reviewers; an internal service's
        // reports 404 for anyone who cannot see the service.
        new("assessments/{id:guid}", "GET", "/assessments/a0000000-0000-0000-0000-0000000000a1", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("assessments/{id:guid}", "GET", "/assessments/a0000000-0000-0000-0000-0000000000a2", Outcome.NotFound, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("assessments/{id:guid}", "GET", "/assessments/a0000000-0000-0000-0000-0000000000a3", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        new("assessments/{id:guid}", "GET", "/assessments/a0000000-0000-0000-0000-0000000000a4", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        new("assessments/{id:guid}/print", "GET", "/assessments/a0000000-0000-0000-0000-0000000000a1/print", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("assessments/{id:guid}/print", "GET", "/assessments/a0000000-0000-0000-0000-0000000000a3/print", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        new("services/{key}/assessments", "GET", "/services/matrix-public/assessments", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/assessments", "GET", "/services/matrix-own/assessments", Outcome.NotFound, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/assessments", "GET", "/services/matrix-other/assessments", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        // Uptime status (issue 14): public for public services; an internal service's page as its other pages.
        new("status", "GET", "/status", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/status", "GET", "/services/matrix-public/status", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/status", "GET", "/services/matrix-own/status", Outcome.NotFound, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/status", "GET", "/services/matrix-other/status", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        // Action items: the team and reviewers read; the service's owners (and admins) change them, reviewers only read.
        new("actions", "GET", "/actions", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("actions/{id:guid}", "GET", "/actions/b0000000-0000-0000-0000-0000000000b1", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("actions/{id:guid}", "GET", "/actions/b0000000-0000-0000-0000-0000000000b2", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        // The portfolio is for guideline owners (reviewers and admins).
        new("portfolio", "GET", "/portfolio", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok, Outcome.Ok),
        new("portfolio.csv", "GET", "/portfolio.csv", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok, Outcome.Ok),
        new("portfolio/overrides", "GET", "/portfolio/overrides", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok, Outcome.Ok),
        new("api/v1/services/{key}/assessments", "GET", "/api/v1/services/matrix-public/assessments", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("api/v1/services/{key}/assessments", "GET", "/api/v1/services/matrix-other/assessments", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        new("api/v1/assessments/{id:guid}", "GET", "/api/v1/assessments/a0000000-0000-0000-0000-0000000000a1", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("api/v1/assessments/{id:guid}", "GET", "/api/v1/assessments/a0000000-0000-0000-0000-0000000000a2", Outcome.NotFound, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("api/v1/assessments/{id:guid}", "GET", "/api/v1/assessments/a0000000-0000-0000-0000-0000000000a3", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        new("openapi/{documentName}.json", "GET", "/openapi/v1.json", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        // Health checks are mapped without a method: they answer any method the same way, probed with GET.
        new("health/live", "*", "/health/live", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("health/ready", "*", "/health/ready", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),

        // ---- Form posts (POST with a valid antiforgery token of the visitor's own session and a harmless body). ----
        // Outcome.Ok for a POST means the handler ran and showed the page again (usually with field errors); a
        // redirect elsewhere means it ran and succeeded. Bodies are chosen so that nothing shared is spoiled: draft
        // actions carry revision -1 (a conflict), forms are empty or invalid. Rows marked Fresh run on a session of
        // their own, because the handler ends or changes the visitor's own session.
        // Every page and the language switch are open to anyone who may see the page; errors re-render for any method.
        new("errors/{code:int}", "POST", "/errors/404", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound),
        // Refused API calls of other methods are re-executed on the error page with their own method (problem details).
        new("errors/{code:int}", "PUT", "/errors/404", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound),
        new("errors/{code:int}", "PATCH", "/errors/404", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound),
        new("errors/{code:int}", "DELETE", "/errors/404", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound),
        new("setup", "POST", "/setup", Outcome.SignIn, Outcome.SignIn, Outcome.SignIn, Outcome.SignIn, Outcome.SignIn),
        new("account/sign-in", "POST", "/account/sign-in", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("account/sign-in/two-factor", "POST", "/account/sign-in/two-factor", Outcome.SignIn, Outcome.SignIn, Outcome.SignIn, Outcome.SignIn, Outcome.SignIn) { Form = "Input.Code=000000" },
        new("account/sign-in/recovery-code", "POST", "/account/sign-in/recovery-code", Outcome.SignIn, Outcome.SignIn, Outcome.SignIn, Outcome.SignIn, Outcome.SignIn) { Form = "Input.Code=nothing" },
        new("account/sign-out", "POST", "/account/sign-out", Outcome.RedirectElsewhere, Outcome.RedirectElsewhere, Outcome.RedirectElsewhere, Outcome.RedirectElsewhere, Outcome.RedirectElsewhere) { Fresh = true },
        new("account/invitation/{token}", "POST", "/account/invitation/not-a-real-token", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound),
        new("account/forgot-password", "POST", "/account/forgot-password", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("account/reset-password", "POST", "/account/reset-password?user=00000000-0000-0000-0000-000000000000&token=x", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound),
        new("account/confirm-email", "POST", "/account/confirm-email", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound),
        // The visitor's own account.
        new("account/manage/password", "POST", "/account/manage/password", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok) { Fresh = true },
        new("account/manage/two-factor", "POST", "/account/manage/two-factor", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok) { Fresh = true, Form = "Input.Code=000000" },
        new("account/manage/two-factor", "POST", "/account/manage/two-factor?handler=RecoveryCodes", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok) { Handler = "RecoveryCodes", Fresh = true },
        // Administrators must keep two-step verification.
        // Without the current password (ADR 0010) nothing changes: the page shows the field message. Admins may not turn it off at all.
        new("account/manage/two-factor", "POST", "/account/manage/two-factor?handler=Disable", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Forbidden) { Handler = "Disable", Fresh = true },
        new("account/manage/email", "POST", "/account/manage/email", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("account/manage", "POST", "/account/manage?handler=Name", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok) { Handler = "Name" },
        // API keys: an empty form shows its field messages. {apikey} is a key of another user: only an admin may revoke it.
        new("account/api-keys", "POST", "/account/api-keys", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("account/api-keys", "POST", "/account/api-keys?handler=Revoke&id={apikey}", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.RedirectElsewhere) { Handler = "Revoke" },
        // Ends every session of the visitor, so it lands on sign-in.
        new("account/manage", "POST", "/account/manage?handler=SignOutEverywhere", Outcome.SignIn, Outcome.SignIn, Outcome.SignIn, Outcome.SignIn, Outcome.SignIn) { Handler = "SignOutEverywhere", Fresh = true },
        // Change proposals; {proposal} is a new open proposal of the admin's for each visitor.
        new("proposals/new", "POST", "/proposals/new", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok) { Form = "Input.Kind=Change&Input.CheckpointId=P3-01" },
        new("proposals/{id:guid}", "POST", "/proposals/{proposal}?handler=Comment", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok) { Handler = "Comment" },
        new("proposals/{id:guid}", "POST", "/proposals/{proposal}?handler=Withdraw", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.RedirectElsewhere) { Handler = "Withdraw" },
        new("proposals/{id:guid}", "POST", "/proposals/{proposal}?handler=Accept", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.RedirectElsewhere) { Handler = "Accept" },
        new("proposals/{id:guid}", "POST", "/proposals/{proposal}?handler=Decline", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok) { Handler = "Decline" },
        // The service canvas: a save based on revision -1 is always a conflict (the page shows it; nothing is written).
        new("services/{key}/canvas/edit", "POST", "/services/matrix-own/canvas/edit", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok) { Form = "Input.BaseRevision=-1" },
        new("services/{key}/canvas/edit", "POST", "/services/matrix-other/canvas/edit", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok) { Form = "Input.BaseRevision=-1" },
        new("services/{key}/canvas/edit", "POST", "/services/matrix-public/canvas/edit", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok) { Form = "Input.BaseRevision=-1" },
        new("services/{key}/canvas/edit", "POST", "/services/matrix-own/canvas/edit?handler=AddHypothesis", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok) { Handler = "AddHypothesis" },
        new("services/{key}/canvas/edit", "POST", "/services/matrix-other/canvas/edit?handler=AddHypothesis", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok) { Handler = "AddHypothesis" },
        new("services/{key}/canvas/edit", "POST", "/services/matrix-public/canvas/edit?handler=AddHypothesis", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok) { Handler = "AddHypothesis" },
        // Action items: a stale revision (-1) changes nothing; the owner's page shows the conflict, a reviewer is refused.
        new("actions/{id:guid}", "POST", "/actions/b0000000-0000-0000-0000-0000000000b1", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok) { Form = "Input.Status=open&Input.DueOn=2030-01-01&Input.Revision=-1" },
        new("actions/{id:guid}", "POST", "/actions/b0000000-0000-0000-0000-0000000000b2", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok) { Form = "Input.Status=open&Input.DueOn=2030-01-01&Input.Revision=-1" },
        // Administration. Editing the admin's own access without the Admin role is refused with a field error.
        new("admin/users/invite", "POST", "/admin/users/invite", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok),
        new("admin/users/{id:guid}", "POST", "/admin/users/{admin}", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok),
        new("admin/users/{id:guid}", "POST", "/admin/users/{admin}?handler=Deactivate", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok) { Handler = "Deactivate" },
        new("admin/users/{id:guid}", "POST", "/admin/users/{admin}?handler=Reactivate", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok) { Handler = "Reactivate" },
        // Sign-in help on the admin's own account: unlocking and a reset link work; there is no invitation to renew.
        new("admin/users/{id:guid}", "POST", "/admin/users/{admin}?handler=Unlock", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.RedirectElsewhere) { Handler = "Unlock" },
        new("admin/users/{id:guid}", "POST", "/admin/users/{admin}?handler=SendPasswordReset", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.RedirectElsewhere) { Handler = "SendPasswordReset" },
        new("admin/users/{id:guid}", "POST", "/admin/users/{admin}?handler=Reinvite", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok) { Handler = "Reinvite" },
        new("admin/organizations/new", "POST", "/admin/organizations/new", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok),
        new("admin/organizations/{id:guid}/edit", "POST", "/admin/organizations/{organization}/edit", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok),
        new("admin/catalog", "POST", "/admin/catalog?handler=Start", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok) { Handler = "Start" },
        new("admin/catalog", "POST", "/admin/catalog?handler=Retire", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok) { Handler = "Retire", Form = "revision=-1&id=P3-01" },
        new("admin/catalog", "POST", "/admin/catalog?handler=Restore", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok) { Handler = "Restore", Form = "revision=-1&id=P3-01" },
        new("admin/catalog", "POST", "/admin/catalog?handler=MoveUp", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok) { Handler = "MoveUp", Form = "revision=-1&id=P3-01" },
        new("admin/catalog", "POST", "/admin/catalog?handler=MoveDown", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok) { Handler = "MoveDown", Form = "revision=-1&id=P3-01" },
        new("admin/catalog", "POST", "/admin/catalog?handler=RetireParameter", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok) { Handler = "RetireParameter", Form = "revision=-1&key=satisfaction.baseline" },
        new("admin/catalog", "POST", "/admin/catalog?handler=RestoreParameter", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok) { Handler = "RestoreParameter", Form = "revision=-1&key=satisfaction.baseline" },
        new("admin/catalog", "POST", "/admin/catalog?handler=MoveParameterUp", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok) { Handler = "MoveParameterUp", Form = "revision=-1&key=satisfaction.baseline" },
        new("admin/catalog", "POST", "/admin/catalog?handler=MoveParameterDown", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok) { Handler = "MoveParameterDown", Form = "revision=-1&key=satisfaction.baseline" },
        new("admin/catalog", "POST", "/admin/catalog?handler=RetireVersion", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok) { Handler = "RetireVersion", Form = "version=0.0.1" },
        new("admin/catalog", "POST", "/admin/catalog?handler=Publish", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok) { Handler = "Publish", Form = "revision=-1&Publish.Version=0.0.1" },
        new("admin/catalog/discard", "POST", "/admin/catalog/discard", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok) { Form = "revision=-1" },
        new("admin/catalog/checkpoints/new", "POST", "/admin/catalog/checkpoints/new", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok) { Form = "Revision=-1" },
        new("admin/catalog/checkpoints/{id}/edit", "POST", "/admin/catalog/checkpoints/P3-01/edit", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok) { Form = "Revision=-1" },
        new("admin/catalog/parameters/new", "POST", "/admin/catalog/parameters/new", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok) { Form = "Revision=-1" },
        new("admin/catalog/parameters/{key}/edit", "POST", "/admin/catalog/parameters/satisfaction.baseline/edit", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok) { Form = "Revision=-1" },
        // The assessment workflow: bodies that change nothing (an unknown phase, a stale revision, an empty panel, a
        // closed response window); Ok means the handler ran and showed its message.
        new("services/{key}/assessments/new", "POST", "/services/matrix-own/assessments/new", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok) { Form = "Phase=none" },
        new("services/{key}/assessments/new", "POST", "/services/matrix-other/assessments/new", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok) { Form = "Phase=none" },
        new("assessments/{id:guid}/edit", "POST", "/assessments/{assessment-draft}/edit?handler=Save&checkpoint=P1-01", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Forbidden, Outcome.Ok) { Handler = "Save", Form = "Input.Revision=-1&Input.Outcome=Met" },
        new("assessments/{id:guid}/edit", "POST", "/assessments/{assessment-other}/edit?handler=Save&checkpoint=P1-01", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok) { Handler = "Save", Form = "Input.Revision=-1&Input.Outcome=Met" },
        new("assessments/{id:guid}/edit", "POST", "/assessments/{assessment-draft}/edit?handler=Submit", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok) { Handler = "Submit" },
        new("assessments/{id:guid}/edit", "POST", "/assessments/{assessment-other}/edit?handler=Submit", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok) { Handler = "Submit" },
        new("assessments/{id:guid}/review", "POST", "/assessments/{assessment-review}/review?handler=Panel", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok, Outcome.Ok) { Handler = "Panel" },
        new("assessments/{id:guid}/review", "POST", "/assessments/{assessment-other}/review?handler=Panel", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok) { Handler = "Panel" },
        new("assessments/{id:guid}/review", "POST", "/assessments/{assessment-review}/review?handler=Rate&checkpoint=P1-01", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok) { Handler = "Rate", Form = "Revision=-1&Rag=Green" },
        new("assessments/{id:guid}/review", "POST", "/assessments/{assessment-review}/review?handler=Overall", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok) { Handler = "Overall", Form = "Revision=-1&Rag=Green" },
        new("assessments/{id:guid}/review", "POST", "/assessments/{assessment-review}/review?handler=Publish", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok) { Handler = "Publish" },
        new("assessments/{id:guid}/respond", "POST", "/assessments/{assessment-closed}/respond?handler=Accept", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok) { Handler = "Accept" },
        new("assessments/{id:guid}/respond", "POST", "/assessments/{assessment-other}/respond?handler=Accept", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok) { Handler = "Accept" },
        new("assessments/{id:guid}/respond", "POST", "/assessments/{assessment-closed}/respond?handler=Challenge", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok) { Handler = "Challenge", Form = "Reason=x" },
        new("assessments/{id:guid}/respond", "POST", "/assessments/{assessment-closed}/respond?handler=Reassess", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok) { Handler = "Reassess" },
        // The service register's forms; bodies that change nothing: empty (field errors) or a stale KPI revision (a conflict).
        new("services/new", "POST", "/services/new", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/edit", "POST", "/services/matrix-own/edit", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok) { Form = "Revision=-1" },
        new("services/{key}/edit", "POST", "/services/matrix-other/edit", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok) { Form = "Revision=-1" },
        new("services/{key}/phase", "POST", "/services/matrix-own/phase", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/phase", "POST", "/services/matrix-other/phase", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/kpis", "POST", "/services/matrix-own/kpis", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok) { Form = "Revision=-1&Input.FiscalYear=2025" },
        new("services/{key}/kpis", "POST", "/services/matrix-other/kpis", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok) { Form = "Revision=-1&Input.FiscalYear=2025" },
        // Scans (issue 14): bodies that change nothing — an unknown profile, an empty form, a stale revision, a finished run.
        new("services/{key}/scans", "POST", "/services/matrix-public/scans?handler=ScanNow&profile=00000000-0000-0000-0000-000000000000", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.RedirectElsewhere) { Handler = "ScanNow" },
        new("services/{key}/scans", "POST", "/services/matrix-own/scans?handler=ScanNow&profile=00000000-0000-0000-0000-000000000000", Outcome.NotFound, Outcome.Forbidden, Outcome.RedirectElsewhere, Outcome.Forbidden, Outcome.RedirectElsewhere) { Handler = "ScanNow" },
        new("services/{key}/scans", "POST", "/services/matrix-other/scans?handler=ScanNow&profile=00000000-0000-0000-0000-000000000000", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.RedirectElsewhere) { Handler = "ScanNow" },
        new("services/{key}/scans/{id:guid}", "POST", "/services/matrix-public/scans/{scan-public}?handler=Cancel", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.RedirectElsewhere) { Handler = "Cancel" },
        new("services/{key}/scans/{id:guid}", "POST", "/services/matrix-own/scans/{scan-own}?handler=Cancel", Outcome.NotFound, Outcome.Forbidden, Outcome.RedirectElsewhere, Outcome.Forbidden, Outcome.RedirectElsewhere) { Handler = "Cancel" },
        new("services/{key}/scans/{id:guid}", "POST", "/services/matrix-other/scans/{scan-other}?handler=Cancel", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.RedirectElsewhere) { Handler = "Cancel" },
        new("services/{key}/scans/profiles/new", "POST", "/services/matrix-own/scans/profiles/new", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/scans/profiles/new", "POST", "/services/matrix-other/scans/profiles/new", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/scans/profiles/{id:guid}", "POST", "/services/matrix-own/scans/profiles/{profile-own}", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok) { Form = "Revision=-1" },
        new("services/{key}/scans/profiles/{id:guid}", "POST", "/services/matrix-other/scans/profiles/{profile-other}", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok) { Form = "Revision=-1" },
        new("services/{key}/scans/profiles/{id:guid}", "POST", "/services/matrix-own/scans/profiles/{profile-own}?handler=Delete", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok) { Handler = "Delete", Form = "Revision=-1" },
        new("services/{key}/scans/profiles/{id:guid}", "POST", "/services/matrix-other/scans/profiles/{profile-other}?handler=Delete", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok) { Handler = "Delete", Form = "Revision=-1" },
        // The service CSV import: without a file the page shows its field message; the API takes text/csv only (415).
        new("admin/services/import", "POST", "/admin/services/import", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok),
        new("admin/services/import", "POST", "/admin/services/import?handler=Import", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok) { Handler = "Import" },
        new("api/v1/services/import", "POST", "/api/v1/services/import", Outcome.Unauthorized, Outcome.Forbidden, Outcome.UnsupportedMediaType, Outcome.Forbidden, Outcome.UnsupportedMediaType),
        // Scans API (issue 14), object-level: see FixedScanRunsAsync for the fixed run ids (…c1 on matrix-public, …c2 on
        // matrix-own, …c3 on matrix-other). Runs are read by whoever sees the service; starting a scan needs edit rights,
        // uploading edit rights or the assigned partner's. A form body reaches the JSON check (415) only past every access check.
        new("api/v1/services/{key}/scans", "GET", "/api/v1/services/matrix-public/scans", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("api/v1/services/{key}/scans", "GET", "/api/v1/services/matrix-own/scans", Outcome.NotFound, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("api/v1/services/{key}/scans", "GET", "/api/v1/services/matrix-other/scans", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        new("api/v1/scans/{id:guid}", "GET", "/api/v1/scans/c0000000-0000-0000-0000-0000000000c1", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("api/v1/scans/{id:guid}", "GET", "/api/v1/scans/c0000000-0000-0000-0000-0000000000c2", Outcome.NotFound, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("api/v1/scans/{id:guid}", "GET", "/api/v1/scans/c0000000-0000-0000-0000-0000000000c3", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        new("api/v1/scans/{id:guid}/diff", "GET", "/api/v1/scans/c0000000-0000-0000-0000-0000000000c1/diff?against=c0000000-0000-0000-0000-0000000000c1", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("api/v1/scans/{id:guid}/diff", "GET", "/api/v1/scans/c0000000-0000-0000-0000-0000000000c2/diff?against=c0000000-0000-0000-0000-0000000000c2", Outcome.NotFound, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("api/v1/scans/{id:guid}/diff", "GET", "/api/v1/scans/c0000000-0000-0000-0000-0000000000c3/diff?against=c0000000-0000-0000-0000-0000000000c3", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        new("api/v1/services/{key}/scans", "POST", "/api/v1/services/matrix-own/scans", Outcome.Unauthorized, Outcome.Forbidden, Outcome.UnsupportedMediaType, Outcome.Forbidden, Outcome.UnsupportedMediaType),
        new("api/v1/services/{key}/scans", "POST", "/api/v1/services/matrix-other/scans", Outcome.Unauthorized, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.UnsupportedMediaType),
        new("api/v1/services/{key}/scans", "POST", "/api/v1/services/matrix-public/scans", Outcome.Unauthorized, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.UnsupportedMediaType),
        new("api/v1/services/{key}/scans/upload", "POST", "/api/v1/services/matrix-own/scans/upload", Outcome.Unauthorized, Outcome.UnsupportedMediaType, Outcome.UnsupportedMediaType, Outcome.Forbidden, Outcome.UnsupportedMediaType),
        new("api/v1/services/{key}/scans/upload", "POST", "/api/v1/services/matrix-other/scans/upload", Outcome.Unauthorized, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.UnsupportedMediaType),
        new("api/v1/services/{key}/scans/upload", "POST", "/api/v1/services/matrix-public/scans/upload", Outcome.Unauthorized, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.UnsupportedMediaType),
        // Citizen feedback, the staff side (issue 15). Figures, "you said, we did" and the summary API for whoever sees the
        // service; the inbox, submissions and their CSV for the team (owners, assigned partners), reviewers and admins;
        // triage, improvements and settings for the owners and admins. Fixed ids: see FeedbackSamplesAsync.
        new("services/{key}/feedback/figures", "GET", "/services/matrix-public/feedback/figures", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/feedback/figures", "GET", "/services/matrix-own/feedback/figures", Outcome.NotFound, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/feedback/figures", "GET", "/services/matrix-other/feedback/figures", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        new("services/{key}/feedback/figures.csv", "GET", "/services/matrix-public/feedback/figures.csv", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/feedback/figures.csv", "GET", "/services/matrix-own/feedback/figures.csv", Outcome.NotFound, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/feedback/figures.csv", "GET", "/services/matrix-other/feedback/figures.csv", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        new("services/{key}/you-said-we-did", "GET", "/services/matrix-public/you-said-we-did", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/you-said-we-did", "GET", "/services/matrix-own/you-said-we-did", Outcome.NotFound, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/you-said-we-did", "GET", "/services/matrix-other/you-said-we-did", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        new("api/v1/services/{key}/feedback/summary", "GET", "/api/v1/services/matrix-public/feedback/summary", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("api/v1/services/{key}/feedback/summary", "GET", "/api/v1/services/matrix-own/feedback/summary", Outcome.NotFound, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("api/v1/services/{key}/feedback/summary", "GET", "/api/v1/services/matrix-other/feedback/summary", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        new("services/{key}/feedback", "GET", "/services/matrix-own/feedback", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/feedback", "GET", "/services/matrix-other/feedback", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        new("services/{key}/feedback", "GET", "/services/matrix-public/feedback", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok, Outcome.Ok),
        new("services/{key}/feedback/export.csv", "GET", "/services/matrix-own/feedback/export.csv", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/feedback/export.csv", "GET", "/services/matrix-other/feedback/export.csv", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        new("services/{key}/feedback/export.csv", "GET", "/services/matrix-public/feedback/export.csv", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok, Outcome.Ok),
        new("services/{key}/feedback/{id:guid}", "GET", "/services/matrix-own/feedback/d0000000-0000-0000-0000-0000000000d1", Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("services/{key}/feedback/{id:guid}", "GET", "/services/matrix-other/feedback/d0000000-0000-0000-0000-0000000000d2", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Ok, Outcome.Ok),
        new("services/{key}/feedback/{id:guid}", "GET", "/services/matrix-public/feedback/d0000000-0000-0000-0000-0000000000d3", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok, Outcome.Ok),
        new("services/{key}/feedback/improvements", "GET", "/services/matrix-own/feedback/improvements", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/feedback/improvements", "GET", "/services/matrix-other/feedback/improvements", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/feedback/improvements", "GET", "/services/matrix-public/feedback/improvements", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/feedback/improvements/new", "GET", "/services/matrix-own/feedback/improvements/new", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/feedback/improvements/new", "GET", "/services/matrix-other/feedback/improvements/new", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/feedback/improvements/{id:guid}", "GET", "/services/matrix-own/feedback/improvements/e0000000-0000-0000-0000-0000000000e1", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/feedback/improvements/{id:guid}", "GET", "/services/matrix-other/feedback/improvements/e0000000-0000-0000-0000-0000000000e2", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/feedback/settings", "GET", "/services/matrix-own/feedback/settings", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/feedback/settings", "GET", "/services/matrix-other/feedback/settings", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok),
        new("services/{key}/feedback/settings", "GET", "/services/matrix-public/feedback/settings", Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Ok),
        // Posts: a stale revision or an invalid form shows the page again (nothing changes); publishing an item that does not exist goes back to the list.
        new("services/{key}/feedback/{id:guid}", "POST", "/services/matrix-own/feedback/d0000000-0000-0000-0000-0000000000d1", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok) { Form = "Status=answered&Revision=-1" },
        new("services/{key}/feedback/{id:guid}", "POST", "/services/matrix-other/feedback/d0000000-0000-0000-0000-0000000000d2", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok) { Form = "Status=answered&Revision=-1" },
        new("services/{key}/feedback/{id:guid}", "POST", "/services/matrix-own/feedback/d0000000-0000-0000-0000-0000000000d1?handler=NewAction", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok) { Handler = "NewAction", Form = "ActionTitle=&Revision=-1" },
        new("services/{key}/feedback/{id:guid}", "POST", "/services/matrix-other/feedback/d0000000-0000-0000-0000-0000000000d2?handler=NewAction", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok) { Handler = "NewAction", Form = "ActionTitle=&Revision=-1" },
        new("services/{key}/feedback/improvements", "POST", "/services/matrix-own/feedback/improvements?handler=Publish&id=00000000-0000-0000-0000-000000000001&revision=0", Outcome.SignIn, Outcome.Forbidden, Outcome.RedirectElsewhere, Outcome.Forbidden, Outcome.RedirectElsewhere) { Handler = "Publish" },
        new("services/{key}/feedback/improvements", "POST", "/services/matrix-other/feedback/improvements?handler=Publish&id=00000000-0000-0000-0000-000000000001&revision=0", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.RedirectElsewhere) { Handler = "Publish" },
        new("services/{key}/feedback/improvements", "POST", "/services/matrix-own/feedback/improvements?handler=Unpublish&id=00000000-0000-0000-0000-000000000001&revision=0", Outcome.SignIn, Outcome.Forbidden, Outcome.RedirectElsewhere, Outcome.Forbidden, Outcome.RedirectElsewhere) { Handler = "Unpublish" },
        new("services/{key}/feedback/improvements", "POST", "/services/matrix-other/feedback/improvements?handler=Unpublish&id=00000000-0000-0000-0000-000000000001&revision=0", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.RedirectElsewhere) { Handler = "Unpublish" },
        new("services/{key}/feedback/improvements/new", "POST", "/services/matrix-own/feedback/improvements/new", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok) { Form = "Revision=0" },
        new("services/{key}/feedback/improvements/new", "POST", "/services/matrix-other/feedback/improvements/new", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok) { Form = "Revision=0" },
        new("services/{key}/feedback/improvements/{id:guid}", "POST", "/services/matrix-own/feedback/improvements/e0000000-0000-0000-0000-0000000000e1", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok) { Form = "Revision=-1" },
        new("services/{key}/feedback/improvements/{id:guid}", "POST", "/services/matrix-other/feedback/improvements/e0000000-0000-0000-0000-0000000000e2", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok) { Form = "Revision=-1" },
        new("services/{key}/feedback/settings", "POST", "/services/matrix-own/feedback/settings", Outcome.SignIn, Outcome.Forbidden, Outcome.Ok, Outcome.Forbidden, Outcome.Ok) { Form = "ExtraOrigins=not-an-origin&Revision=-1" },
        new("services/{key}/feedback/settings", "POST", "/services/matrix-other/feedback/settings", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.Forbidden, Outcome.Ok) { Form = "ExtraOrigins=not-an-origin&Revision=-1" },
        // Citizen feedback intake (issue 15): anonymous on public services that take feedback, 404 on any other. The API
        // reached with a form body is 415 for everyone; the form's POST with a bad rating shows the form again.
        new("api/v1/services/{key}/feedback", "POST", "/api/v1/services/matrix-public/feedback", Outcome.UnsupportedMediaType, Outcome.UnsupportedMediaType, Outcome.UnsupportedMediaType, Outcome.UnsupportedMediaType, Outcome.UnsupportedMediaType),
        new("api/v1/services/{key}/feedback", "POST", "/api/v1/services/matrix-other/feedback", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound),
        new("feedback/{key}", "GET", "/feedback/matrix-public", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("feedback/{key}", "GET", "/feedback/matrix-own", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound),
        new("feedback/{key}", "POST", "/feedback/matrix-public", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok) { Form = "rating=9&taskCompleted=yes" },
        new("feedback/{key}", "POST", "/feedback/matrix-other", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound) { Form = "rating=9&taskCompleted=yes" },
        new("feedback/{key}/thanks", "GET", "/feedback/matrix-public/thanks", Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("feedback/{key}/thanks", "GET", "/feedback/matrix-other/thanks", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound),
    ];
}

public abstract class AuthorizationMatrixTests(ShishinAppFactory app)
{
    public static TheoryData<string> Rows => new(Access.Table.Select(a => a.Id));

    [Fact]
    public async Task Matrix_EveryRouteMethodAndHandlerOfTheApp_IsListed()
    {
        var listed = Access.Table.Select(a => a.Key).Distinct().ToList();
        var actual = (await AppRowsAsync()).Select(r => new Access(r.Route, r.Method, "", 0, 0, 0, 0, 0) { Handler = r.Handler }.Key).ToList();

        var missing = actual.Except(listed).Order(StringComparer.Ordinal).ToList();
        var stale = listed.Distinct().Except(actual).Order(StringComparer.Ordinal).ToList();
        var twice = Access.Table.GroupBy(a => a.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.True(missing.Count == 0, "Routes, methods or handlers missing from the authorisation table: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Rows for routes, methods or handlers that no longer exist: " + string.Join(", ", stale));
        Assert.True(twice.Count == 0, "Rows listed twice: " + string.Join(", ", twice));
        Assert.All(Access.Table.Where(a => a.Handler is not null), a =>
            Assert.Contains($"handler={a.Handler}", a.Sample, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// What the app answers, from the app itself: minimal API endpoints by their HTTP method metadata, Razor Pages by
    /// their handler methods (On{Verb}{Handler}[Async]) as the framework compiled them.
    /// </summary>
    private async Task<List<(string Route, string Method, string? Handler)>> AppRowsAsync()
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var rows = new List<(string Route, string Method, string? Handler)>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = endpoint.RoutePattern.RawText?.Trim('/') ?? "";
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                // A page without handler methods still renders for GET.
                rows.AddRange(compiled.HandlerMethods.Count == 0
                    ? [(route, "GET", null)]
                    : compiled.HandlerMethods.Select(h => (route, h.HttpMethod.ToUpperInvariant(), h.Name)));
            }
            else if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { HttpMethods.Count: > 0 } methods)
            {
                rows.AddRange(methods.HttpMethods.Where(m => !HttpMethods.IsHead(m) && !HttpMethods.IsOptions(m)).Select(m => (route, m.ToUpperInvariant(), (string?)null)));
            }
            else
            {
                rows.Add((route, "*", null));
            }
        }

        return [.. rows.Distinct()];
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Route_EachKindOfVisitor_GetsTheExpectedOutcome(string key)
    {
        var row = Access.Table.Single(a => a.Id == key);
        var (adminId, organizationId) = await IdsAsync();
        await CatalogSamplesAsync();
        await ServiceSamplesAsync();
        await ReportSamplesAsync();
        await FixedScanRunsAsync();
        await FeedbackSamplesAsync();
        var basePath = row.Sample.Replace("{admin}", adminId.ToString(), StringComparison.Ordinal)
            .Replace("{organization}", organizationId.ToString(), StringComparison.Ordinal);
        basePath = (await AssessmentSamplesAsync()).Aggregate(basePath, (p, pair) => p.Replace(pair.Key, pair.Value.ToString(), StringComparison.Ordinal));
        basePath = (await ScanSamplesAsync()).Aggregate(basePath, (p, pair) => p.Replace(pair.Key, pair.Value.ToString(), StringComparison.Ordinal));

        var visitors = new (string Name, Outcome Expected)[]
        {
            ("anonymous", row.Anonymous),
            (Roles.Partner, row.Partner),
            (Roles.ServiceOwner, row.ServiceOwner),
            (Roles.Reviewer, row.Reviewer),
            (Roles.Admin, row.Admin),
        };

        foreach (var (name, expected) in visitors)
        {
            var client = name == "anonymous" ? app.NewClient() : row.Fresh ? await NewSessionAsync(name) : await SharedSessionAsync(name);
            // Made for every visitor, so that what one visitor's post does to it cannot change the next one's outcome.
            var path = basePath.Contains("{proposal}", StringComparison.Ordinal)
                ? basePath.Replace("{proposal}", (await NewProposalAsync(adminId)).ToString(), StringComparison.Ordinal)
                : basePath;
            path = path.Contains("{apikey}", StringComparison.Ordinal)
                ? path.Replace("{apikey}", (await NewApiKeyAsync()).ToString(), StringComparison.Ordinal)
                : path;
            using var request = await RequestAsync(client, row, path);
            using var response = await client.SendAsync(request);
            var actual = Classify(response);
            Assert.True(expected == actual, $"{row.Key} ({path}) as {name}: expected {expected}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
        }
    }

    /// <summary>GET for GET and "*" rows; other methods with the form and an antiforgery token from a page every visitor can see.</summary>
    private static async Task<HttpRequestMessage> RequestAsync(HttpClient client, Access row, string path)
    {
        if (row.Method is "GET" or "*")
        {
            return new HttpRequestMessage(HttpMethod.Get, path);
        }

        var fields = QueryHelpers.ParseQuery(row.Form).Select(f => new KeyValuePair<string, string>(f.Key, f.Value.ToString())).ToList();
        fields.Add(new("__RequestVerificationToken", await client.AntiforgeryTokenAsync("/")));
        return new HttpRequestMessage(new HttpMethod(row.Method), path) { Content = new FormUrlEncodedContent(fields) };
    }

    // One signed-in session per role and app, shared by the rows: the table checks access, not sign-in.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(ShishinAppFactory, string), Lazy<Task<HttpClient>>> Sessions = new();

    private Task<HttpClient> SharedSessionAsync(string role) =>
        Sessions.GetOrAdd((app, role), _ => new Lazy<Task<HttpClient>>(() =>
            role == Roles.Admin ? app.SignInAsync(ShishinAppFactory.SetupAdminEmail, app.SetupAdminKey) : NewSessionAsync(role))).Value;

    /// <summary>A new account of the role, with the memberships such a person has, signed in (admins with their own TOTP key).</summary>
    private async Task<HttpClient> NewSessionAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.jp";
        var (user, key) = await app.CreateUserAsync(email, [role], twoFactor: role == Roles.Admin);
        var organization = role switch
        {
            Roles.ServiceOwner => await OrganizationAsync(OrganizationKind.Bureau),
            Roles.Partner => await OrganizationAsync(OrganizationKind.Partner),
            _ => (Guid?)null,
        };
        if (organization is { } id)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();
            var fresh = await accounts.FindAsync(user.Id);
            Assert.True((await accounts.SetAccessAsync(fresh!, new UserAccess([role], [id]))).Succeeded);
        }

        return await app.SignInAsync(email, key);
    }

    private async Task<Guid> OrganizationAsync(OrganizationKind kind)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var organizations = scope.ServiceProvider.GetRequiredService<OrganizationService>();
        if ((await organizations.ListAsync()).FirstOrDefault(o => o.Kind == kind) is { } existing)
        {
            return existing.Id;
        }

        var key = "matrix-" + kind.ToString().ToLowerInvariant();
        return (await organizations.FindByKeyAsync(key))?.Id
            ?? (await organizations.CreateAsync(new OrganizationInput(key, kind, "試験用 " + kind, "Test " + kind, null, null))).Id;
    }

    private async Task<(Guid Admin, Guid Organization)> IdsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = await scope.ServiceProvider.GetRequiredService<UserAdministrationService>().ListAsync();
        var organizations = await scope.ServiceProvider.GetRequiredService<OrganizationService>().ListAsync();
        return (users.First(u => u.Email == ShishinAppFactory.SetupAdminEmail).Id, organizations.First(o => o.Key == "chiyoda").Id);
    }

    // A draft exists (so the draft's pages answer and its actions meet a stale revision rather than no draft).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ShishinAppFactory, Lazy<Task>> CatalogSamples = new();

    private Task CatalogSamplesAsync() =>
        CatalogSamples.GetOrAdd(app, _ => new Lazy<Task>(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var catalog = scope.ServiceProvider.GetRequiredService<CatalogService>();
            if (await catalog.GetDraftAsync() is null)
            {
                await catalog.CreateDraftAsync();
            }
        })).Value;

    /// <summary>
    /// Services for object-level rows, by fixed keys: <c>matrix-own</c> (internal, owned by the ServiceOwner's bureau,
    /// the Partner's company assigned), <c>matrix-other</c> (internal, owned by Minato City, nobody of ours assigned) and
    /// <c>matrix-public</c> (public, owned by Minato City). Rows probe e.g. <c>/services/matrix-other</c>.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ShishinAppFactory, Lazy<Task>> ServiceSamples = new();

    private Task ServiceSamplesAsync() =>
        ServiceSamples.GetOrAdd(app, _ => new Lazy<Task>(async () =>
        {
            var bureau = await OrganizationAsync(OrganizationKind.Bureau);
            var partner = await OrganizationAsync(OrganizationKind.Partner);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Shishin.Core.Data.ShishinDbContext>();
            var minato = (await scope.ServiceProvider.GetRequiredService<OrganizationService>().FindByKeyAsync("minato"))!.Id;
            foreach (var (key, owner, isPublic, partners) in new[]
            {
                ("matrix-own", bureau, false, new[] { partner }),
                ("matrix-other", minato, false, Array.Empty<Guid>()),
                ("matrix-public", minato, true, Array.Empty<Guid>()),
            })
            {
                if (!db.Services.Any(s => s.Key == key))
                {
                    db.Services.Add(new Shishin.Core.Services.Service
                    {
                        Key = key,
                        NameJa = "試験用サービス " + key,
                        NameEn = "Test service " + key,
                        OwnerOrganizationId = owner,
                        IsPublic = isPublic,
                        Phase = Shishin.Core.Services.ServicePhase.Development,
                        Partners = [.. partners.Select(p => new Shishin.Core.Services.ServicePartner { OrganizationId = p })],
                    });
                }
            }

            await db.SaveChangesAsync();
        })).Value;

    private async Task<Guid> NewProposalAsync(Guid adminId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var proposal = await scope.ServiceProvider.GetRequiredService<ProposalService>().CreateAsync(
            new ProposalInput(ProposalKind.Change, "P3-01", null, null, "Sample proposal", new("", "Sample title"), LocalizedText.Empty, LocalizedText.Empty, [], null, "Sample rationale", null),
            new ProposalActor(adminId, "Admin"));
        return proposal.Id;
    }

    /// <summary>
    /// Assessments for object-level rows (issue 12), by placeholder: a draft of <c>matrix-own</c>, a draft of
    /// <c>matrix-other</c>, one of <c>matrix-own</c> in review (panel: a reviewer of its own, not the visitor) and one of
    /// <c>matrix-own</c> published Green whose response window has closed. Each holds the first checkpoints of its phase.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ShishinAppFactory, Lazy<Task<Dictionary<string, Guid>>>> AssessmentSampleIds = new();

    private Task<Dictionary<string, Guid>> AssessmentSamplesAsync() =>
        AssessmentSampleIds.GetOrAdd(app, _ => new Lazy<Task<Dictionary<string, Guid>>>(async () =>
        {
            var (panelist, _) = await app.CreateUserAsync($"matrix-panel-{Guid.NewGuid():N}@example.jp", [Roles.Reviewer]);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Shishin.Core.Data.ShishinDbContext>();
            var current = (await scope.ServiceProvider.GetRequiredService<CatalogService>().GetCurrentAsync())!;
            var services = db.Services.Where(s => s.Key == "matrix-own" || s.Key == "matrix-other").ToDictionary(s => s.Key, s => s.Id);
            Shishin.Core.Assessments.Assessment Sample(string service, LifecyclePhase phase, Shishin.Core.Assessments.AssessmentStatus status)
            {
                var assessment = new Shishin.Core.Assessments.Assessment
                {
                    ServiceId = services[service],
                    Phase = phase,
                    CatalogVersionId = current.Id,
                    Status = status,
                    Results = [.. Shishin.Core.Assessments.AssessmentCheckpoints.For(current.Document, phase).Take(3)
                        .Select(c => new Shishin.Core.Assessments.CheckpointResult { CheckpointId = c.Id })],
                };
                db.Assessments.Add(assessment);
                return assessment;
            }

            var draft = Sample("matrix-own", LifecyclePhase.Development, Shishin.Core.Assessments.AssessmentStatus.Draft);
            var other = Sample("matrix-other", LifecyclePhase.Development, Shishin.Core.Assessments.AssessmentStatus.Draft);
            var review = Sample("matrix-own", LifecyclePhase.Operation, Shishin.Core.Assessments.AssessmentStatus.InReview);
            review.Reviewers = [new Shishin.Core.Assessments.AssessmentReviewer { UserId = panelist.Id, IsLead = true }];
            var closed = Sample("matrix-own", LifecyclePhase.Hypothesis, Shishin.Core.Assessments.AssessmentStatus.Published);
            closed.Rag = Shishin.Core.Assessments.Rag.Green;
            closed.PublishedAt = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            closed.ResponseDueOn = new DateOnly(2000, 1, 14);
            foreach (var result in review.Results.Concat(closed.Results))
            {
                result.Outcome = Shishin.Core.Assessments.CheckpointOutcome.Met;
            }

            foreach (var result in closed.Results)
            {
                result.Rag = Shishin.Core.Assessments.Rag.Green;
            }

            await db.SaveChangesAsync();
            return new Dictionary<string, Guid>(StringComparer.Ordinal)
            {
                ["{assessment-draft}"] = draft.Id,
                ["{assessment-other}"] = other.Id,
                ["{assessment-review}"] = review.Id,
                ["{assessment-closed}"] = closed.Id,
            };
        })).Value;

    /// <summary>
    /// Scans for object-level rows (issue 14): a finished run of each matrix service ({scan-public}, {scan-own},
    /// {scan-other}) and a profile of matrix-own and of matrix-other ({profile-own}, {profile-other}).
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ShishinAppFactory, Lazy<Task<Dictionary<string, Guid>>>> ScanSampleIds = new();

    private Task<Dictionary<string, Guid>> ScanSamplesAsync() =>
        ScanSampleIds.GetOrAdd(app, _ => new Lazy<Task<Dictionary<string, Guid>>>(async () =>
        {
            await ServiceSamplesAsync();
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Shishin.Core.Data.ShishinDbContext>();
            var services = db.Services.Where(s => s.Key.StartsWith("matrix-")).ToDictionary(s => s.Key, s => s.Id);
            var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
            foreach (var (key, name) in new[] { ("matrix-own", "own"), ("matrix-other", "other") })
            {
                var profile = new Shishin.Core.Scans.ScanProfile { ServiceId = services[key], Name = "matrix", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
                db.ScanProfiles.Add(profile);
                ids[$"{{profile-{name}}}"] = profile.Id;
            }

            foreach (var (key, name) in new[] { ("matrix-public", "public"), ("matrix-own", "own"), ("matrix-other", "other") })
            {
                var run = new Shishin.Core.Scans.ScanRun
                {
                    ServiceId = services[key],
                    Status = Shishin.Core.Scans.ScanRunStatus.Done,
                    Trigger = Shishin.Core.Scans.ScanTrigger.Uploaded,
                    RequestedByName = "matrix",
                    QueuedAt = DateTime.UtcNow,
                    StartedAt = DateTime.UtcNow,
                    FinishedAt = DateTime.UtcNow,
                };
                db.ScanRuns.Add(run);
                ids[$"{{scan-{name}}}"] = run.Id;
            }

            await db.SaveChangesAsync();
            return ids;
        })).Value;

    /// <summary>A new API key of a user who is none of the visitors, for the Revoke row (made per visitor, like {proposal}).</summary>
    private async Task<Guid> NewApiKeyAsync()
    {
        var (holder, _) = await app.CreateUserAsync($"key-holder-{Guid.NewGuid():N}@example.jp", [Roles.Reviewer]);
        await using var scope = app.Services.CreateAsyncScope();
        var key = await scope.ServiceProvider.GetRequiredService<Shishin.Core.ApiKeys.ApiKeyService>()
            .CreateAsync(holder, "matrix", 30, [Shishin.Core.ApiKeys.ApiKeyScopes.Read]);
        return key.Key.Id;
    }

    private static Outcome Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.OK => Outcome.Ok,
            HttpStatusCode.BadRequest => Outcome.BadRequest,
            HttpStatusCode.NotFound => Outcome.NotFound,
            HttpStatusCode.Unauthorized => Outcome.Unauthorized,
            HttpStatusCode.Forbidden => Outcome.Forbidden,
            HttpStatusCode.MethodNotAllowed => Outcome.MethodNotAllowed,
            HttpStatusCode.UnsupportedMediaType => Outcome.UnsupportedMediaType,
            HttpStatusCode.Redirect when location.Contains("/account/sign-in", StringComparison.Ordinal) => Outcome.SignIn,
            HttpStatusCode.Redirect when location.Contains("/errors/403", StringComparison.Ordinal) => Outcome.Forbidden,
            HttpStatusCode.Redirect => Outcome.RedirectElsewhere,
            _ => throw new InvalidOperationException($"Unexpected status {(int)response.StatusCode}"),
        };
    }

    /// <summary>
    /// Assessments and action items for object-level rows, by fixed ids: a published assessment on <c>matrix-public</c>
    /// (…a1), drafts on <c>matrix-own</c> (…a2) and <c>matrix-other</c> (…a3), a published one on <c>matrix-other</c>
    /// (…a4); action items on <c>matrix-own</c> (…b1) and <c>matrix-other</c> (…b2).
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ShishinAppFactory, Lazy<Task>> AssessmentSampleSets = new();

    private Task ReportSamplesAsync() =>
        AssessmentSampleSets.GetOrAdd(app, _ => new Lazy<Task>(async () =>
        {
            await ServiceSamplesAsync();
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Shishin.Core.Data.ShishinDbContext>();
            var services = db.Services.Where(s => s.Key.StartsWith("matrix-")).ToDictionary(s => s.Key, s => s.Id);
            foreach (var (id, key, status) in new[]
            {
                ("a0000000-0000-0000-0000-0000000000a1", "matrix-public", Shishin.Core.Assessments.AssessmentStatus.Published),
                ("a0000000-0000-0000-0000-0000000000a2", "matrix-own", Shishin.Core.Assessments.AssessmentStatus.Draft),
                ("a0000000-0000-0000-0000-0000000000a3", "matrix-other", Shishin.Core.Assessments.AssessmentStatus.Draft),
                ("a0000000-0000-0000-0000-0000000000a4", "matrix-other", Shishin.Core.Assessments.AssessmentStatus.Published),
            })
            {
                if (!db.Assessments.Any(a => a.Id == new Guid(id)))
                {
                    await AssessmentSamples.AssessmentAsync(db, services[key], status, Shishin.Core.Assessments.Rag.Amber, AssessmentSamples.Mixed, id: new Guid(id));
                }
            }

            foreach (var (id, key) in new[] { ("b0000000-0000-0000-0000-0000000000b1", "matrix-own"), ("b0000000-0000-0000-0000-0000000000b2", "matrix-other") })
            {
                if (!db.ActionItems.Any(a => a.Id == new Guid(id)))
                {
                    await AssessmentSamples.ActionItemAsync(db, services[key], null, new DateOnly(2030, 1, 1), id: new Guid(id));
                }
            }
        })).Value;

    /// <summary>Scan runs for object-level rows, by fixed ids: …c1 on <c>matrix-public</c>, …c2 on <c>matrix-own</c>, …c3 on <c>matrix-other</c>.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ShishinAppFactory, Lazy<Task>> ScanSampleSets = new();

    private Task FixedScanRunsAsync() =>
        ScanSampleSets.GetOrAdd(app, _ => new Lazy<Task>(async () =>
        {
            await ServiceSamplesAsync();
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Shishin.Core.Data.ShishinDbContext>();
            var services = db.Services.Where(s => s.Key.StartsWith("matrix-")).ToDictionary(s => s.Key, s => s.Id);
            foreach (var (id, key) in new[]
            {
                ("c0000000-0000-0000-0000-0000000000c1", "matrix-public"),
                ("c0000000-0000-0000-0000-0000000000c2", "matrix-own"),
                ("c0000000-0000-0000-0000-0000000000c3", "matrix-other"),
            })
            {
                if (!db.ScanRuns.Any(r => r.Id == new Guid(id)))
                {
                    db.ScanRuns.Add(new Shishin.Core.Scans.ScanRun
                    {
                        Id = new Guid(id),
                        ServiceId = services[key],
                        Status = Shishin.Core.Scans.ScanRunStatus.Done,
                        Trigger = Shishin.Core.Scans.ScanTrigger.Scheduled,
                        QueuedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                        FinishedAt = new DateTime(2026, 1, 1, 0, 5, 0, DateTimeKind.Utc),
                    });
                }
            }

            await db.SaveChangesAsync();
        })).Value;

    /// <summary>
    /// Citizen feedback for object-level rows, by fixed ids: submissions on <c>matrix-own</c> (…d1), <c>matrix-other</c>
    /// (…d2) and <c>matrix-public</c> (…d3); draft "you said, we did" items on <c>matrix-own</c> (…e1) and <c>matrix-other</c> (…e2).
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ShishinAppFactory, Lazy<Task>> FeedbackSampleSets = new();

    private Task FeedbackSamplesAsync() =>
        FeedbackSampleSets.GetOrAdd(app, _ => new Lazy<Task>(async () =>
        {
            await ServiceSamplesAsync();
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Shishin.Core.Data.ShishinDbContext>();
            var services = db.Services.Where(s => s.Key.StartsWith("matrix-")).ToDictionary(s => s.Key, s => s.Id);
            foreach (var (id, key) in new[]
            {
                ("d0000000-0000-0000-0000-0000000000d1", "matrix-own"),
                ("d0000000-0000-0000-0000-0000000000d2", "matrix-other"),
                ("d0000000-0000-0000-0000-0000000000d3", "matrix-public"),
            })
            {
                if (!db.Feedback.Any(f => f.Id == new Guid(id)))
                {
                    db.Feedback.Add(new Shishin.Core.CitizenFeedback.Feedback
                    {
                        Id = new Guid(id), ServiceId = services[key], ReceivedAt = new DateTime(2026, 1, 1, 3, 0, 0, DateTimeKind.Utc), Rating = 2,
                        TaskCompleted = Shishin.Core.CitizenFeedback.FeedbackTaskCompletion.Partly, Comment = "matrix", Source = Shishin.Core.CitizenFeedback.FeedbackSource.Form,
                    });
                }
            }

            foreach (var (id, key) in new[] { ("e0000000-0000-0000-0000-0000000000e1", "matrix-own"), ("e0000000-0000-0000-0000-0000000000e2", "matrix-other") })
            {
                if (!db.FeedbackImprovements.Any(i => i.Id == new Guid(id)))
                {
                    db.FeedbackImprovements.Add(new Shishin.Core.CitizenFeedback.FeedbackImprovement
                    {
                        Id = new Guid(id), ServiceId = services[key], YouSaidJa = "matrix", WeDidJa = "matrix", ImprovedOn = new DateOnly(2026, 1, 1),
                        CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                    });
                }
            }

            await db.SaveChangesAsync();
        })).Value;
}

public sealed class AuthorizationMatrixTests_Sqlite(SqliteAppFactory app) : AuthorizationMatrixTests(app), IClassFixture<SqliteAppFactory>;

public sealed class AuthorizationMatrixTests_Postgres(PostgresAppFactory app) : AuthorizationMatrixTests(app), IClassFixture<PostgresAppFactory>;
