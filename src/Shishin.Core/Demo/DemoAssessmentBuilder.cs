using Shishin.Core.Assessments;
using Shishin.Core.Catalog;
using Shishin.Core.Services;

namespace Shishin.Core.Demo;

/// <summary>The users an assessment names: the service team (when a demo owner belongs to it) and the panel.</summary>
internal sealed record DemoPeople(Func<Service, (Guid Id, string Name)?> TeamOf, Guid Lead, Guid Member);

/// <summary>
/// Demo assessments against the pinned published catalogue: each lists the checkpoints of its phase (a reassessment
/// only the red ones of the report it follows), answered the way its target rating needs, and published ones give rise
/// to action items for their amber and red checkpoints, due three months after publication.
/// </summary>
internal sealed class DemoAssessmentBuilder(DemoCalendar calendar, Guid catalogVersionId, CatalogDocument catalogue, DemoPeople people)
{
    private const string Team = "【デモ】サービスチーム";
    private const int MaxActionsPerAssessment = 5;

    private static readonly string[] MetEvidence =
    [
        "利用者インタビュー（8名）の記録と、結果を反映した画面案を共有フォルダで公開している。",
        "自動テスト（axe-core）で重大な違反0件。検証結果をリポジトリに保存し、リリースごとに確認している。",
        "運用手順書と月次の改善定例の議事録で、担当と頻度を確認できる。",
        "申請データとアクセスログの月次集計をダッシュボードで公開している。",
        "委託先によるセキュリティ診断の報告書。指摘事項はすべて対応済み。",
        "要件定義書の該当章と、関係課によるレビューの記録。",
    ];

    private static readonly string[] PartlyMetEvidence =
    [
        "主要な画面では対応済みだが、添付書類のアップロード画面は未対応。",
        "利用者テストを実施したが、高齢者の参加が2名にとどまった。",
        "手順は定めたが、まだ一度も訓練を実施していない。",
        "英語には対応したが、やさしい日本語と他の言語は未対応。",
    ];

    private static readonly string[] NotMetEvidence =
    [
        "現時点では未着手。次年度の改修で対応する予定。",
        "利用者の声を集める仕組みがなく、改善の根拠を示せていない。",
        "障害時の連絡体制と代替手段が定まっていない。",
    ];

    private static readonly string[] NotApplicableReasons =
    [
        "個人情報を扱わない手続のため対象外。",
        "外部のシステムと連携しないため対象外。",
        "画面を持たない手続（電話での受付のみ）のため対象外。",
    ];

    private static readonly Dictionary<Rag, string[]> PanelComments = new()
    {
        [Rag.Green] = ["根拠が具体的で、継続して改善する仕組みもある。", "利用者の声を次の改善につなげている点が良い。"],
        [Rag.Amber] = ["方向性は良いが、検証した利用者の範囲が狭い。3か月以内に追加の検証を求める。", "対応は一部にとどまる。残りの画面の対応計画を示すこと。"],
        [Rag.Red] = ["根拠が示されていない。再評価までに対応計画と実施結果を示すこと。", "利用者に影響する重大な欠落がある。優先して対応すること。"],
    };

    private static readonly Dictionary<Rag, (string DoneWell, string ToImprove)> Summaries = new()
    {
        [Rag.Green] = ("利用者調査に基づいて設計し、データで効果を確かめている。チームの体制と改善の仕組みも整っている。",
            "引き続き、デジタルに不慣れな利用者への支援の効果を測ること。"),
        [Rag.Amber] = ("サービスの目的と利用者像が明確で、主要な手続はオンラインで完結できる。",
            "アクセシビリティと多言語対応に課題が残る。対応事項を3か月以内に完了すること。"),
        [Rag.Red] = ("サービスの必要性は高く、利用者の期待も大きい。",
            "セキュリティと障害時の体制に重大な課題がある。赤の観点について再評価を受けること。"),
    };

    public (List<Assessment> Assessments, List<ActionItem> ActionItems) Build(IReadOnlyList<DemoAssessmentSpec> specs, IReadOnlyDictionary<string, Service> services)
    {
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(services);
        var assessments = new List<Assessment>();
        var actions = new List<ActionItem>();
        for (var i = 0; i < specs.Count; i++)
        {
            var spec = specs[i];
            var service = services[spec.Service];
            var original = spec.ReassessmentOf is { } of ? assessments[of] : null;
            var assessment = Assessment(i, spec, service, original);
            assessments.Add(assessment);
            if (assessment.Status == AssessmentStatus.Published && assessment.Rag is Rag.Amber or Rag.Red)
            {
                var reassessed = specs.Select((s, n) => (s, n)).FirstOrDefault(x => x.s.ReassessmentOf == i && x.s.Status == AssessmentStatus.Published);
                DateOnly? redsClosedOn = reassessed.s is null ? null : calendar.DaysAgo(reassessed.s.DaysAgo + 10);
                actions.AddRange(Actions(assessment, service, redsClosedOn));
            }
        }

        return (assessments, actions);
    }

