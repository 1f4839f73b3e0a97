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

    /// <summary>
    /// The id of the proposal that a changelog entry names by its key (<see cref="ChangelogEntry.Proposal"/>): derived
    /// from the key, so a shipped catalogue's changelog links to the proposal an instance recorded for it (the demo
    /// data's improvement cycle) without a column of its own (ADR 0023).
    /// </summary>
    public static Guid IdForChangelogKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("shishin-changelog-proposal:" + key));
        // A version 8 (custom) UUID with the RFC 9562 variant, so it can never equal a random (v4) or time-ordered (v7) id.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
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
