using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shishin.Core.Auditing;
using Shishin.Core.Data;

namespace Shishin.Core.Catalog;

/// <summary>What a person proposes; empty texts of a change proposal mean "keep as it is".</summary>
public sealed record ProposalInput(
    ProposalKind Kind,
    string? CheckpointId,
    int? Principle,
    string? Theme,
    string Summary,
    LocalizedText Title,
    LocalizedText Guidance,
    LocalizedText Evidence,
    IReadOnlyList<LifecyclePhase> Phases,
    CheckType? CheckType,
    string Rationale,
    string? SupportingEvidence);

/// <summary>Who acts: the signed-in person's id and display name.</summary>
public sealed record ProposalActor(Guid UserId, string Name);

/// <summary>
/// The improvement cycle of the catalogue: anyone signed in proposes and comments; an admin accepts a proposal
/// (its change goes into the draft, linked back to the proposal) or declines it with a reason. The audit
/// interceptor records every step.
/// </summary>
public sealed class ProposalService(ShishinDbContext db, CatalogService catalog, TimeProvider clock)
{
    public const int MaxTextLength = 4000;

    public async Task<ChangeProposal> CreateAsync(ProposalInput input, ProposalActor proposer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(proposer);
        var current = await catalog.GetCurrentAsync(cancellationToken)
            ?? throw new CatalogException(CatalogErrorKind.NotFound, "There is no published catalogue to propose a change to.");
        var issues = Check(input, current.Document);
        if (issues.Count > 0)
        {
            throw new CatalogException(CatalogErrorKind.Invalid, issues[0].Template, issues[0].Args) { Issues = issues };
        }

        var proposal = new ChangeProposal
        {
            Kind = input.Kind,
            CheckpointId = input.Kind == ProposalKind.Change ? current.Document.FindCheckpoint(input.CheckpointId!)!.Id : null,
            Principle = input.Kind == ProposalKind.New ? input.Principle : null,
            Theme = input.Kind == ProposalKind.New ? current.Document.FindTheme(input.Theme ?? "")?.Key : null,
            Summary = input.Summary.Trim(),
            TitleJa = Trimmed(input.Title.Ja),
            TitleEn = Trimmed(input.Title.En),
            GuidanceJa = Trimmed(input.Guidance.Ja),
            GuidanceEn = Trimmed(input.Guidance.En),
            EvidenceJa = Trimmed(input.Evidence.Ja),
            EvidenceEn = Trimmed(input.Evidence.En),
            Phases = input.Kind == ProposalKind.New ? string.Join(' ', input.Phases.Distinct().Select(CatalogCodes.Code)) : null,
            CheckType = input.Kind == ProposalKind.New ? input.CheckType : null,
            Rationale = input.Rationale.Trim(),
            Evidence = Trimmed(input.SupportingEvidence),
            Status = ProposalStatus.Open,
            ProposerId = proposer.UserId,
            ProposerName = proposer.Name,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            BaseVersionId = current.Id,
        };

        // The number comes from a counter advanced in the same transaction as the insert, so concurrent proposals
        // queue on the counter instead of colliding on the unique index: no retry, hence no half-saved attempt whose
        // audit events could linger in the change tracker.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        proposal.Number = await Counters.NextAsync<ChangeProposal>(db, nameof(ChangeProposal.Number), cancellationToken);
        db.ChangeProposals.Add(proposal);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return proposal;
    }

    /// <summary>The field problems of a proposal, as catalogue issues whose target is the input.</summary>
    public static IReadOnlyList<CatalogIssue> Check(ProposalInput input, CatalogDocument current)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(current);
        var issues = new List<CatalogIssue>();
        if (string.IsNullOrWhiteSpace(input.Summary))
        {
            issues.Add(new(input, "summary", "Say in one line what you propose."));
        }

        if (string.IsNullOrWhiteSpace(input.Rationale))
        {
            issues.Add(new(input, "rationale", "Explain why the change is needed."));
        }

