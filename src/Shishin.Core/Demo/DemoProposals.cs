using Microsoft.EntityFrameworkCore;
using Shishin.Core.Catalog;
using Shishin.Core.Data;
using Shishin.Core.Identity;

namespace Shishin.Core.Demo;

/// <summary>A change proposal of the demo: one theme of the change from 1.0.0 to 1.1.0, named by its changelog key.</summary>
internal sealed record DemoProposalSpec(string Key, string Proposer, ProposalKind Kind, string? CheckpointId, int? Principle, string Summary, string Rationale, string Evidence, int DaysAgo);

/// <summary>
/// The improvement cycle made visible: the proposals behind catalogue 1.1.0, one per theme of change, accepted into it
/// by the demo administrator. Each one's id comes from its changelog key, so the version and diff pages link every
/// changelog entry to the proposal it came from (ADR 0023).
/// </summary>
internal static class DemoProposals
{
    public static readonly IReadOnlyList<DemoProposalSpec> All =
    [
        new("seed-fidelity", "demo-reviewer", ProposalKind.Change, "P7-04", null,
            "元の行動指針の文書に忠実にする（前文・策定目的・構成、#1・#2・#3・#5・#6・#7 の表現）",
            "元の文書と読み比べると、#6 の「都全体」がオール東京と逆の意味に読めるなど、文書より強い表現や異なる意味の表現がありました。前文・策定目的・構成もカタログにありませんでした。",
            "元の文書（東京都デジタルサービスの開発・運用に係る行動指針）との読み比べ", 60),
        new("concrete", "demo-owner", ProposalKind.Change, "P3-04", null,
            "チームが確かめられる具体的なチェックポイントにする（P3-04・P6-04・P7-04・P10-03）",
            "複数の義務が一つにまとまっている、頻度が決まっていない、出席の記録だけで満たせるなど、評価パネルが判断できないチェックポイントがありました。",
            "自己評価と評価パネルのコメントで、同じチェックポイントの解釈が分かれた例", 55),
        new("check-types", "demo-owner-city", ProposalKind.Change, "UX-04", null,
            "成り立たない確認方法を正す（UX-04・UX-07・P2-04・UX-02）",
            "自動（A）なのに既定のルールプロファイルでは動かないスキャナーのルールにしか頼っていないチェックポイントや、現場のデータが要る指標を自動としているものがありました。",
            "スキャン結果で、根拠が一度も出ていないチェックポイント", 50),
        new("mappings", "demo-reviewer2", ProposalKind.Change, "SE-02", null,
            "対応する基準を正す（SE-02・P5-03・P2-04・UX-01）",
            "OWASP ASVS 5.0 の章、英国 Service Standard の項目、WCAG の達成基準に、内容と合わない対応付けや漏れがありました。",
            "ASVS 5.0、Service Standard、WCAG 2.2 の各項目との読み比べ", 45),
        new("new-checkpoints", "demo-reviewer", ProposalKind.New, null, 2,
            "ガイドラインの担当者が求めるチェックポイントを加える（手続のQOS、やさしい日本語、個人情報、障害時の対応など）",
            "行政手続のQOS、やさしい日本語、個人情報の保護、障害時の告知と期限の配慮、情報セキュリティポリシー、BPR、区市町村との共同利用、OSSの公開後の運用、機械判読に適した公開について、確かめるチェックポイントがありませんでした。",
            "行政手続デジタル化QOS向上ガイドライン、総務省の情報セキュリティポリシーに関するガイドライン、デジタル庁のウェブアクセシビリティ導入ガイドブック", 40),
        new("one-voice", "demo-owner", ProposalKind.Change, "UX-01", null,
            "日本語の表記と文体をそろえる（手続、ブラウザー、パラメーター、障がい、解説の文末）",
            "「手続」と「手続き」が混ざる、解説の文末が「〜します」と「〜してください」に分かれるなど、表記と文体がそろっていませんでした。",
            "用語集（docs/glossary.md）とカタログの日本語の突き合わせ", 35),
    ];

    /// <summary>The ids the demo's proposals have, whatever happened to them since.</summary>
    public static IReadOnlyList<Guid> Ids => [.. All.Select(p => ChangeProposal.IdForChangelogKey(p.Key))];

    /// <summary>
    /// Adds the proposals, accepted into <paramref name="applied"/> and based on <paramref name="basedOn"/>; nothing when
    /// the instance has no earlier version to improve on.
    /// </summary>
    public static async Task<int> AddAsync(ShishinDbContext db, DemoCalendar calendar, CatalogVersionInfo applied, CatalogVersionInfo? basedOn, IReadOnlyDictionary<string, ShishinUser> people, CancellationToken cancellationToken)
    {
        if (basedOn is null)
        {
            return 0;
        }

        var decider = people["demo-admin"];
        foreach (var spec in All)
        {
            var proposer = people[spec.Proposer];
            var created = calendar.At(calendar.DaysAgo(spec.DaysAgo));
            db.ChangeProposals.Add(new ChangeProposal
            {
                Id = ChangeProposal.IdForChangelogKey(spec.Key),
                Number = await Counters.NextAsync<ChangeProposal>(db, nameof(ChangeProposal.Number), cancellationToken),
                Kind = spec.Kind,
                CheckpointId = spec.CheckpointId,
                Principle = spec.Principle,
                Summary = DemoCatalogue.NamePrefixJa + spec.Summary,
                Rationale = spec.Rationale,
                Evidence = spec.Evidence,
                Status = ProposalStatus.Accepted,
                ProposerId = proposer.Id,
                ProposerName = proposer.DisplayName,
                CreatedAt = created,
                BaseVersionId = basedOn.Id,
                DecidedById = decider.Id,
                DecidedByName = decider.DisplayName,
                DecidedAt = created.AddDays(14),
                DecisionReason = "第 " + applied.Version + " 版に反映しました。変更履歴の各項目からこの提案にたどれます。",
                AppliedVersionId = applied.Id,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return All.Count;
    }

    public static Task<int> RemoveAsync(ShishinDbContext db, CancellationToken cancellationToken)
    {
        var ids = Ids.ToList();
        return db.ChangeProposals.Where(p => ids.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}
