using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Shishin.Core.Organizations;
using Shishin.Core.Services;

namespace Shishin.Core.Demo;

/// <summary>A demo service's entities: the service with its partners, dated phase history and KPIs, and its canvas revisions.</summary>
internal sealed class DemoServiceBuilder(DemoCalendar calendar, IReadOnlyDictionary<string, Organization> organizations, IReadOnlyDictionary<string, Guid> partners)
{
    // The canvas is read by whoever shows it with their own options: property names as declared are understood both by
    // readers that match names exactly and by case-insensitive (web) readers. Japanese stays readable.
    private static readonly JsonSerializerOptions CanvasJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const string RecordedBy = "【デモ】サービスチーム";

    public Service Build(DemoServiceSpec spec, IReadOnlyList<DemoAssessmentSpec> assessments)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var owner = organizations[spec.Owner];
        var history = PhaseHistory(spec, assessments);
        var created = calendar.At(history[0].EnteredOn);
        var service = new Service
        {
            Key = spec.Key,
            NameJa = DemoCatalogue.NamePrefixJa + spec.NameJa,
            NameEn = DemoCatalogue.NamePrefixEn + spec.NameEn,
            DescriptionJa = spec.DescriptionJa,
            DescriptionEn = spec.DescriptionEn,
            OwnerOrganizationId = owner.Id,
            // Reserved names (RFC 2606): nothing real answers there, and a scanner pointed at them finds nothing to reach.
            EntryUrls = spec.Channel is ServiceChannel.Web or ServiceChannel.App ? $"https://{spec.Key}.{DemoCatalogue.EmailDomain}/" : "",
            Audience = spec.Audience,
            Channel = spec.Channel,
            IsPublic = spec.IsPublic,
            Phase = spec.Phase,
            IsDemo = true,
            CreatedAt = created,
            UpdatedAt = calendar.At(history[^1].EnteredOn),
        };
        service.Partners.AddRange(spec.Partners.Select(p => new ServicePartner { ServiceId = service.Id, OrganizationId = partners[p] }));
        foreach (var (phase, enteredOn) in history)
        {
            service.PhaseChanges.Add(new ServicePhaseChange
            {
                ServiceId = service.Id,
                Phase = phase,
                EnteredOn = enteredOn,
                Note = PhaseNote(phase),
                RecordedAt = calendar.At(enteredOn, 17),
                RecordedByName = RecordedBy,
            });
        }

