using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shishin.BrowserTests.Infrastructure;
using Shishin.Core.Catalog;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;
using Shishin.Core.Services;
using Shishin.Core.Uptime;
using Shishin.Tests;

namespace Shishin.BrowserTests.Accessibility;

/// <summary>The browser fixture plus what the page table needs: a fresh instance for /setup, real ids, an open invitation, a staff account.</summary>
public sealed class AxeFixture : BrowserFixture
{
    private readonly SemaphoreSlim staffLock = new(1, 1);
    private string? staffState;

    public BrowserNewInstanceFactory NewInstance { get; } = new();

    public IReadOnlyDictionary<string, string> Placeholders { get; private set; } = new Dictionary<string, string>();

    /// <summary>
    /// axe-core checks the DOM and the computed styles, which the headless shell renders with the same Blink as the full
    /// browser (the scanner tests require the same findings from both, ADR 9); it costs about a third of the full
    /// browser's CPU for each new context, page and axe-core evaluation, which is most of each row's time.
    /// </summary>
    protected override string BrowserPath() => HeadlessShellPath();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ((IAsyncLifetime)NewInstance).InitializeAsync();

        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ShishinUser>>();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();
        var organizations = scope.ServiceProvider.GetRequiredService<OrganizationService>();
        var admin = (await users.FindByEmailAsync(ShishinAppFactory.SetupAdminEmail))!;
        var chiyoda = (await organizations.ListAsync()).Single(o => o.Key == "chiyoda");
        var (result, invitation) = await accounts.InviteAsync(
            $"invited-{Guid.NewGuid():N}@example.jp", "招待 一郎", new UserAccess([Roles.Reviewer], [chiyoda.Id]), admin.Id);
        Assert.True(result.Succeeded);
        Placeholders = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["{admin}"] = admin.Id.ToString(),
            ["{organization}"] = chiyoda.Id.ToString(),
            ["{invitation}"] = invitation!.Token,
        };
        Placeholders = new Dictionary<string, string>(Placeholders.Concat(await CatalogPlaceholdersAsync(admin.Id)), StringComparer.Ordinal);
        Placeholders = new Dictionary<string, string>(Placeholders.Concat(await AssessmentSamples.CreateAsync(App.Services)), StringComparer.Ordinal);
        Placeholders = new Dictionary<string, string>(Placeholders.Concat(await AssessmentPlaceholdersAsync(chiyoda.Id)), StringComparer.Ordinal);
        Placeholders = new Dictionary<string, string>(Placeholders.Concat(await ScanPageSamples.CreateAsync(App.Services)), StringComparer.Ordinal);
        Placeholders = new Dictionary<string, string>(Placeholders.Concat(await FeedbackPageSamples.CreateAsync(App.Services)), StringComparer.Ordinal);
        await RegisterSampleAsync();
        await CanvasSamplesAsync(chiyoda.Id, admin.Id);
        await ServiceSampleAsync(chiyoda.Id);
    }

    /// <summary>
    /// Public services of chiyoda for the canvas pages: <c>axe-canvas</c> with two revisions (so history and diff show
    /// content, with a hypothesis added and a result recorded) and <c>axe-canvas-empty</c> without a canvas.
    /// </summary>
    private async Task CanvasSamplesAsync(Guid chiyoda, Guid adminId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Shishin.Core.Data.ShishinDbContext>();
        var canvases = scope.ServiceProvider.GetRequiredService<CanvasService>();
        var service = new Service { Key = "axe-canvas", NameJa = "保育園の入園申込み", NameEn = "Nursery school application", OwnerOrganizationId = chiyoda, IsPublic = true, Phase = ServicePhase.Development };
        db.Services.AddRange(service, new Service { Key = "axe-canvas-empty", NameJa = "粗大ごみの申込み", NameEn = "Bulky waste collection", OwnerOrganizationId = chiyoda, IsPublic = true, Phase = ServicePhase.Operation });
        await db.SaveChangesAsync();
        var author = new CanvasAuthor(adminId, "キャンバス 花子");
        var canvas = new ServiceCanvas
        {
            Purpose = "保育園の入園申込みを、窓口に来なくても済むようにする。",
            TargetUsers = "共働きの保護者。平日の昼間は窓口に来られない。",
            AsIsJourney = "1. 区のサイトで書類を探す\n2. 印刷して手書きする\n3. 平日に窓口へ持参する",
            Hypotheses = [new CanvasHypothesis { Statement = "書類の多さが一番の負担である", Test = "申込者10人への聞き取り" }],
            KpiTargets = "オンライン申込率 80%",
            Risks = "審査の担当者の負担が増える",
        };
        Assert.Equal(CanvasSaveStatus.Saved, (await canvases.SaveAsync(service.Id, 0, canvas, author)).Status);
        canvas.Purpose = "保育園の入園申込みを、スマートフォンだけで終えられるようにする。";
        canvas.Hypotheses[0].Result = "10人中8人が書類の多さを挙げた";
        canvas.Hypotheses.Add(new CanvasHypothesis { Statement = "夜間に申し込みたい人が多い", Test = "アクセスログの時間帯" });
        Assert.Equal(CanvasSaveStatus.Saved, (await canvases.SaveAsync(service.Id, 1, canvas, author)).Status);
    }

    /// <summary>A draft of the catalogue, an open proposal with a comment, and a proposal accepted into the draft.</summary>
    private async Task<Dictionary<string, string>> CatalogPlaceholdersAsync(Guid adminId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogService>();
        var proposals = scope.ServiceProvider.GetRequiredService<ProposalService>();
        var proposer = new ProposalActor(adminId, "提案 花子");
        await catalog.CreateDraftAsync();
        var open = await proposals.CreateAsync(
            new ProposalInput(ProposalKind.Change, "P3-01", null, null, "方針に最終確認日を書く",
                new("", "Accessibility policy published and dated"), LocalizedText.Empty, LocalizedText.Empty, [], null,
                "方針がまだ有効かどうか、読む人には分かりません。", "見直した方針のうち3件は、何年も更新されていませんでした。"),
            proposer);
        await proposals.CommentAsync(open.Id, "賛成です。監査のときにも役立ちます。", proposer);
        var accepted = await proposals.CreateAsync(
            new ProposalInput(ProposalKind.New, null, null, "UX", "小さな画面でのフォームの確認",
                new("小さな画面でのフォームの確認", "Forms checked on small screens"),
                new("スマートフォンの幅で、すべての入力欄とボタンが使えることを確かめます。", "Check at phone width that every field and button can be used."),
                new("小さな画面での確認の記録があります。", "There is a record of the small-screen check."),
                [LifecyclePhase.Development], CheckType.H, "利用者の多くはスマートフォンから申請します。", null),
            proposer);
        await proposals.AcceptAsync(accepted.Id, "次の版に入れます。", proposer);
        return new(StringComparer.Ordinal) { ["{proposal}"] = open.Id.ToString(), ["{accepted-proposal}"] = accepted.Id.ToString() };
    }

    /// <summary>axe-register: a service of Chiyoda City with a partner company and the figures of fiscal year 2025, for the register's forms.</summary>
    private async Task RegisterSampleAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var organizations = scope.ServiceProvider.GetRequiredService<OrganizationService>();
        var partner = await organizations.CreateAsync(new OrganizationInput("axe-vendor", OrganizationKind.Partner, "アクセシブル株式会社", "Accessible Ltd.", null, null));
        var registry = scope.ServiceProvider.GetRequiredService<Shishin.Core.Services.ServiceRegistry>();
        var admin = new Shishin.Core.Services.ServiceScope(
            new Shishin.Core.Services.Viewer(null, new HashSet<string> { Roles.Admin }), new HashSet<Guid>(), new HashSet<Guid>());
        var created = await registry.CreateAsync(
            new Shishin.Core.Services.ServiceInput("axe-register", "保育所入所申請", "Nursery school application", "保育所への入所を申し込みます。",
                "Apply for a place at a nursery school.", "chiyoda", [partner.Key], ["https://www.city.chiyoda.lg.jp/hoiku"], "保護者", "web", true, "operation"),
            admin);
        Assert.True(created.Succeeded);
        Assert.True((await registry.SaveKpiAsync("axe-register", new Shishin.Core.Services.KpiInput(2025, 1200, 540, 18.5m, 32, 3, 14), null, admin)).Succeeded);
    }

    /// <summary>A public service with a published amber assessment of every kind of outcome, and an action item from it.</summary>
    private async Task<Dictionary<string, string>> AssessmentPlaceholdersAsync(Guid organization)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Shishin.Core.Data.ShishinDbContext>();
        var service = await Shishin.Tests.AssessmentSamples.ServiceAsync(db, "axe-assessed-service", organization, isPublic: true);
        var assessment = await Shishin.Tests.AssessmentSamples.AssessmentAsync(db, service.Id, Shishin.Core.Assessments.AssessmentStatus.Published, Shishin.Core.Assessments.Rag.Amber, Shishin.Tests.AssessmentSamples.Mixed);
        var action = await Shishin.Tests.AssessmentSamples.ActionItemAsync(db, service.Id, assessment.Id, new DateOnly(2020, 4, 1), overdue: true);
        return new(StringComparer.Ordinal) { ["{assessed-service}"] = service.Key, ["{assessment}"] = assessment.Id.ToString(), ["{action}"] = action.Id.ToString() };
    }

    public override async Task DisposeAsync()
    {
        await ((IAsyncLifetime)NewInstance).DisposeAsync();
        staffLock.Dispose();
        await base.DisposeAsync();
    }

    public string Resolve(string path) => Placeholders.Aggregate(path, (p, pair) => p.Replace(pair.Key, pair.Value, StringComparison.Ordinal));

    public async Task<string?> StateAsync(Viewer viewer) => viewer switch
    {
        Viewer.Admin => await AdminStateAsync(),
        Viewer.Staff => await StaffStateAsync(),
        _ => null,
    };

    /// <summary>A service owner without two-step verification (who is not made to enrol), signed in once.</summary>
    private async Task<string> StaffStateAsync()
    {
        await staffLock.WaitAsync();
        try
        {
            if (staffState is null)
            {
                var (email, _) = await NewUserAsync("staff", admin: false);
                await using var session = await NewSessionAsync();
                await session.SignInAsync(email, null);
                // The first visit to enrolment creates the authenticator key, which renews the security stamp and so
                // would end every copy of this session but the one that made the visit: make it before saving the state.
                await session.GotoAsync("/account/manage/two-factor");
                staffState = await session.Context.StorageStateAsync();
            }

            return staffState;
        }
        finally
        {
            staffLock.Release();
        }
    }

    /// <summary>
    /// The public service <c>axe-sample</c> of the register's pages, with what its page shows: phase history, KPIs with a
    /// figure not measured, a published amber assessment and an overdue action item.
    /// </summary>
    private async Task ServiceSampleAsync(Guid owner)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Shishin.Core.Data.ShishinDbContext>();
        var service = new Shishin.Core.Services.Service
        {
            Key = "axe-sample",
            NameJa = "保育園の入園申込",
            NameEn = "Nursery school application",
            DescriptionJa = "保育園の入園をオンラインで申し込めます。",
            DescriptionEn = "Apply online for a place at a nursery school.",
            OwnerOrganizationId = owner,
            EntryUrls = "https://www.example.lg.jp/nursery/apply",
            Audience = "子育て中の保護者",
            IsPublic = true,
            Phase = Shishin.Core.Services.ServicePhase.Operation,
            PhaseChanges = [new() { Phase = Shishin.Core.Services.ServicePhase.Operation, EnteredOn = new DateOnly(2025, 4, 1), RecordedByName = "評価 花子" }],
            Kpis = [new() { FiscalYear = 2025, AnnualApplications = 1200, DigitalApplications = 900, MedianCompletionMinutes = 12.5m, InputItems = 24 }],
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        db.Services.Add(service);
        // The current version: the highest published one (a fresh instance has 1.0.0 and 1.1.0).
        var version = db.CatalogVersions.Where(v => v.Status == CatalogVersionStatus.Published).Select(v => new { v.Id, v.Version }).ToList()
            .OrderByDescending(v => SemanticVersion.TryParse(v.Version, out var s) ? s : default).First().Id;
        db.Assessments.Add(new Shishin.Core.Assessments.Assessment
        {
            ServiceId = service.Id,
            CatalogVersionId = version,
            Phase = LifecyclePhase.Operation,
            Status = Shishin.Core.Assessments.AssessmentStatus.Published,
            Rag = Shishin.Core.Assessments.Rag.Amber,
            CreatedAt = DateTime.UtcNow,
            PublishedAt = DateTime.UtcNow,
        });
        db.ActionItems.Add(new Shishin.Core.Assessments.ActionItem
        {
            ServiceId = service.Id,
            Title = "入力項目を減らす",
            DueOn = new DateOnly(2025, 7, 1),
            IsOverdue = true,
        });
        UptimeSample(db, service);
        await db.SaveChangesAsync();
    }

    /// <summary>What the status page of <c>axe-sample</c> shows: a check with its certificate, days, an open and a past incident.</summary>
    private static void UptimeSample(Shishin.Core.Data.ShishinDbContext db, Shishin.Core.Services.Service service)
    {
        var now = DateTime.UtcNow;
        var today = Shishin.Core.JapanTime.Today(TimeProvider.System);
        var check = new UptimeCheck
        {
            ServiceId = service.Id, Url = service.EntryUrls, Enabled = false, NextProbeAt = now.AddDays(1), LastProbeAt = now,
            LastSucceeded = false, LastStatus = 503, LastError = UptimeErrorKind.HttpStatus, ConsecutiveFailures = 3, CertificateExpiresAt = now.AddDays(20),
        };
        var open = new UptimeIncident { ServiceId = service.Id, CheckId = check.Id, Url = check.Url, StartedAt = now.AddMinutes(-15), OpenedAt = now.AddMinutes(-5) };
        var past = new UptimeIncident { ServiceId = service.Id, CheckId = check.Id, Url = check.Url, StartedAt = now.AddDays(-3), OpenedAt = now.AddDays(-3).AddMinutes(10), ClosedAt = now.AddDays(-3).AddHours(1) };
        check.OpenIncidentId = open.Id;
        db.UptimeChecks.Add(check);
        db.UptimeIncidents.AddRange(open, past);
        db.UptimeIncidentEvents.AddRange(
            new UptimeIncidentEvent { IncidentId = open.Id, At = open.OpenedAt, Kind = UptimeIncidentEventKind.Opened, Status = 503, Error = UptimeErrorKind.HttpStatus },
            new UptimeIncidentEvent { IncidentId = past.Id, At = past.OpenedAt, Kind = UptimeIncidentEventKind.Opened, Error = UptimeErrorKind.Timeout },
            new UptimeIncidentEvent { IncidentId = past.Id, At = past.OpenedAt.AddMinutes(20), Kind = UptimeIncidentEventKind.StillFailing, Status = 500, Error = UptimeErrorKind.HttpStatus },
            new UptimeIncidentEvent { IncidentId = past.Id, At = past.ClosedAt!.Value, Kind = UptimeIncidentEventKind.Recovered, Status = 200 });
        for (var i = 0; i < 40; i++)
        {
            db.UptimeDailyAggregates.Add(new UptimeDailyAggregate { ServiceId = service.Id, Day = today.AddDays(-i), Probes = 288, Successes = i == 3 ? 270 : 288 });
        }
    }
}