        // The same limits as the catalogue itself, so an accepted proposal never makes the draft invalid by its length.
        CatalogValidator.MaxLength(issues, input, "summary", input.Summary, CatalogValidator.MaxShortText);
        CatalogValidator.MaxLength(issues, input, "title", input.Title, CatalogValidator.MaxShortText);
        CatalogValidator.MaxLength(issues, input, "guidance", input.Guidance, CatalogValidator.MaxLongText);
        CatalogValidator.MaxLength(issues, input, "evidence", input.Evidence, CatalogValidator.MaxLongText);
        CatalogValidator.MaxLength(issues, input, "rationale", input.Rationale, MaxTextLength);
        CatalogValidator.MaxLength(issues, input, "supportingEvidence", input.SupportingEvidence, MaxTextLength);

        if (input.Kind == ProposalKind.Change)
        {
            if (string.IsNullOrWhiteSpace(input.CheckpointId) || current.FindCheckpoint(input.CheckpointId) is null)
            {
                issues.Add(new(input, "checkpointId", "Choose the checkpoint you want to change."));
            }

            if (new[] { input.Title.Ja, input.Title.En, input.Guidance.Ja, input.Guidance.En, input.Evidence.Ja, input.Evidence.En }.All(string.IsNullOrWhiteSpace))
            {
                issues.Add(new(input, "title.ja", "Write at least one new text for the checkpoint."));
            }
        }
        else
        {
            var hasPrincipleOrTheme = input.Principle is { } p ? current.FindPrinciple(p) is not null : current.FindTheme(input.Theme ?? "") is not null;
            if (!hasPrincipleOrTheme)
            {
                issues.Add(new(input, "owner", "Choose the principle or theme the new checkpoint belongs to."));
            }

            foreach (var (field, text) in new[] { ("title", input.Title), ("guidance", input.Guidance), ("evidence", input.Evidence) })
            {
                if (string.IsNullOrWhiteSpace(text.Ja))
                {
                    issues.Add(new(input, field + ".ja", "The Japanese text of '{0}' is missing.", field));
                }

                if (string.IsNullOrWhiteSpace(text.En))
                {
                    issues.Add(new(input, field + ".en", "The English text of '{0}' is missing.", field));
                }
            }

            if (input.Phases.Count == 0)
            {
                issues.Add(new(input, "phases", "Choose at least one lifecycle phase."));
            }

            if (input.CheckType is null)
            {
                issues.Add(new(input, "checkType", "Choose how the checkpoint is checked."));
            }
        }

