using System.ComponentModel.DataAnnotations;
using Shishin.Core.Catalog;
using Shishin.Web.Pages.Admin.Catalog;
using Shishin.Web.Pages.Catalog;

namespace Shishin.Web.Pages.Proposals;

/// <summary>
/// A proposal as the form shows it. For a change the texts start as the checkpoint's current ones and only the
/// texts the person actually changed are sent on; for a new checkpoint every text is needed.
/// </summary>
public sealed class ProposalForm
{
    public ProposalKind Kind { get; set; }

    [StringLength(16, ErrorMessage = "Use at most {1} characters.")]
    public string? CheckpointId { get; set; }

    [StringLength(16, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Principle or theme")]
    public string? Owner { get; set; }

    [Display(Name = "Summary of the proposal")]
    [StringLength(CatalogValidator.MaxShortText, ErrorMessage = "Use at most {1} characters.")]
    public string? Summary { get; set; }

    [Display(Name = "Title (Japanese)")]
    [StringLength(CatalogValidator.MaxShortText, ErrorMessage = "Use at most {1} characters.")]
    public string? TitleJa { get; set; }

    [Display(Name = "Title (English)")]
    [StringLength(CatalogValidator.MaxShortText, ErrorMessage = "Use at most {1} characters.")]
    public string? TitleEn { get; set; }

    [Display(Name = "Guidance (Japanese)")]
    [StringLength(CatalogValidator.MaxLongText, ErrorMessage = "Use at most {1} characters.")]
    public string? GuidanceJa { get; set; }

    [Display(Name = "Guidance (English)")]
    [StringLength(CatalogValidator.MaxLongText, ErrorMessage = "Use at most {1} characters.")]
    public string? GuidanceEn { get; set; }

    [Display(Name = "Evidence (Japanese)")]
    [StringLength(CatalogValidator.MaxLongText, ErrorMessage = "Use at most {1} characters.")]
    public string? EvidenceJa { get; set; }

    [Display(Name = "Evidence (English)")]
    [StringLength(CatalogValidator.MaxLongText, ErrorMessage = "Use at most {1} characters.")]
    public string? EvidenceEn { get; set; }

    public List<string> Phases { get; set; } = [];

    [StringLength(1, ErrorMessage = "Use at most {1} characters.")]
    public string? CheckType { get; set; }

    [Display(Name = "Why the change is needed")]
    [StringLength(ProposalService.MaxTextLength, ErrorMessage = "Use at most {1} characters.")]
    public string? Rationale { get; set; }

    [Display(Name = "Supporting evidence")]
    [StringLength(ProposalService.MaxTextLength, ErrorMessage = "Use at most {1} characters.")]
    public string? SupportingEvidence { get; set; }

    public static ProposalForm ChangeOf(Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return new()
        {
            Kind = ProposalKind.Change,
            CheckpointId = checkpoint.Id,
            TitleJa = checkpoint.Title.Ja,
            TitleEn = checkpoint.Title.En,
            GuidanceJa = checkpoint.Guidance.Ja,
            GuidanceEn = checkpoint.Guidance.En,
            EvidenceJa = checkpoint.Evidence.Ja,
            EvidenceEn = checkpoint.Evidence.En,
        };
    }

    /// <summary>The input for the service: for a change, a text left as it is goes as empty ("keep").</summary>
    public ProposalInput ToInput(CatalogDocument current, IReadOnlyList<CatalogGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(current);
        var checkpoint = Kind == ProposalKind.Change && CheckpointId is not null ? current.FindCheckpoint(CheckpointId) : null;
        string Changed(string? text, string? before)
        {
            var typed = CheckpointForm.Text(text);
            return checkpoint is not null && typed == CheckpointForm.Text(before) ? "" : typed;
        }

        var group = Kind == ProposalKind.New ? CatalogGroup.Find(groups, Owner) : null;
        return new ProposalInput(
            Kind,
            Kind == ProposalKind.Change ? CheckpointId : null,
            group?.Principle,
            group?.Theme,
            CheckpointForm.Text(Summary),
            new(Changed(TitleJa, checkpoint?.Title.Ja), Changed(TitleEn, checkpoint?.Title.En)),
            new(Changed(GuidanceJa, checkpoint?.Guidance.Ja), Changed(GuidanceEn, checkpoint?.Guidance.En)),
            new(Changed(EvidenceJa, checkpoint?.Evidence.Ja), Changed(EvidenceEn, checkpoint?.Evidence.En)),
            [.. Phases.Where(CatalogCodes.Phases.ContainsKey).Select(code => CatalogCodes.Phases[code]).Distinct().Order()],
            CheckType switch
            {
                "A" => Core.Catalog.CheckType.A,
                "S" => Core.Catalog.CheckType.S,
                "H" => Core.Catalog.CheckType.H,
                _ => null,
            },
            CheckpointForm.Text(Rationale),
            CheckpointForm.Text(SupportingEvidence));
    }

    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["summary"] = "Input.Summary",
        ["rationale"] = "Input.Rationale",
        ["owner"] = "Input.Owner",
        ["title.ja"] = "Input.TitleJa",
        ["title.en"] = "Input.TitleEn",
        ["guidance.ja"] = "Input.GuidanceJa",
        ["guidance.en"] = "Input.GuidanceEn",
        ["evidence.ja"] = "Input.EvidenceJa",
        ["evidence.en"] = "Input.EvidenceEn",
        ["phases"] = "Input.Phases",
        ["checkType"] = "Input.CheckType",
        ["supportingEvidence"] = "Input.SupportingEvidence",
    };

    public static string? FieldFor(string path) => CatalogMessages.Lookup(Fields, path);
}