    private Assessment Assessment(int index, DemoAssessmentSpec spec, Service service, Assessment? original)
    {
        var team = people.TeamOf(service);
        var anchor = calendar.DaysAgo(spec.DaysAgo);
        var published = spec.Status == AssessmentStatus.Published;
        var created = published ? anchor.AddDays(original is null ? -40 : -20) : anchor;
        DateOnly? submitted = spec.Status switch
        {
            AssessmentStatus.Published => anchor.AddDays(-12),
            AssessmentStatus.Submitted or AssessmentStatus.InReview => Min(anchor.AddDays(5), calendar.Today),
            _ => null,
        };
        DateOnly? reviewStarted = spec.Status switch
        {
            AssessmentStatus.Published => anchor.AddDays(-6),
            AssessmentStatus.InReview => Min(anchor.AddDays(9), calendar.Today),
            _ => null,
        };

        var assessment = new Assessment
        {
            ServiceId = service.Id,
            Phase = spec.Phase,
            CatalogVersionId = catalogVersionId,
            Status = spec.Status,
            ReassessmentOfId = original?.Id,
            Rag = published ? spec.Rag : null,
            CreatedAt = calendar.At(created, 9),
            CreatedById = team?.Id,
            SubmittedAt = submitted is { } s ? calendar.At(s, 15) : null,
            SubmittedById = submitted is null ? null : team?.Id,
            ReviewStartedAt = reviewStarted is { } r ? calendar.At(r, 10) : null,
        };

        if (published && spec.Rag is { } rag)
        {
            assessment.PublishedAt = calendar.At(anchor, 14);
            assessment.PublishedById = people.Lead;
            (assessment.DoneWell, assessment.ToImprove) = Summaries[rag];
            assessment.ResponseDueOn = WorkingDays.Add(anchor, AssessmentService.ResponseWorkingDays);
            // Older reports were answered; the most recent are still within the team's response window.
            if (spec.DaysAgo > 14)
            {
                assessment.TeamResponse = TeamResponse.Accepted;
                assessment.TeamRespondedAt = calendar.At(anchor.AddDays(5), 11);
            }
        }

        if (reviewStarted is not null)
        {
            assessment.Reviewers.Add(new AssessmentReviewer { AssessmentId = assessment.Id, UserId = people.Lead, IsLead = true });
            if (index % 2 == 0)
            {
                assessment.Reviewers.Add(new AssessmentReviewer { AssessmentId = assessment.Id, UserId = people.Member });
            }
        }

        var checkpointIds = original is not null
            ? original.Results.Where(r => r.Rag == Rag.Red).Select(r => r.CheckpointId).ToList()
            : catalogue.Checkpoints.Where(c => !c.Retired && c.Phases.Contains(spec.Phase)).Select(c => c.Id).ToList();
        var outcomes = original is not null ? ReassessedOutcomes(checkpointIds.Count, spec.Rag) : Outcomes(spec, service, checkpointIds);
        var answeredAt = calendar.At(submitted ?? Min(created.AddDays(2), calendar.Today), 11);
        for (var k = 0; k < checkpointIds.Count; k++)
        {
            var answered = spec.Status != AssessmentStatus.Draft || k < (checkpointIds.Count + 1) / 2;
            var rated = published || (spec.Status == AssessmentStatus.InReview && k < checkpointIds.Count * 3 / 5);
            assessment.Results.Add(Result(assessment.Id, service, checkpointIds[k], answered ? outcomes[k] : null, rated, answeredAt, team));
        }

        return assessment;
    }

    /// <summary>Outcomes that add up to the target rating: Green all met, Amber some partly met, Red one to three not met.</summary>
    private static List<CheckpointOutcome> Outcomes(DemoAssessmentSpec spec, Service service, List<string> checkpointIds)
    {
        var target = spec.Rag ?? Rag.Amber;
        var outcomes = checkpointIds.Select(id =>
        {
            var dice = DemoCalendar.Fraction($"{service.Key}/{spec.Phase}/{spec.DaysAgo}/{id}");
            return target switch
            {
                Rag.Green => dice < 0.1 ? CheckpointOutcome.NotApplicable : CheckpointOutcome.Met,
                Rag.Amber => dice < 0.1 ? CheckpointOutcome.NotApplicable : dice < 0.32 ? CheckpointOutcome.PartlyMet : CheckpointOutcome.Met,
                _ => dice < 0.08 ? CheckpointOutcome.NotApplicable : dice < 0.25 ? CheckpointOutcome.PartlyMet : dice < 0.36 ? CheckpointOutcome.NotMet : CheckpointOutcome.Met,
            };
        }).ToList();

        if (target != Rag.Green)
        {
            Ensure(outcomes, CheckpointOutcome.PartlyMet, 2);
        }

        if (target == Rag.Red)
        {
            Ensure(outcomes, CheckpointOutcome.NotMet, 1);
            var notMet = outcomes.Select((o, n) => (o, n)).Where(x => x.o == CheckpointOutcome.NotMet).Skip(3).Select(x => x.n).ToList();
            notMet.ForEach(n => outcomes[n] = CheckpointOutcome.PartlyMet);
        }

        return outcomes;
    }

