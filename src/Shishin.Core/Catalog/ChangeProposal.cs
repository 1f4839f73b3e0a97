namespace Shishin.Core.Catalog;

public enum ProposalKind
{
    /// <summary>A change to an existing checkpoint.</summary>
    Change,

    /// <summary>A new checkpoint under a principle or a theme.</summary>
    New,
}

public enum ProposalStatus
{
    Open,
    Accepted,
    Declined,
    Withdrawn,
}

/// <summary>
/// A proposal to improve the catalogue (ガイドライン改善): a changed or a new checkpoint, with the reason and the evidence.
/// Empty proposed texts mean "leave as it is".
/// </summary>
public class ChangeProposal
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Short sequential number shown to people (#12).</summary>
    public int Number { get; set; }

    public ProposalKind Kind { get; set; }

    /// <summary>The checkpoint to change (Change), or the id it received when accepted (New).</summary>
    public string? CheckpointId { get; set; }

    /// <summary>Where a new checkpoint belongs: a principle number or a theme key.</summary>
    public int? Principle { get; set; }
    public string? Theme { get; set; }

    public required string Summary { get; set; }
    public string? TitleJa { get; set; }
    public string? TitleEn { get; set; }
    public string? GuidanceJa { get; set; }
    public string? GuidanceEn { get; set; }
    public string? EvidenceJa { get; set; }
    public string? EvidenceEn { get; set; }

    /// <summary>Phase codes, space-separated, for a new checkpoint.</summary>
    public string? Phases { get; set; }
    public CheckType? CheckType { get; set; }

    public required string Rationale { get; set; }

    /// <summary>What supports the proposal: findings, feedback, research, links.</summary>
    public string? Evidence { get; set; }

    public ProposalStatus Status { get; set; }
    public Guid ProposerId { get; set; }
    public required string ProposerName { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The published version the proposer was reading.</summary>
    public Guid BaseVersionId { get; set; }

    public Guid? DecidedById { get; set; }
    public string? DecidedByName { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionReason { get; set; }

    /// <summary>The version the accepted change went into (the draft, later published).</summary>
    public Guid? AppliedVersionId { get; set; }

    public List<ProposalComment> Comments { get; set; } = [];
}

public class ProposalComment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ProposalId { get; set; }
    public Guid AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
}