        return issues;
    }

    public async Task<ChangeProposal?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        await db.ChangeProposals.AsNoTracking().Include(p => p.Comments.OrderBy(c => c.CreatedAt)).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public async Task<IReadOnlyList<ChangeProposal>> ListAsync(ProposalStatus? status = null, Guid? proposerId = null, Guid? appliedVersionId = null, CancellationToken cancellationToken = default)
    {
        var query = db.ChangeProposals.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(p => p.Status == s);
        }

        if (proposerId is { } proposer)
        {
            query = query.Where(p => p.ProposerId == proposer);
        }

        if (appliedVersionId is { } version)
        {
            query = query.Where(p => p.AppliedVersionId == version);
        }

        return await query.OrderByDescending(p => p.Number).ToListAsync(cancellationToken);
    }

    public async Task<ProposalComment> CommentAsync(Guid id, string body, ProposalActor author, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(author);
        if (string.IsNullOrWhiteSpace(body))
        {
            throw new CatalogException(CatalogErrorKind.Invalid, "Write a comment.");
        }

        if (body.Length > MaxTextLength)
        {
            throw new CatalogException(CatalogErrorKind.Invalid, "A comment can be at most {0} characters.", MaxTextLength);
        }

        _ = await db.ChangeProposals.FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new CatalogException(CatalogErrorKind.NotFound, "There is no such proposal.");
        var comment = new ProposalComment
        {
            ProposalId = id,
            AuthorId = author.UserId,
            AuthorName = author.Name,
            Body = body.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ProposalComments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        return comment;
    }

    public async Task WithdrawAsync(Guid id, ProposalActor proposer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proposer);
        var proposal = await OpenProposalAsync(id, cancellationToken);
        if (proposal.ProposerId != proposer.UserId)
        {
            throw new CatalogException(CatalogErrorKind.Invalid, "Only the person who made a proposal can withdraw it.");
        }

        proposal.Status = ProposalStatus.Withdrawn;
        proposal.DecidedAt = clock.GetUtcNow().UtcDateTime;
        proposal.DecidedById = proposer.UserId;
        proposal.DecidedByName = proposer.Name;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DeclineAsync(Guid id, string reason, ProposalActor admin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new CatalogException(CatalogErrorKind.Invalid, "Give the reason for declining, so the proposer can learn from it.");
        }

        var proposal = await OpenProposalAsync(id, cancellationToken);
        proposal.Status = ProposalStatus.Declined;
        proposal.DecisionReason = reason.Trim();
        Decide(proposal, admin);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Applies the proposal to the draft (starting one when there is none) and marks it accepted.</summary>
    public async Task<CatalogSnapshot> AcceptAsync(Guid id, string? note, ProposalActor admin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var proposal = await OpenProposalAsync(id, cancellationToken);
        var draft = await catalog.GetDraftAsync(cancellationToken) ?? await catalog.CreateDraftAsync(cancellationToken);
        var checkpointId = proposal.CheckpointId ?? NextId(draft.Document, proposal);
        var snapshot = await catalog.EditDraftAsync(draft.Revision, document => Apply(document, proposal, checkpointId),
            "catalog.proposal.applied", CatalogDiff.CheckpointKind, checkpointId, cancellationToken);

        proposal.Status = ProposalStatus.Accepted;
        proposal.CheckpointId = checkpointId;
        proposal.AppliedVersionId = snapshot.Id;
        proposal.DecisionReason = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Decide(proposal, admin);
        await db.SaveChangesAsync(cancellationToken);
        return snapshot;
    }

    private static Checkpoint Apply(CatalogDocument document, ChangeProposal proposal, string checkpointId)
    {
        if (proposal.Kind == ProposalKind.Change)
        {
            var checkpoint = document.FindCheckpoint(checkpointId)
                ?? throw new CatalogException(CatalogErrorKind.NotFound, "The draft has no checkpoint {0}.", checkpointId);
            checkpoint.Title = Merge(checkpoint.Title, proposal.TitleJa, proposal.TitleEn);
            checkpoint.Guidance = Merge(checkpoint.Guidance, proposal.GuidanceJa, proposal.GuidanceEn);
            checkpoint.Evidence = Merge(checkpoint.Evidence, proposal.EvidenceJa, proposal.EvidenceEn);
            return checkpoint;
        }

        var added = new Checkpoint
        {
            Id = checkpointId,
            Principle = proposal.Principle,
            Theme = proposal.Theme,
            Title = new(proposal.TitleJa ?? "", proposal.TitleEn ?? ""),
            Guidance = new(proposal.GuidanceJa ?? "", proposal.GuidanceEn ?? ""),
            Evidence = new(proposal.EvidenceJa ?? "", proposal.EvidenceEn ?? ""),
            Phases = [.. (proposal.Phases ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(code => CatalogCodes.Phases[code])],
            CheckType = proposal.CheckType ?? CheckType.H,
        };
        document.Checkpoints.Add(added);
        CatalogOrdering.Normalise(document);
        return added;
    }

    /// <summary>The next free number in the group: P3-05 after P3-04, UX-10 after UX-09.</summary>
    private static string NextId(CatalogDocument document, ChangeProposal proposal)
    {
        var prefix = proposal.Principle is { } p ? "P" + p.ToString(CultureInfo.InvariantCulture) : proposal.Theme!;
        var highest = document.Checkpoints
            .Where(c => c.Id.StartsWith(prefix + "-", StringComparison.OrdinalIgnoreCase))
            .Select(c => int.TryParse(c.Id[(prefix.Length + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{highest + 1:00}");
    }

    private async Task<ChangeProposal> OpenProposalAsync(Guid id, CancellationToken cancellationToken)
    {
        var proposal = await db.ChangeProposals.FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new CatalogException(CatalogErrorKind.NotFound, "There is no such proposal.");
        return proposal.Status == ProposalStatus.Open
            ? proposal
            : throw new CatalogException(CatalogErrorKind.Conflict, "This proposal has already been decided.");
    }

    private void Decide(ChangeProposal proposal, ProposalActor admin)
    {
        proposal.DecidedAt = clock.GetUtcNow().UtcDateTime;
        proposal.DecidedById = admin.UserId;
        proposal.DecidedByName = admin.Name;
    }

    private static LocalizedText Merge(LocalizedText current, string? ja, string? en) =>
        new(string.IsNullOrWhiteSpace(ja) ? current.Ja : ja, string.IsNullOrWhiteSpace(en) ? current.En : en);

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
