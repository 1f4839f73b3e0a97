using Shishin.BrowserTests.Infrastructure;
using Shishin.Tests;

namespace Shishin.BrowserTests.Accessibility;

/// <summary>Who looks at a page: nobody signed in, the admin (with TOTP), or a service owner without two-step verification.</summary>
[Flags]
public enum Viewer
{
    Anonymous = 1,
    Admin = 2,
    Staff = 4,
}

/// <summary>
/// One state of one page. <see cref="Path"/> may hold {admin}, {organization}, {invitation}, {proposal},
/// {accepted-proposal}, {assessed-service}, {assessment} and {action}, filled in with real ids and keys;
/// <see cref="Before"/> brings the session to the state first (half-way through sign-in); <see cref="After"/> acts on
/// the loaded page (submits a form empty to show its errors).
/// </summary>
public sealed record PageCase(
    string Name,
    string Route,
    string Path,
    Viewer Viewers,
    string? ExpectedPath = null,
    bool NewInstance = false,
    Func<BrowserSession, Task>? Before = null,
    Func<BrowserSession, Task>? After = null,
    bool ShowsErrors = false);

/// <summary>Every GET page of Shishin, in every state worth checking.</summary>
public static class PageTable
{
    /// <summary>Routes that answer with something other than an HTML page.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotPages = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["admin/audit/export"] = "CSV download",
        ["services/export.csv"] = "CSV download",
        ["portfolio.csv"] = "CSV download",
        ["services/{key}/feedback/export.csv"] = "CSV download",
        ["services/{key}/feedback/figures.csv"] = "CSV download",
    };

    /// <summary>The main form's submit button (not the header's language or sign-out buttons).</summary>
    public const string MainSubmit = "main form[method=post] button.button[type=submit]";

    public static readonly IReadOnlyList<PageCase> All =
    [
        new("home", "", "/", Viewer.Anonymous | Viewer.Admin | Viewer.Staff),
        new("organisations", "organizations", "/organizations", Viewer.Anonymous | Viewer.Admin),
        new("organisation", "organizations/{key}", "/organizations/chiyoda", Viewer.Anonymous | Viewer.Admin),
        new("organisations, searched", "organizations", "/organizations?q=%E6%B8%8B%E8%B0%B7", Viewer.Anonymous),

        // The service register (AxeFixture adds the public service axe-sample).
        new("services", "services", "/services", Viewer.Anonymous | Viewer.Admin | Viewer.Staff),
        new("services, filtered", "services", "/services?phase=operation&overdue=true&q=%E3%81%BB%E3%81%84%E3%81%8F", Viewer.Anonymous),
        new("services, nothing found", "services", "/services?q=zzqx", Viewer.Anonymous),
        new("services, bad filter", "services", "/services?phase=banana&rag=purple", Viewer.Anonymous, ShowsErrors: true),
        new("service", "services/{key}", "/services/axe-sample", Viewer.Anonymous | Viewer.Admin | Viewer.Staff),
        // Uptime (issue 14): axe-sample has a failing entry URL with an open incident, a past one and 40 days of figures.
        new("service status", "services/{key}/status", "/services/axe-sample/status", Viewer.Anonymous | Viewer.Admin),
        new("service status, 90 days", "services/{key}/status", "/services/axe-sample/status?days=90", Viewer.Anonymous),
        new("status of all services", "status", "/status", Viewer.Anonymous | Viewer.Admin),
        // Citizen feedback (issue 15): the hosted form that works without JavaScript, and its thank-you page.
        new("feedback form", "feedback/{key}", "/feedback/axe-sample?pagePath=%2Fapply&returnUrl=https%3A%2F%2Fexample.jp%2F", Viewer.Anonymous),
        new("feedback thanks", "feedback/{key}/thanks", "/feedback/axe-sample/thanks?returnUrl=https%3A%2F%2Fwww.example.lg.jp%2Fnursery%2Fapply", Viewer.Anonymous),

        new("catalogue", "catalog", "/catalog", Viewer.Anonymous | Viewer.Admin),
        new("catalogue principle", "catalog/principles/{number:int}", "/catalog/principles/3", Viewer.Anonymous | Viewer.Staff),
        new("catalogue theme", "catalog/themes/{key}", "/catalog/themes/SE", Viewer.Anonymous),
        new("catalogue checkpoints", "catalog/checkpoints", "/catalog/checkpoints", Viewer.Anonymous | Viewer.Staff),
        new("catalogue checkpoints, filtered", "catalog/checkpoints", "/catalog/checkpoints?Mapping=1.4.3&Phase=development&Q=%E3%82%B3%E3%83%B3%E3%83%88%E3%83%A9%E3%82%B9%E3%83%88", Viewer.Anonymous),
        new("catalogue checkpoints, nothing found", "catalog/checkpoints", "/catalog/checkpoints?Q=zzqx", Viewer.Anonymous),
        new("catalogue checkpoints, bad filter", "catalog/checkpoints", "/catalog/checkpoints?Mapping=banana&Principle=12", Viewer.Anonymous, ShowsErrors: true),
        new("catalogue checkpoint", "catalog/checkpoints/{id}", "/catalog/checkpoints/UX-04", Viewer.Anonymous | Viewer.Staff),
        new("catalogue checkpoint with JIS and WCAG", "catalog/checkpoints/{id}", "/catalog/checkpoints/UX-03", Viewer.Anonymous),
        new("catalogue checkpoint with ASVS", "catalog/checkpoints/{id}", "/catalog/checkpoints/SE-01", Viewer.Anonymous),
        new("catalogue versions", "catalog/versions", "/catalog/versions", Viewer.Anonymous | Viewer.Admin),
        new("catalogue version", "catalog/versions/{version}", "/catalog/versions/1.0.0", Viewer.Anonymous),
        new("catalogue diff", "catalog/diff", "/catalog/diff?from=1.0.0&to=1.0.0", Viewer.Anonymous),
        new("catalogue diff, unknown version", "catalog/diff", "/catalog/diff?from=1.0.0&to=9.9.9", Viewer.Anonymous, ShowsErrors: true),
        new("catalogue print", "catalog/print", "/catalog/print", Viewer.Anonymous),

        new("accessibility statement", "accessibility", "/accessibility", Viewer.Anonymous | Viewer.Admin),
        new("privacy policy", "privacy", "/privacy", Viewer.Anonymous),
        new("contact", "contact", "/contact", Viewer.Anonymous | Viewer.Staff),

        new("sign-in", "account/sign-in", "/account/sign-in", Viewer.Anonymous),
        new("sign-in, submitted empty", "account/sign-in", "/account/sign-in", Viewer.Anonymous, After: SubmitEmpty, ShowsErrors: true),
        new("sign-in, unknown account", "account/sign-in", "/account/sign-in", Viewer.Anonymous, After: SignInUnknown, ShowsErrors: true),
        new("sign-in code", "account/sign-in/two-factor", "/account/sign-in/two-factor", Viewer.Anonymous, Before: PasswordStep),
        new("sign-in code, submitted empty", "account/sign-in/two-factor", "/account/sign-in/two-factor", Viewer.Anonymous,
            Before: PasswordStep, After: SubmitEmpty, ShowsErrors: true),
        new("sign-in recovery code", "account/sign-in/recovery-code", "/account/sign-in/recovery-code", Viewer.Anonymous, Before: PasswordStep),
        new("external sign-in failed", "account/sign-in/external", "/account/sign-in/external?handler=callback", Viewer.Anonymous),
        new("sign-out", "account/sign-out", "/account/sign-out", Viewer.Anonymous | Viewer.Admin),
        new("invitation", "account/invitation/{token}", "/account/invitation/{invitation}", Viewer.Anonymous),
        new("invitation, submitted empty", "account/invitation/{token}", "/account/invitation/{invitation}", Viewer.Anonymous,
            After: SubmitEmpty, ShowsErrors: true),
        new("invitation, invalid token", "account/invitation/{token}", "/account/invitation/no-such-invitation-token", Viewer.Anonymous),
        new("forgot password", "account/forgot-password", "/account/forgot-password", Viewer.Anonymous),
        new("forgot password, submitted empty", "account/forgot-password", "/account/forgot-password", Viewer.Anonymous, After: SubmitEmpty, ShowsErrors: true),
        new("forgot password, link sent", "account/forgot-password", "/account/forgot-password", Viewer.Anonymous, After: AskForReset),
        new("reset password, invalid link", "account/reset-password", "/account/reset-password?user=00000000-0000-0000-0000-000000000000&token=x", Viewer.Anonymous),
        new("confirm email address, invalid link", "account/confirm-email", "/account/confirm-email", Viewer.Anonymous | Viewer.Staff),
        new("error 404", "errors/{code:int}", "/errors/404", Viewer.Anonymous | Viewer.Admin),
        new("error 403 (admin page as staff)", "errors/{code:int}", "/admin/users", Viewer.Staff, ExpectedPath: "/errors/403"),
        new("setup", "setup", "/setup", Viewer.Anonymous, NewInstance: true),
        new("setup, submitted empty", "setup", "/setup", Viewer.Anonymous, NewInstance: true, After: SubmitEmpty, ShowsErrors: true),

        new("my account", "account/manage", "/account/manage", Viewer.Admin | Viewer.Staff),
        new("my account, name submitted empty", "account/manage", "/account/manage", Viewer.Staff, After: ClearName, ShowsErrors: true),
        new("change password", "account/manage/password", "/account/manage/password", Viewer.Admin),
        new("change password, submitted empty", "account/manage/password", "/account/manage/password", Viewer.Admin,
            After: SubmitEmpty, ShowsErrors: true),
        new("change email address", "account/manage/email", "/account/manage/email", Viewer.Staff),
        new("change email address, submitted empty", "account/manage/email", "/account/manage/email", Viewer.Staff,
            After: SubmitEmpty, ShowsErrors: true),
        new("two-step verification, on", "account/manage/two-factor", "/account/manage/two-factor", Viewer.Admin),
        new("two-step verification, on, submitted empty", "account/manage/two-factor", "/account/manage/two-factor", Viewer.Admin,
            After: SubmitEmpty, ShowsErrors: true),
        new("two-step verification, enrolment", "account/manage/two-factor", "/account/manage/two-factor", Viewer.Staff),
        new("two-step verification, enrolment submitted empty", "account/manage/two-factor", "/account/manage/two-factor", Viewer.Staff,
            After: SubmitEmpty, ShowsErrors: true),
        new("API keys", "account/api-keys", "/account/api-keys", Viewer.Admin | Viewer.Staff),
        new("API keys, submitted empty", "account/api-keys", "/account/api-keys", Viewer.Staff, After: CreateApiKeyEmpty, ShowsErrors: true),
        new("API keys, key created", "account/api-keys", "/account/api-keys", Viewer.Staff, After: CreateApiKey),

        new("administration", "admin", "/admin", Viewer.Admin),
        new("users", "admin/users", "/admin/users", Viewer.Admin),
        new("user", "admin/users/{id:guid}", "/admin/users/{admin}", Viewer.Admin),
        new("invite", "admin/users/invite", "/admin/users/invite", Viewer.Admin),
        new("invite, submitted empty", "admin/users/invite", "/admin/users/invite", Viewer.Admin, After: SubmitEmpty, ShowsErrors: true),
        new("invite, link created", "admin/users/invite", "/admin/users/invite", Viewer.Admin, After: Invite),
        new("audit log", "admin/audit", "/admin/audit", Viewer.Admin),
        new("audit log, date out of range", "admin/audit", "/admin/audit?Filter.From=1999-12-31", Viewer.Admin, ShowsErrors: true),
        new("add organisation", "admin/organizations/new", "/admin/organizations/new", Viewer.Admin),
        new("add organisation, submitted empty", "admin/organizations/new", "/admin/organizations/new", Viewer.Admin,
            After: SubmitEmpty, ShowsErrors: true),
        new("edit organisation", "admin/organizations/{id:guid}/edit", "/admin/organizations/{organization}/edit", Viewer.Admin),
        new("service import", "admin/services/import", "/admin/services/import", Viewer.Admin),
        // Its form has two submit buttons: "Check the file" is the one without a formaction.
        new("service import, checked without a file", "admin/services/import", "/admin/services/import", Viewer.Admin,
            After: s => s.ClickAndWaitForLoadAsync("main form[method=post] button.button[type=submit]:not([formaction])"), ShowsErrors: true),

        // Catalogue administration (AxeFixture starts a draft) and change proposals ({proposal} is open, {accepted-proposal} accepted).
        new("catalogue draft", "admin/catalog", "/admin/catalog", Viewer.Admin),
        new("catalogue draft, publish refused", "admin/catalog", "/admin/catalog", Viewer.Admin, After: PublishEmpty, ShowsErrors: true),
        new("catalogue draft, publish confirmation", "admin/catalog", "/admin/catalog", Viewer.Admin, After: PublishReview),
        new("discard draft", "admin/catalog/discard", "/admin/catalog/discard", Viewer.Admin),
        new("discard draft, not confirmed", "admin/catalog/discard", "/admin/catalog/discard", Viewer.Admin, After: SubmitEmpty, ShowsErrors: true),
        new("add checkpoint", "admin/catalog/checkpoints/new", "/admin/catalog/checkpoints/new?owner=P3", Viewer.Admin),
        new("add checkpoint, submitted empty", "admin/catalog/checkpoints/new", "/admin/catalog/checkpoints/new", Viewer.Admin,
            After: SubmitEmpty, ShowsErrors: true),
        new("edit checkpoint", "admin/catalog/checkpoints/{id}/edit", "/admin/catalog/checkpoints/P3-01/edit", Viewer.Admin),
        new("add parameter", "admin/catalog/parameters/new", "/admin/catalog/parameters/new", Viewer.Admin),
        new("add parameter, submitted empty", "admin/catalog/parameters/new", "/admin/catalog/parameters/new", Viewer.Admin,
            After: SubmitEmpty, ShowsErrors: true),
        new("edit parameter", "admin/catalog/parameters/{key}/edit", "/admin/catalog/parameters/satisfaction.baseline/edit", Viewer.Admin),
        new("proposals", "proposals", "/proposals", Viewer.Admin | Viewer.Staff),
        new("my proposals", "proposals/mine", "/proposals/mine", Viewer.Admin | Viewer.Staff),
        new("new proposal", "proposals/new", "/proposals/new", Viewer.Staff),
        new("new proposal, change", "proposals/new", "/proposals/new?checkpoint=P3-01", Viewer.Staff),
        new("new proposal, change submitted unchanged", "proposals/new", "/proposals/new?checkpoint=P3-01", Viewer.Staff,
            After: SubmitEmpty, ShowsErrors: true),
        new("new proposal, new checkpoint", "proposals/new", "/proposals/new?owner=UX", Viewer.Staff),
        new("new proposal, new checkpoint submitted empty", "proposals/new", "/proposals/new?owner=UX", Viewer.Staff,
            After: SubmitEmpty, ShowsErrors: true),
        new("proposal, open", "proposals/{id:guid}", "/proposals/{proposal}", Viewer.Admin | Viewer.Staff),
        new("proposal, declined without a reason", "proposals/{id:guid}", "/proposals/{proposal}", Viewer.Admin,
            After: DeclineWithoutReason, ShowsErrors: true),
        new("proposal, accepted", "proposals/{id:guid}", "/proposals/{accepted-proposal}", Viewer.Anonymous | Viewer.Staff),

        // The service canvas (AxeFixture: axe-canvas has two revisions, axe-canvas-empty none).
        new("service canvas", "services/{key}/canvas", "/services/axe-canvas/canvas", Viewer.Anonymous | Viewer.Admin),
        new("service canvas, earlier revision", "services/{key}/canvas", "/services/axe-canvas/canvas?revision=1", Viewer.Anonymous),
        new("service canvas, none yet", "services/{key}/canvas", "/services/axe-canvas-empty/canvas", Viewer.Anonymous | Viewer.Admin),
        new("edit service canvas", "services/{key}/canvas/edit", "/services/axe-canvas/canvas/edit", Viewer.Admin),
        new("edit service canvas, hypothesis added", "services/{key}/canvas/edit", "/services/axe-canvas/canvas/edit", Viewer.Admin, After: AddHypothesis),
        new("edit service canvas, changed meanwhile", "services/{key}/canvas/edit", "/services/axe-canvas/canvas/edit", Viewer.Admin, After: SaveCanvasFromStaleRevision),
        new("service canvas history", "services/{key}/canvas/history", "/services/axe-canvas/canvas/history", Viewer.Anonymous | Viewer.Admin),
        new("service canvas diff", "services/{key}/canvas/diff", "/services/axe-canvas/canvas/diff?from=1&to=2", Viewer.Anonymous),
        new("service canvas diff, unknown revision", "services/{key}/canvas/diff", "/services/axe-canvas/canvas/diff?from=1&to=9", Viewer.Anonymous, ShowsErrors: true),
        new("service canvas print", "services/{key}/canvas/print", "/services/axe-canvas/canvas/print", Viewer.Anonymous),
        // The assessment workflow (AssessmentSamples): start, self-assessment, panel review, the team's response.
        new("start self-assessment", "services/{key}/assessments/new", "/services/axe-assessed/assessments/new", Viewer.Admin),
        new("self-assessment", "assessments/{id:guid}/edit", "/assessments/{assessment-draft}/edit", Viewer.Admin),
        new("self-assessment, submitted unanswered", "assessments/{id:guid}/edit", "/assessments/{assessment-draft}/edit", Viewer.Admin,
            After: SubmitAssessment, ShowsErrors: true),
        new("assessment review", "assessments/{id:guid}/review", "/assessments/{assessment-review}/review", Viewer.Admin),
        new("assessment review, published", "assessments/{id:guid}/review", "/assessments/{assessment-published}/review", Viewer.Admin),
        new("assessment response", "assessments/{id:guid}/respond", "/assessments/{assessment-published}/respond", Viewer.Admin),
        // The service register's forms (issue 12) on axe-register, a service AxeFixture adds with a fiscal year of KPIs.
        new("add service", "services/new", "/services/new", Viewer.Admin),
        new("add service, submitted empty", "services/new", "/services/new", Viewer.Admin, After: SubmitEmpty, ShowsErrors: true),
        new("edit service", "services/{key}/edit", "/services/axe-register/edit", Viewer.Admin),
        new("edit service, name cleared", "services/{key}/edit", "/services/axe-register/edit", Viewer.Admin, After: ClearServiceName, ShowsErrors: true),
        new("edit service, changed by someone else", "services/{key}/edit", "/services/axe-register/edit", Viewer.Admin, After: SaveFromStaleRevision, ShowsErrors: true),
        new("service phase", "services/{key}/phase", "/services/axe-register/phase", Viewer.Admin),
        new("service phase, submitted empty", "services/{key}/phase", "/services/axe-register/phase", Viewer.Admin, After: SubmitEmpty, ShowsErrors: true),
        new("service KPIs", "services/{key}/kpis", "/services/axe-register/kpis", Viewer.Admin),
        new("service KPIs, year chosen", "services/{key}/kpis", "/services/axe-register/kpis?year=2025", Viewer.Admin),
        new("service KPIs, bad figures", "services/{key}/kpis", "/services/axe-register/kpis", Viewer.Admin, After: BadKpis, ShowsErrors: true),
        // Notifications (issue 14): one's own of a service, the service's webhooks, and one's list in the account.
        new("service notifications", "services/{key}/notifications", "/services/axe-register/notifications", Viewer.Admin | Viewer.Staff),
        new("service notifications, nothing chosen", "services/{key}/notifications", "/services/axe-register/notifications", Viewer.Admin, After: SubscribeToNothing, ShowsErrors: true),
        new("service webhooks", "services/{key}/webhooks", "/services/axe-register/webhooks", Viewer.Admin),
        new("service webhooks, bad address", "services/{key}/webhooks", "/services/axe-register/webhooks", Viewer.Admin, After: AddBadWebhook, ShowsErrors: true),
        new("service webhooks, secret shown", "services/{key}/webhooks", "/services/axe-register/webhooks", Viewer.Admin, After: AddWebhook),
        new("your notifications", "account/notifications", "/account/notifications", Viewer.Admin | Viewer.Staff),
        // Assessments (issue 12): a published amber report of a public service, its history, an overdue action item, the portfolio.
        new("assessment report", "assessments/{id:guid}", "/assessments/{assessment}", Viewer.Anonymous | Viewer.Admin),
        new("assessment report, print", "assessments/{id:guid}/print", "/assessments/{assessment}/print", Viewer.Anonymous),
        new("assessment history", "services/{key}/assessments", "/services/{assessed-service}/assessments", Viewer.Anonymous | Viewer.Admin),
        new("action items", "actions", "/actions", Viewer.Admin | Viewer.Staff),
        new("action items, overdue in an organisation", "actions", "/actions?Organization=chiyoda&Overdue=true", Viewer.Admin),
        new("action items, bad filter", "actions", "/actions?Status=banana", Viewer.Admin, ShowsErrors: true),
        new("action item", "actions/{id:guid}", "/actions/{action}", Viewer.Admin),
        new("action item, won't do without a reason", "actions/{id:guid}", "/actions/{action}", Viewer.Admin, After: WontDoWithoutReason, ShowsErrors: true),
        new("portfolio", "portfolio", "/portfolio", Viewer.Admin),
        new("portfolio, unknown organisation", "portfolio", "/portfolio?Organization=nowhere", Viewer.Admin, ShowsErrors: true),
        new("overridden scan suggestions", "portfolio/overrides", "/portfolio/overrides", Viewer.Admin),
        // Scans (issue 14) of axe-scans (ScanPageSamples): a finished run with changes, a queued one, the profile forms.
        new("service scans", "services/{key}/scans", "/services/axe-scans/scans", Viewer.Anonymous | Viewer.Admin),
        new("scan trends", "services/{key}/scans/trends", "/services/axe-scans/scans/trends", Viewer.Anonymous | Viewer.Admin),
        new("scan trends, nothing in the period", "services/{key}/scans/trends", "/services/axe-register/scans/trends?days=30", Viewer.Anonymous),
        new("scan run", "services/{key}/scans/{id:guid}", "/services/axe-scans/scans/{scan-run}", Viewer.Anonymous | Viewer.Admin),
        new("scan run, in progress", "services/{key}/scans/{id:guid}", "/services/axe-scans/scans/{scan-queued}", Viewer.Anonymous | Viewer.Admin),
        new("scan diff", "services/{key}/scans/diff", "/services/axe-scans/scans/diff", Viewer.Admin),
        new("scan diff, unknown run", "services/{key}/scans/diff", "/services/axe-scans/scans/diff?from=00000000-0000-0000-0000-000000000000&to={scan-run}", Viewer.Admin, ShowsErrors: true),
        new("add scan profile", "services/{key}/scans/profiles/new", "/services/axe-scans/scans/profiles/new", Viewer.Admin),
        new("add scan profile, bad input", "services/{key}/scans/profiles/new", "/services/axe-scans/scans/profiles/new", Viewer.Admin, After: BadScanProfile, ShowsErrors: true),
        new("edit scan profile", "services/{key}/scans/profiles/{id:guid}", "/services/axe-scans/scans/profiles/{scan-profile}", Viewer.Admin),
        new("edit scan profile, changed meanwhile", "services/{key}/scans/profiles/{id:guid}", "/services/axe-scans/scans/profiles/{scan-profile}", Viewer.Admin,
            After: SaveScanProfileFromStaleRevision, ShowsErrors: true),
        // Citizen feedback, the staff side (issue 15), on axe-feedback (FeedbackPageSamples); axe-register has no feedback.
        new("feedback inbox", "services/{key}/feedback", "/services/axe-feedback/feedback", Viewer.Admin),
        new("feedback inbox, filtered", "services/{key}/feedback", "/services/axe-feedback/feedback?Rating=2&Status=in-progress&Tag=forms&Q=%E3%82%A8%E3%83%A9%E3%83%BC", Viewer.Admin),
        new("feedback inbox, bad filter", "services/{key}/feedback", "/services/axe-feedback/feedback?Rating=9&From=1999-12-31", Viewer.Admin, ShowsErrors: true),
        new("feedback", "services/{key}/feedback/{id:guid}", "/services/axe-feedback/feedback/{feedback-item}", Viewer.Admin),
        new("feedback, triaged meanwhile", "services/{key}/feedback/{id:guid}", "/services/axe-feedback/feedback/{feedback-item}", Viewer.Admin,
            After: TriageFromStaleRevision, ShowsErrors: true),
        new("feedback, new action item without a title", "services/{key}/feedback/{id:guid}", "/services/axe-feedback/feedback/{feedback-item}", Viewer.Admin,
            After: s => s.ClickAndWaitForLoadAsync("#new-action-form button[type=submit]"), ShowsErrors: true),
        new("satisfaction figures", "services/{key}/feedback/figures", "/services/axe-feedback/feedback/figures", Viewer.Anonymous | Viewer.Admin),
        new("satisfaction figures, none yet", "services/{key}/feedback/figures", "/services/axe-register/feedback/figures?months=24", Viewer.Anonymous),
        new("you said, we did", "services/{key}/you-said-we-did", "/services/axe-feedback/you-said-we-did", Viewer.Anonymous | Viewer.Admin),
        new("you said, we did, nothing published", "services/{key}/you-said-we-did", "/services/axe-register/you-said-we-did", Viewer.Anonymous),
        new("edit you said, we did", "services/{key}/feedback/improvements", "/services/axe-feedback/feedback/improvements", Viewer.Admin),
        new("add you said, we did", "services/{key}/feedback/improvements/new", "/services/axe-feedback/feedback/improvements/new", Viewer.Admin),
        new("add you said, we did, submitted empty", "services/{key}/feedback/improvements/new", "/services/axe-feedback/feedback/improvements/new", Viewer.Admin,
            After: SubmitEmpty, ShowsErrors: true),
        new("edit a you said, we did item", "services/{key}/feedback/improvements/{id:guid}", "/services/axe-feedback/feedback/improvements/{improvement}", Viewer.Admin),
        new("feedback settings", "services/{key}/feedback/settings", "/services/axe-feedback/feedback/settings", Viewer.Admin),
        new("feedback settings, bad origin", "services/{key}/feedback/settings", "/services/axe-feedback/feedback/settings", Viewer.Admin, After: BadOrigin, ShowsErrors: true),
        new("service with feedback", "services/{key}", "/services/axe-feedback", Viewer.Anonymous | Viewer.Admin),
    ];

    public static PageCase Find(string name) => All.Single(c => c.Name == name);

    /// <summary>The rows of an axe theory (one per language): page × viewer.</summary>
    public static TheoryData<string, Viewer> Rows()
    {
        var rows = new TheoryData<string, Viewer>();
        foreach (var page in All)
        {
            foreach (var viewer in Enum.GetValues<Viewer>().Where(v => page.Viewers.HasFlag(v)))
            {
                rows.Add(page.Name, viewer);
            }
        }

        return rows;
    }

    /// <summary>A triage based on a revision older than the stored one: the stored feedback is shown, nothing is saved.</summary>
    private static async Task TriageFromStaleRevision(BrowserSession session)
    {
        await session.Page.Locator("#triage-form input[name=Revision]").EvaluateAsync("input => input.value = '-1'");
        await session.ClickAndWaitForLoadAsync("#triage-form button[type=submit]");
        Assert.Equal(1, await session.Page.Locator("#conflict-title").CountAsync());
    }

    private static async Task BadOrigin(BrowserSession session)
    {
        await session.Page.Locator("#ExtraOrigins").FillAsync("https://www.example.lg.jp/with/a/path");
        await session.ClickAndWaitForLoadAsync(MainSubmit);
    }

    private static Task SubmitEmpty(BrowserSession session) => session.ClickAndWaitForLoadAsync(MainSubmit);

    /// <summary>The create form with its name cleared and no scope ticked (the revoke buttons are other forms).</summary>
    private static async Task CreateApiKeyEmpty(BrowserSession session)
    {
        await session.Page.Locator("#scope-read").UncheckAsync();
        await session.ClickAndWaitForLoadAsync("#create-api-key button[type=submit]");
    }

    /// <summary>A key is created: the page shows it once, with the list of keys.</summary>
    private static async Task CreateApiKey(BrowserSession session)
    {
        await session.Page.Locator("#Input_Name").FillAsync("CI");
        await session.ClickAndWaitForLoadAsync("#create-api-key button[type=submit]");
        Assert.Equal(1, await session.Page.Locator("#created-key").CountAsync());
    }

    private static async Task ClearServiceName(BrowserSession session)
    {
        await session.Page.Locator("#Input_NameJa").FillAsync("");
        await session.ClickAndWaitForLoadAsync(MainSubmit);
    }

    /// <summary>Saves with a revision older than the stored one, as after someone else's save: the conflict view (nothing is saved).</summary>
    private static async Task SaveFromStaleRevision(BrowserSession session)
    {
        await session.Page.Locator("main form input[name=Revision]").EvaluateAsync("input => input.value = '0'");
        await session.Page.Locator("#Input_NameEn").FillAsync("Renamed while someone else saved");
        await session.ClickAndWaitForLoadAsync(MainSubmit);
        Assert.Equal(1, await session.Page.Locator("#changes-caption").CountAsync());
    }

    private static async Task SubscribeToNothing(BrowserSession session)
    {
        foreach (var box in await session.Page.Locator("#subscribe-form input[type=checkbox]").AllAsync())
        {
            await box.UncheckAsync();
        }

        await session.ClickAndWaitForLoadAsync("#subscribe-form button[type=submit]");
    }

    private static async Task AddBadWebhook(BrowserSession session)
    {
        await session.Page.Locator("#WebhookUrl").FillAsync("ftp://example.jp/hook");
        await session.ClickAndWaitForLoadAsync("#webhook-form button[type=submit]");
    }

    /// <summary>A webhook to a public address (nothing is sent: no event happens during the test).</summary>
    private static async Task AddWebhook(BrowserSession session)
    {
        await session.Page.Locator("#WebhookUrl").FillAsync("https://hooks.example.jp/shishin");
        await session.ClickAndWaitForLoadAsync("#webhook-form button[type=submit]");
        Assert.Equal(1, await session.Page.Locator("#created-secret").CountAsync());
    }

    private static async Task BadKpis(BrowserSession session)
    {
        await session.Page.Locator("#Input_FiscalYear").FillAsync("1999");
        await session.Page.Locator("#Input_AnnualApplications").FillAsync("10");
        await session.Page.Locator("#Input_DigitalApplications").FillAsync("20");
        await session.ClickAndWaitForLoadAsync(MainSubmit);
    }

    /// <summary>The publish form with its version cleared and no changelog: refused, so the draft stays a draft.</summary>
    private static async Task PublishEmpty(BrowserSession session)
    {
        await session.Page.Locator("#Publish_Version").FillAsync("");
        await session.ClickAndWaitForLoadAsync("#publish-form button[type=submit]");
    }

    /// <summary>The publish form filled in: the page asks to confirm and shows what the version changes (nothing is published).</summary>
    private static async Task PublishReview(BrowserSession session)
    {
        await session.Page.Locator("#Publish_ChangelogJa").FillAsync("確認の手順を確かめます。");
        await session.Page.Locator("#Publish_ChangelogEn").FillAsync("Checking the confirmation step.");
        await session.ClickAndWaitForLoadAsync("#publish-form button[type=submit]");
        Assert.Equal(1, await session.Page.Locator("#publish-summary").CountAsync());
    }

    private static async Task BadScanProfile(BrowserSession session)
    {
        await session.Page.Locator("#Input_StartUrls").FillAsync("www.example.lg.jp/apply");
        await session.Page.Locator("#Input_MaxPages").FillAsync("5000");
        await session.ClickAndWaitForLoadAsync(MainSubmit);
    }

    /// <summary>A save based on a revision older than the stored one: the stored profile is shown, nothing is saved.</summary>
    private static async Task SaveScanProfileFromStaleRevision(BrowserSession session)
    {
        await session.Page.Locator("main form.form input[name=Revision]").EvaluateAsync("input => input.value = '-1'");
        await session.ClickAndWaitForLoadAsync("main form.form button[type=submit]");
        Assert.Equal(1, await session.Page.Locator("#conflict-title").CountAsync());
    }

    private static Task SubmitAssessment(BrowserSession session) => session.ClickAndWaitForLoadAsync("#submit-form button[type=submit]");
    private static async Task WontDoWithoutReason(BrowserSession session)
    {
        await session.Page.Locator("#Input_Status").SelectOptionAsync("wont-do");
        await session.Page.Locator("#Input_WontDoReason").FillAsync("");
        await session.ClickAndWaitForLoadAsync(MainSubmit);
    }

    private static Task DeclineWithoutReason(BrowserSession session) =>
        session.ClickAndWaitForLoadAsync("main form[action*='handler=decline'] button[type=submit]");

    private static Task AddHypothesis(BrowserSession session) => session.ClickAndWaitForLoadAsync("#add-hypothesis");

    /// <summary>A save based on revision 1 while revision 2 is current: the conflict message, nothing saved.</summary>
    private static async Task SaveCanvasFromStaleRevision(BrowserSession session)
    {
        await session.Page.Locator("#Input_Purpose").FillAsync("古い改訂をもとにした目的");
        await session.Page.EvaluateAsync("() => { document.querySelector('input[name=\"Input.BaseRevision\"]').value = '1'; }");
        await session.ClickAndWaitForLoadAsync("#save-canvas");
        Assert.Equal(1, await session.Page.Locator("#conflict-title").CountAsync());
    }

    private static async Task SignInUnknown(BrowserSession session)
    {
        await session.Page.Locator("#Input_Email").FillAsync($"nobody-{Guid.NewGuid():N}@example.jp");
        await session.Page.Locator("#Input_Password").FillAsync("not the password at all");
        await session.ClickAndWaitForLoadAsync(MainSubmit);
    }

    /// <summary>The admin's password is accepted; the session now waits for the TOTP code.</summary>
    private static async Task PasswordStep(BrowserSession session)
    {
        await session.GotoAsync("/account/sign-in");
        await session.Page.Locator("#Input_Email").FillAsync(ShishinAppFactory.SetupAdminEmail);
        await session.Page.Locator("#Input_Password").FillAsync(ShishinAppFactory.Password);
        await session.ClickAndWaitForLoadAsync(MainSubmit);
        Assert.Equal("/account/sign-in/two-factor", new Uri(session.Page.Url).AbsolutePath);
    }

    private static async Task AskForReset(BrowserSession session)
    {
        await session.Page.Locator("#Input_Email").FillAsync($"someone-{Guid.NewGuid():N}@example.jp");
        await session.ClickAndWaitForLoadAsync(MainSubmit);
    }

    private static async Task ClearName(BrowserSession session)
    {
        await session.Page.Locator("#Input_DisplayName").FillAsync("");
        await session.ClickAndWaitForLoadAsync("main form[action*='handler=Name'] button[type=submit]");
    }

        private static async Task Invite(BrowserSession session)
    {
        await session.Page.Locator("#Input_DisplayName").FillAsync("招待 花子");
        await session.Page.Locator("#Input_Email").FillAsync($"invitee-{Guid.NewGuid():N}@example.jp");
        await session.Page.Locator("#role-Reviewer").CheckAsync();
        await session.ClickAndWaitForLoadAsync(MainSubmit);
        Assert.Equal(1, await session.Page.Locator("#invitation-link").CountAsync());
    }
}