    private static void Ensure(List<CheckpointOutcome> outcomes, CheckpointOutcome wanted, int count)
    {
        for (var n = 0; n < outcomes.Count && outcomes.Count(o => o == wanted) < count; n++)
        {
            if (outcomes[n] == CheckpointOutcome.Met)
            {
                outcomes[n] = wanted;
            }
        }
    }

    /// <summary>A reassessment answers only the red checkpoints: all met for Green, the first one still partly met for Amber.</summary>
    private static List<CheckpointOutcome> ReassessedOutcomes(int count, Rag? target) =>
        [.. Enumerable.Range(0, count).Select(n => target != Rag.Green && n == 0 ? CheckpointOutcome.PartlyMet : CheckpointOutcome.Met)];

    private static CheckpointResult Result(Guid assessmentId, Service service, string checkpointId, CheckpointOutcome? outcome, bool rated, DateTime at, (Guid Id, string Name)? team)
    {
        var pick = (int)(DemoCalendar.Hash(service.Key + checkpointId) % 1000);
        var result = new CheckpointResult { AssessmentId = assessmentId, CheckpointId = checkpointId, Outcome = outcome };
        if (outcome is null)
        {
            return result;
        }

        result.UpdatedAt = at;
        result.UpdatedById = team?.Id;
        result.UpdatedByName = team?.Name ?? Team;
        switch (outcome)
        {
            case CheckpointOutcome.NotApplicable:
                result.NotApplicableReason = NotApplicableReasons[pick % NotApplicableReasons.Length];
                break;
            case CheckpointOutcome.Met:
                result.Evidence = MetEvidence[pick % MetEvidence.Length];
                result.EvidenceLinks = $"https://{service.Key}.{DemoCatalogue.EmailDomain}/evidence/{checkpointId.ToLowerInvariant()}";
                break;
            case CheckpointOutcome.PartlyMet:
                result.Evidence = PartlyMetEvidence[pick % PartlyMetEvidence.Length];
                result.AssessorNote = "残りの対応は次の改修に含める予定。";
                break;
            default:
                result.Evidence = NotMetEvidence[pick % NotMetEvidence.Length];
                result.AssessorNote = "体制と予算の確保を検討中。";
                break;
        }

        if (rated && outcome != CheckpointOutcome.NotApplicable)
        {
            var rag = outcome switch
            {
                CheckpointOutcome.Met => Rag.Green,
                CheckpointOutcome.PartlyMet => Rag.Amber,
                _ => Rag.Red,
            };
            result.Rag = rag;
            result.PanelComment = PanelComments[rag][pick % PanelComments[rag].Length];
        }

        return result;
    }

    /// <summary>
    /// Actions for the amber and red checkpoints, in every state: those due in the past are done, won't do, or still open
    /// and overdue; those due later are open or in progress. Red points that a published reassessment cleared are done.
    /// </summary>
    private IEnumerable<ActionItem> Actions(Assessment assessment, Service service, DateOnly? redsClosedOn)
    {
        var publishedOn = DateOnly.FromDateTime(assessment.PublishedAt!.Value);
        var due = publishedOn.AddMonths(3);
        var owner = people.TeamOf(service);
        var past = due < calendar.Today;
        ActionItemStatus[] cycle = past
            ? [ActionItemStatus.Open, ActionItemStatus.InProgress, ActionItemStatus.Done, ActionItemStatus.WontDo, ActionItemStatus.Open]
            : [ActionItemStatus.Open, ActionItemStatus.InProgress, ActionItemStatus.Done, ActionItemStatus.Open];
        var flagged = assessment.Results.Where(r => r.Rag is Rag.Amber or Rag.Red).Take(MaxActionsPerAssessment).ToList();
        for (var n = 0; n < flagged.Count; n++)
        {
            var result = flagged[n];
            var status = result.Rag == Rag.Red && redsClosedOn is not null ? ActionItemStatus.Done : cycle[n % cycle.Length];
            var closed = status is ActionItemStatus.Done or ActionItemStatus.WontDo;
            var closedOn = result.Rag == Rag.Red && redsClosedOn is { } r ? r : Min(publishedOn.AddDays(30 + (10 * n)), calendar.Today);
            var title = catalogue.FindCheckpoint(result.CheckpointId)?.Title.Ja ?? result.CheckpointId;
            yield return new ActionItem
            {
                ServiceId = service.Id,
                AssessmentId = assessment.Id,
                CheckpointId = result.CheckpointId,
                Title = Shorten($"{result.CheckpointId} {title}", 200),
                Description = result.PanelComment,
                OwnerId = owner?.Id,
                DueOn = due,
                Status = status,
                WontDoReason = status == ActionItemStatus.WontDo ? "次期システムへの移行で解消するため、現行システムでは対応しない。" : "",
                IsOverdue = !closed && due < calendar.Today,
                CreatedAt = assessment.PublishedAt.Value,
                ClosedAt = closed ? calendar.At(closedOn, 16) : null,
            };
        }
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