        service.Kpis.AddRange(Kpis(spec, service.Id));
        return service;
    }

    /// <summary>
    /// One step per phase up to the current one. Each phase starts well before the assessments made in it, so that a
    /// report never predates the phase it assessed; the dice spread the rest over the last few years.
    /// </summary>
    private List<(ServicePhase Phase, DateOnly EnteredOn)> PhaseHistory(DemoServiceSpec spec, IReadOnlyList<DemoAssessmentSpec> assessments)
    {
        var steps = new List<(ServicePhase, DateOnly)>();
        var daysAgo = 0;
        for (var phase = spec.Phase; phase >= ServicePhase.Hypothesis; phase--)
        {
            var dice = (int)(DemoCalendar.Hash($"{spec.Key}/{phase}") % 150);
            var assessed = assessments.Where(a => a.Service == spec.Key && phase.ToLifecyclePhase() == a.Phase)
                .Select(a => a.DaysAgo + 45).DefaultIfEmpty(0).Max();
            daysAgo = Math.Max(daysAgo + (phase == spec.Phase ? 40 : 110) + dice, assessed);
            steps.Add((phase, calendar.DaysAgo(daysAgo)));
        }

        steps.Reverse();
        return steps;
    }

    private static string PhaseNote(ServicePhase phase) => phase switch
    {
        ServicePhase.Hypothesis => "利用者の課題を探るインタビューを開始。",
        ServicePhase.ServiceDesign => "仮説検証の結果を受けて、サービスの形を検討。",
        ServicePhase.Requirements => "要件を定め、調達の準備を開始。",
        ServicePhase.Development => "パートナー企業と開発に着手。",
        ServicePhase.Operation => "サービスを公開し、運用を開始。",
        _ => "利用者への周知と移行を終え、廃止。",
    };

    /// <summary>
    /// The three latest complete fiscal years. Operating services take up digital applications year by year; services
    /// still being planned show the procedure as it is today, mostly on paper.
    /// </summary>
    private IEnumerable<ServiceKpi> Kpis(DemoServiceSpec spec, Guid serviceId)
    {
        var lastYear = calendar.FiscalYear - 1;
        var dice = DemoCalendar.Fraction(spec.Key);
        var live = spec.Phase is ServicePhase.Operation or ServicePhase.Retired;
        var digitalChannel = spec.Channel is ServiceChannel.Web or ServiceChannel.App;
        for (var step = 0; step < 3; step++)
        {
            var year = lastYear - 2 + step;
            var applications = (int)Math.Round(spec.Applications * (0.88 + (0.06 * step) + (0.04 * dice)));
            if (spec.Phase == ServicePhase.Retired && step == 2)
            {
                applications /= 4;
            }

            var takeUp = live
                ? Math.Min(0.93, (digitalChannel ? 0.28 : 0.12) + (0.25 * dice) + (0.14 * step))
                : Math.Min(0.35, (0.03 * dice) + (0.04 * step));
            yield return new ServiceKpi
            {
                ServiceId = serviceId,
                FiscalYear = year,
                AnnualApplications = applications,
                DigitalApplications = (int)Math.Round(applications * takeUp),
                MedianCompletionMinutes = Math.Round((decimal)((live ? 28 : 40) - ((live ? 6 : 1) * step) + (8 * dice)), 1),
                InputItems = (live ? 32 : 45) - ((live ? 5 : 1) * step) + (int)(10 * dice),
                AttachmentsRequired = Math.Max(0, (live ? 2 : 4) - (live ? step : 0) + (int)(2 * dice)),
                DaysToResultNotice = Math.Round((decimal)((live ? 14 : 21) - ((live ? 3 : 0.5) * step) + (6 * dice)), 1),
                UpdatedAt = calendar.At(new DateOnly(year + 1, 5, 15)),
            };
        }
    }

    /// <summary>Revision 1 when the team first wrote the canvas; for every third service a revision 2 with what it learnt since.</summary>
    public IEnumerable<ServiceCanvasRevision> Canvases(DemoServiceSpec spec, Service service, (Guid Id, string Name)? author, int index)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(service);
        var firstDay = service.PhaseChanges[0].EnteredOn.AddDays(14);
        var first = Canvas(spec, service, tested: false);
        yield return Revision(service.Id, 1, first, calendar.At(firstDay < calendar.Today ? firstDay : calendar.Today), author);
        if (index % 3 == 0 && service.PhaseChanges.Count > 1)
        {
            var day = service.PhaseChanges[^1].EnteredOn.AddDays(7);
            yield return Revision(service.Id, 2, Canvas(spec, service, tested: true), calendar.At(day < calendar.Today ? day : calendar.Today, 16), author);
        }
    }

    private static ServiceCanvasRevision Revision(Guid serviceId, int number, ServiceCanvas canvas, DateTime at, (Guid Id, string Name)? author) => new()
    {
        ServiceId = serviceId,
        Number = number,
        Content = JsonSerializer.Serialize(canvas, CanvasJson),
        CreatedAt = at,
        AuthorId = author?.Id,
        AuthorName = author?.Name ?? RecordedBy,
    };

    private ServiceCanvas Canvas(DemoServiceSpec spec, Service service, bool tested)
    {
        var owner = organizations[spec.Owner];
        var digital = spec.Channel is ServiceChannel.Web or ServiceChannel.App;
        var partnerNames = spec.Partners.Select(p => DemoCatalogue.Partners.First(d => d.Key == p).NameJa).ToList();
        var target = 40 + (int)(DemoCalendar.Hash(spec.Key) % 45);
        var beyondHypothesis = service.Phase > ServicePhase.Hypothesis;
        return new ServiceCanvas
        {
            Purpose = spec.DescriptionJa,
            TargetUsers = $"{spec.Audience}。特に、初めてこの手続をする人、スマートフォンだけで済ませたい人、日本語の読み書きや画面の操作に不安がある人。",
            Experience = "待たずに、迷わずに、一度で手続を終えたい。いつ結果が分かるかを知っておきたい。",
            Value = "来庁や郵送の手間がなくなり、書き直しや差戻しが減る。進み具合が見えるので、問合せをしなくて済む。",
            AsIsJourney = "案内を読んで必要書類をそろえ、窓口または郵送で申請書を出す。記入漏れで差し戻されることが多く、結果の通知までの日数も分からない。",
            ToBeJourney = digital
                ? "スマートフォンから必要な項目だけを入力し、不備はその場で分かる。添付書類は撮影して送り、進み具合と結果は通知で届く。"
                : "電話や窓口の予約で待ち時間がなくなり、必要な書類は事前に案内される。相談の内容は次回に引き継がれる。",
            ProcedureFlow = "申請 → 受付・形式確認 → 審査 → 結果通知 → （必要に応じて）支払い・交付",
            Stakeholders = string.Join("、", new[] { owner.NameJa + "の業務担当課", "関係する区市町村の担当課", "デジタル庁の共通基盤（マイナポータル等）" }.Concat(partnerNames)),
            OperatingSetup = "サービスオーナー1名、業務担当3名、問合せ窓口。パートナー企業と月1回の改善定例を開き、利用者の声と利用状況から改善を決める。",
            Hypotheses =
            [
                new CanvasHypothesis
                {
                    Statement = "申請をやめてしまう主な理由は、必要書類が事前に分からないことである。",
                    Test = "申請途中で離脱した利用者10名へのインタビューと、画面ごとの離脱率の計測。",
                    Result = tested || beyondHypothesis ? "10名中7名が書類の準備で中断していた。書類の事前案内を最初の画面に追加した。" : "",
                },
                new CanvasHypothesis
                {
                    Statement = "入力項目を半分に減らせば、所要時間は10分以内になる。",
                    Test = "試作画面での利用者テスト（高齢者と外国人住民を含む8名）。",
                    Result = tested ? "中央値は9分。ただし高齢者2名は15分以上かかったため、入力補助を検討中。" : "",
                },
            ],
            KpiTargets = string.Create(CultureInfo.InvariantCulture, $"デジタル申請率 {target}%以上、申請1件あたりの所要時間の中央値 10分以内、結果通知まで 7日以内。"),
            Risks = "システム障害時の代替手段、個人情報の取扱い、デジタルに不慣れな利用者の取り残し、パートナー企業への過度な依存。",
        };
    }
}
