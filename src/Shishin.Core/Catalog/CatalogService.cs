using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Shishin.Core.Auditing;
using Shishin.Core.Data;

namespace Shishin.Core.Catalog;

public enum CatalogErrorKind
{
    NotFound,
    Conflict,
    Invalid,
}

/// <summary>A catalogue operation that cannot be done; the message is an English template (and translation key).</summary>
public sealed class CatalogException(CatalogErrorKind kind, string template, params object[] args)
    : Exception(string.Format(CultureInfo.InvariantCulture, template, args))
{
    public CatalogErrorKind Kind { get; } = kind;
    public string Template { get; } = template;
    public IReadOnlyList<object> Args { get; } = args;
    public IReadOnlyList<CatalogIssue> Issues { get; init; } = [];
}

/// <summary>What <see cref="CatalogService.SeedDefaultAsync"/> did with the default catalogue.</summary>
public enum DefaultCatalogOutcome
{
    /// <summary>Nothing: the instance has it, a newer version, a draft, or was offered it before.</summary>
    None,

    /// <summary>An empty instance received the shipped versions, published.</summary>
    Seeded,

    /// <summary>An instance with older versions received the default as its draft.</summary>
    OfferedAsDraft,
}

/// <summary>A version without its content, for lists.</summary>
public sealed record CatalogVersionInfo(Guid Id, string? Version, CatalogVersionStatus Status, DateTime CreatedAt, DateTime? PublishedAt, DateTime? RetiredAt);

/// <summary>A version with its content. The document of a published version is shared and must be treated as read-only.</summary>
public sealed record CatalogSnapshot(CatalogVersionInfo Info, int Revision, Guid? BasedOnId, CatalogDocument Document)
{
    public Guid Id => Info.Id;
    public string Label => Info.Version ?? "draft";
}

/// <summary>Reads the catalogue's versions, and edits and publishes the one draft.</summary>
public sealed class CatalogService(ShishinDbContext db, AuditLog audit, AuditActor actor, TimeProvider clock, IMemoryCache cache)
{
    public const string DraftLabel = "draft";

    public async Task<IReadOnlyList<CatalogVersionInfo>> ListVersionsAsync(CancellationToken cancellationToken = default)
    {
        var versions = await db.CatalogVersions.AsNoTracking()
            .Select(v => new CatalogVersionInfo(v.Id, v.Version, v.Status, v.CreatedAt, v.PublishedAt, v.RetiredAt))
            .ToListAsync(cancellationToken);
        return [.. versions.OrderBy(v => v.Status == CatalogVersionStatus.Draft ? 0 : 1).ThenByDescending(v => Semantic(v.Version))];
    }

    /// <summary>The newest published (not retired) version, or null before the catalogue is seeded.</summary>
    public async Task<CatalogSnapshot?> GetCurrentAsync(CancellationToken cancellationToken = default)
    {
        var current = (await ListVersionsAsync(cancellationToken)).FirstOrDefault(v => v.Status == CatalogVersionStatus.Published);
        return current is null ? null : await LoadAsync(current.Id, cancellationToken);
    }

    private const string StampKey = "catalog-published-stamp";

    /// <summary>
    /// A short fingerprint of the published and retired versions (their ids and statuses), for caches of public
    /// catalogue responses. Kept for <paramref name="maxAge"/>; publishing or retiring in this process renews it at once,
    /// another process (a second web node) sees the change within <paramref name="maxAge"/>.
    /// </summary>
    public async Task<string> PublishedStampAsync(TimeSpan maxAge, CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(StampKey, out string? stamp) && stamp is not null)
        {
            return stamp;
        }

        var versions = await db.CatalogVersions.AsNoTracking()
            .Where(v => v.Status != CatalogVersionStatus.Draft)
            .Select(v => new { v.Id, v.Status })
            .ToListAsync(cancellationToken);
        var text = string.Join(';', versions.OrderBy(v => v.Id).Select(v => $"{v.Id:N}:{(int)v.Status}"));
        stamp = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)), 0, 8);
        if (maxAge > TimeSpan.Zero)
        {
            cache.Set(StampKey, stamp, maxAge);
        }

        return stamp;
    }

    /// <summary>A version by its number, or the draft by <see cref="DraftLabel"/>.</summary>
    public async Task<CatalogSnapshot?> GetVersionAsync(string version, CancellationToken cancellationToken = default)
    {
        if (string.Equals(version, DraftLabel, StringComparison.OrdinalIgnoreCase))
        {
            return await GetDraftAsync(cancellationToken);
        }

        var id = await db.CatalogVersions.AsNoTracking().Where(v => v.Version == version).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : await LoadAsync(id.Value, cancellationToken);
    }

    public async Task<CatalogSnapshot?> GetByIdAsync(Guid id, CancellationToken cancellationToken = default) =>
        await db.CatalogVersions.AsNoTracking().AnyAsync(v => v.Id == id, cancellationToken) ? await LoadAsync(id, cancellationToken) : null;

    public async Task<CatalogSnapshot?> GetDraftAsync(CancellationToken cancellationToken = default)
    {
        var draft = await db.CatalogVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Status == CatalogVersionStatus.Draft, cancellationToken);
        return draft is null ? null : Snapshot(draft, CatalogJson.Deserialize(draft.Document));
    }

    private async Task<CatalogSnapshot> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var entity = await db.CatalogVersions.AsNoTracking().FirstAsync(v => v.Id == id, cancellationToken);
        if (entity.Status == CatalogVersionStatus.Draft)
        {
            return Snapshot(entity, CatalogJson.Deserialize(entity.Document));
        }

        // Published content never changes, so it is parsed once per process; only the status can move to Retired.
        var document = cache.GetOrCreate(("catalog", id), entry =>
        {
            entry.SetSlidingExpiration(TimeSpan.FromHours(1));
            return CatalogJson.Deserialize(entity.Document);
        })!;
        return Snapshot(entity, document);
    }

    private static CatalogSnapshot Snapshot(CatalogVersion v, CatalogDocument document) =>
        new(new CatalogVersionInfo(v.Id, v.Version, v.Status, v.CreatedAt, v.PublishedAt, v.RetiredAt), v.Revision, v.BasedOnId, document);

    /// <summary>The audit action that marks a shipped version as offered, so that discarding its draft is final.</summary>
    public const string DefaultOfferedAction = "catalog.default.offered";

    /// <summary>
    /// Loads the default catalogue (ADR 0023). An empty database gets the shipped history published first, oldest first
    /// (1.0.0), then the current default imported and published with its changelog as the summary (1.1.0), so the
    /// version pages show what changed. A database that already has versions, all older than the default, gets the
    /// default once as the draft, for its guideline owners to review and publish; what they published, drafted or
    /// discarded is never overwritten.
    /// </summary>
    public async Task<DefaultCatalogOutcome> SeedDefaultAsync(CancellationToken cancellationToken = default)
    {
        var document = DefaultCatalog.Load();
        if (await db.CatalogVersions.AnyAsync(cancellationToken))
        {
            return await OfferDefaultAsync(document, cancellationToken) ? DefaultCatalogOutcome.OfferedAsDraft : DefaultCatalogOutcome.None;
        }

        var history = DefaultCatalog.History().Where(d => SemanticVersion.TryParse(d.Version, out var v) && v < Semantic(document.Version)).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        // The earlier versions were valid when they were published; they are stored as they were, not checked again.
        foreach (var earlier in history.Append(history.Count == 0 ? document : null).OfType<CatalogDocument>())
        {
            db.CatalogVersions.Add(new CatalogVersion
            {
                Version = earlier.Version,
                Status = CatalogVersionStatus.Published,
                Document = CatalogJson.Serialize(earlier),
                CreatedAt = now,
                PublishedAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        if (history.Count > 0)
        {
            var draft = await ImportAsync(document, cancellationToken);
            await PublishAsync(draft.Revision, document.Version, document.Changelog ?? new LocalizedText(document.Version, document.Version), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        cache.Remove(StampKey);
        return DefaultCatalogOutcome.Seeded;
    }

    private async Task<bool> OfferDefaultAsync(CatalogDocument document, CancellationToken cancellationToken)
    {
        var versions = await ListVersionsAsync(cancellationToken);
        if (versions.Any(v => v.Status == CatalogVersionStatus.Draft || Semantic(v.Version) >= Semantic(document.Version))
            || await db.AuditEvents.AnyAsync(e => e.Action == DefaultOfferedAction && e.EntityId == document.Version, cancellationToken))
        {
            return false;
        }

        await ImportAsync(document, cancellationToken);
        await audit.RecordAsync(DefaultOfferedAction, nameof(CatalogVersion), document.Version, new { changelog = document.Changelog }, cancellationToken);
        return true;
    }

    /// <summary>Starts the draft as a copy of the current published version.</summary>
    public async Task<CatalogSnapshot> CreateDraftAsync(CancellationToken cancellationToken = default)
    {
        var current = await GetCurrentAsync(cancellationToken)
            ?? throw new CatalogException(CatalogErrorKind.NotFound, "There is no published catalogue to start a draft from.");
        var document = CatalogJson.Clone(current.Document);
        document.Changelog = null;
        return await AddDraftAsync(document, current.Id, "catalog.draft.created", cancellationToken);
    }

    /// <summary>Makes an imported catalogue the new draft; its own version number is kept only as a suggestion.</summary>
    public async Task<CatalogSnapshot> ImportAsync(CatalogDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var issues = CatalogValidator.Validate(document, requireVersion: false);
        if (issues.Count > 0)
        {
            throw new CatalogException(CatalogErrorKind.Invalid, "The catalogue has {0} errors.", issues.Count) { Issues = issues };
        }

        var current = await GetCurrentAsync(cancellationToken);
        return await AddDraftAsync(CatalogJson.Clone(document), current?.Id, "catalog.draft.imported", cancellationToken);
    }

    private async Task<CatalogSnapshot> AddDraftAsync(CatalogDocument document, Guid? basedOn, string action, CancellationToken cancellationToken)
    {
        if (await db.CatalogVersions.AnyAsync(v => v.Status == CatalogVersionStatus.Draft, cancellationToken))
        {
            throw new CatalogException(CatalogErrorKind.Conflict, "A draft already exists; publish or discard it first.");
        }

        var draft = new CatalogVersion
        {
            Status = CatalogVersionStatus.Draft,
            Document = CatalogJson.Serialize(document),
            BasedOnId = basedOn,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedById = actor.UserId,
        };
        db.CatalogVersions.Add(draft);
        await SaveAsync(cancellationToken);
        await audit.RecordAsync(action, nameof(CatalogVersion), draft.Id.ToString(), new { checkpoints = document.Checkpoints.Count }, cancellationToken);
        return Snapshot(draft, document);
    }

    /// <summary>Throws away the draft; proposals accepted into it are opened again so nothing is lost silently.</summary>
    public async Task DiscardDraftAsync(int revision, CancellationToken cancellationToken = default)
    {
        var draft = await TrackedDraftAsync(revision, cancellationToken);
        var applied = await db.ChangeProposals.Where(p => p.AppliedVersionId == draft.Id).ToListAsync(cancellationToken);
        foreach (var proposal in applied)
        {
            proposal.Status = ProposalStatus.Open;
            proposal.AppliedVersionId = null;
            proposal.DecidedAt = null;
            proposal.DecidedById = null;
            proposal.DecidedByName = null;
            if (proposal.Kind == ProposalKind.New)
            {
                proposal.CheckpointId = null;
            }
        }

        db.CatalogVersions.Remove(draft);
        await SaveAsync(cancellationToken);
        await audit.RecordAsync("catalog.draft.discarded", nameof(CatalogVersion), draft.Id.ToString(), new { reopenedProposals = applied.Count }, cancellationToken);
    }

    /// <summary>Adds or replaces a checkpoint of the draft. <paramref name="originalId"/> is null for a new one.</summary>
    public Task<CatalogSnapshot> SaveCheckpointAsync(int revision, string? originalId, Checkpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return EditDraftAsync(revision, document =>
        {
            if (originalId is null)
            {
                if (document.FindCheckpoint(checkpoint.Id) is not null)
                {
                    throw Invalid(checkpoint, "id", "The checkpoint id '{0}' is used twice.", checkpoint.Id);
                }

                document.Checkpoints.Add(checkpoint);
            }
            else
            {
                var index = document.Checkpoints.FindIndex(c => string.Equals(c.Id, originalId, StringComparison.OrdinalIgnoreCase));
                if (index < 0)
                {
                    throw new CatalogException(CatalogErrorKind.NotFound, "The draft has no checkpoint {0}.", originalId);
                }

                if (!string.Equals(originalId, checkpoint.Id, StringComparison.OrdinalIgnoreCase))
                {
                    throw Invalid(checkpoint, "id", "A checkpoint id never changes once given; retire it and add a new one instead.");
                }

                document.Checkpoints[index] = checkpoint;
            }

            CatalogOrdering.Normalise(document);
            return checkpoint;
        }, "catalog.checkpoint." + (originalId is null ? "added" : "updated"), CatalogDiff.CheckpointKind, checkpoint.Id, cancellationToken);
    }

    public Task<CatalogSnapshot> SetCheckpointRetiredAsync(int revision, string id, bool retired, CancellationToken cancellationToken = default) =>
        EditDraftAsync(revision, document =>
        {
            var checkpoint = document.FindCheckpoint(id) ?? throw new CatalogException(CatalogErrorKind.NotFound, "The draft has no checkpoint {0}.", id);
            checkpoint.Retired = retired;
            return checkpoint;
        }, retired ? "catalog.checkpoint.retired" : "catalog.checkpoint.restored", CatalogDiff.CheckpointKind, id, cancellationToken);

    /// <summary>Moves a checkpoint one place up (-1) or down (+1) among the checkpoints of its principle or theme.</summary>
    public Task<CatalogSnapshot> MoveCheckpointAsync(int revision, string id, int direction, CancellationToken cancellationToken = default) =>
        EditDraftAsync(revision, document =>
        {
            var checkpoint = document.FindCheckpoint(id) ?? throw new CatalogException(CatalogErrorKind.NotFound, "The draft has no checkpoint {0}.", id);
            var group = document.Checkpoints.Where(c => c.Principle == checkpoint.Principle && c.Theme == checkpoint.Theme).ToList();
            var at = group.IndexOf(checkpoint);
            var to = at + Math.Sign(direction);
            if (to >= 0 && to < group.Count)
            {
                var i = document.Checkpoints.IndexOf(checkpoint);
                var j = document.Checkpoints.IndexOf(group[to]);
                (document.Checkpoints[i], document.Checkpoints[j]) = (document.Checkpoints[j], document.Checkpoints[i]);
            }

            return null;
        }, "catalog.checkpoint.moved", CatalogDiff.CheckpointKind, id, cancellationToken);

    public Task<CatalogSnapshot> SaveParameterAsync(int revision, string? originalKey, CatalogParameter parameter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return EditDraftAsync(revision, document =>
        {
            if (originalKey is null)
            {
                if (document.FindParameter(parameter.Key) is not null)
                {
                    throw Invalid(parameter, "key", "The parameter '{0}' is defined twice.", parameter.Key);
                }

                document.Parameters.Add(parameter);
            }
            else
            {
                var index = document.Parameters.FindIndex(p => p.Key == originalKey);
                if (index < 0)
                {
                    throw new CatalogException(CatalogErrorKind.NotFound, "The draft has no parameter {0}.", originalKey);
                }

                if (originalKey != parameter.Key)
                {
                    throw Invalid(parameter, "key", "A parameter key never changes once given; retire it and add a new one instead.");
                }

                document.Parameters[index] = parameter;
            }

            return parameter;
        }, "catalog.parameter." + (originalKey is null ? "added" : "updated"), CatalogDiff.ParameterKind, parameter.Key, cancellationToken);
    }

    public Task<CatalogSnapshot> SetParameterRetiredAsync(int revision, string key, bool retired, CancellationToken cancellationToken = default) =>
        EditDraftAsync(revision, document =>
        {
            var parameter = document.FindParameter(key) ?? throw new CatalogException(CatalogErrorKind.NotFound, "The draft has no parameter {0}.", key);
            if (retired && document.Checkpoints.FirstOrDefault(c => !c.Retired && c.Parameters.Contains(key)) is { } user)
            {
                throw new CatalogException(CatalogErrorKind.Invalid, "Checkpoint {0} still uses the parameter '{1}'.", user.Id, key);
            }

            parameter.Retired = retired;
            return parameter;
        }, retired ? "catalog.parameter.retired" : "catalog.parameter.restored", CatalogDiff.ParameterKind, key, cancellationToken);

    public Task<CatalogSnapshot> MoveParameterAsync(int revision, string key, int direction, CancellationToken cancellationToken = default) =>
        EditDraftAsync(revision, document =>
        {
            var at = document.Parameters.FindIndex(p => p.Key == key);
            if (at < 0)
            {
                throw new CatalogException(CatalogErrorKind.NotFound, "The draft has no parameter {0}.", key);
            }

            var to = at + Math.Sign(direction);
            if (to >= 0 && to < document.Parameters.Count)
            {
                (document.Parameters[at], document.Parameters[to]) = (document.Parameters[to], document.Parameters[at]);
            }

            return null;
        }, "catalog.parameter.moved", CatalogDiff.ParameterKind, key, cancellationToken);

    /// <summary>Publishes the draft as <paramref name="version"/>, which must be higher than every existing version.</summary>
    /// <summary>
    /// Everything <see cref="PublishAsync"/> checks, without publishing: the draft as it would be published, and what
    /// it changes against the current version, for a person to confirm.
    /// </summary>
    public async Task<(CatalogDocument Document, CatalogPublishSummary Summary)> CheckPublishAsync(int revision, string version, LocalizedText changelog, CancellationToken cancellationToken = default)
    {
        var (_, document) = await ValidatePublishAsync(revision, version, changelog, cancellationToken);
        var current = await GetCurrentAsync(cancellationToken);
        return (document, CatalogPublishSummary.Of(current?.Document ?? new CatalogDocument(), document));
    }

    public async Task<CatalogSnapshot> PublishAsync(int revision, string version, LocalizedText changelog, CancellationToken cancellationToken = default)
    {
        var (draft, document) = await ValidatePublishAsync(revision, version, changelog, cancellationToken);
        draft.Document = CatalogJson.Serialize(document);
        draft.Version = version;
        draft.Status = CatalogVersionStatus.Published;
        draft.PublishedAt = clock.GetUtcNow().UtcDateTime;
        draft.PublishedById = actor.UserId;
        draft.Revision++;
        await SaveAsync(cancellationToken);
        cache.Remove(StampKey);
        await audit.RecordAsync("catalog.version.published", nameof(CatalogVersion), draft.Id.ToString(), new { version }, cancellationToken);
        return Snapshot(draft, document);
    }

    private async Task<(CatalogVersion Draft, CatalogDocument Document)> ValidatePublishAsync(int revision, string version, LocalizedText changelog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changelog);
        if (!SemanticVersion.TryParse(version, out var semantic))
        {
            throw new CatalogException(CatalogErrorKind.Invalid, "The version '{0}' is not a semantic version such as 1.2.0.", version);
        }

        var highest = (await ListVersionsAsync(cancellationToken)).Where(v => v.Version is not null).Select(v => Semantic(v.Version)).DefaultIfEmpty().Max();
        if (semantic <= highest)
        {
            throw new CatalogException(CatalogErrorKind.Invalid, "The version must be higher than {0}.", highest.ToString());
        }

        if (string.IsNullOrWhiteSpace(changelog.Ja) || string.IsNullOrWhiteSpace(changelog.En))
        {
            throw new CatalogException(CatalogErrorKind.Invalid, "Write the changelog in Japanese and in English.");
        }

        var draft = await TrackedDraftAsync(revision, cancellationToken);
        var document = CatalogJson.Deserialize(draft.Document);
        document.Version = version;
        document.Changelog = new LocalizedText(changelog.Ja.Trim(), changelog.En.Trim());
        var issues = CatalogValidator.Validate(document).ToList();
        // Ids stay stable across versions: what the newest version had must still be there, retired if no longer used.
        var newest = (await ListVersionsAsync(cancellationToken)).FirstOrDefault(v => v.Status != CatalogVersionStatus.Draft);
        if (newest is not null)
        {
            issues.AddRange(CatalogValidator.ValidateSuccessor((await LoadAsync(newest.Id, cancellationToken)).Document, document));
        }

        if (issues.Count > 0)
        {
            throw new CatalogException(CatalogErrorKind.Invalid, "The draft has {0} errors; fix them before publishing.", issues.Count) { Issues = issues };
        }

        return (draft, document);
    }

    /// <summary>Retires an older published version; the current one stays until a newer one is published.</summary>
    public async Task RetireVersionAsync(string version, CancellationToken cancellationToken = default)
    {
        var current = await GetCurrentAsync(cancellationToken);
        var entity = await db.CatalogVersions.FirstOrDefaultAsync(v => v.Version == version, cancellationToken)
            ?? throw new CatalogException(CatalogErrorKind.NotFound, "There is no catalogue version {0}.", version);
        if (entity.Status != CatalogVersionStatus.Published || entity.Id == current?.Id)
        {
            throw new CatalogException(CatalogErrorKind.Invalid, "Only an older published version can be retired.");
        }

        entity.Status = CatalogVersionStatus.Retired;
        entity.RetiredAt = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(cancellationToken);
        cache.Remove(StampKey);
    }

    public async Task<CatalogDiffResult?> DiffAsync(string from, string to, CancellationToken cancellationToken = default)
    {
        var before = await GetVersionAsync(from, cancellationToken);
        var after = await GetVersionAsync(to, cancellationToken);
        return before is null || after is null ? null : CatalogDiff.Compare(before.Document, after.Document, before.Label, after.Label);
    }

    /// <summary>
    /// Applies one edit to the draft: the draft must still be at <paramref name="revision"/>; the issues the edit
    /// causes on the edited item are refused; the change is audited field by field.
    /// </summary>
    internal async Task<CatalogSnapshot> EditDraftAsync(int revision, Func<CatalogDocument, object?> edit, string action, string kind, string key, CancellationToken cancellationToken)
    {
        var draft = await TrackedDraftAsync(revision, cancellationToken);
        var before = CatalogJson.Deserialize(draft.Document);
        var document = CatalogJson.Deserialize(draft.Document);
        var edited = edit(document);
        if (edited is not null)
        {
            var issues = CatalogValidator.Validate(document, requireVersion: false).Where(i => ReferenceEquals(i.Target, edited)).ToList();
            if (issues.Count > 0)
            {
                throw new CatalogException(CatalogErrorKind.Invalid, issues[0].Template, issues[0].Args) { Issues = issues };
            }
        }

        draft.Document = CatalogJson.Serialize(document);
        draft.Revision++;
        await SaveAsync(cancellationToken);
        var change = CatalogDiff.Compare(before, document).Changes.FirstOrDefault(c => c.Kind == kind && string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase));
        await audit.RecordAsync(action, kind, key, change is null ? null : new { draft = draft.Id, fields = change.Fields }, cancellationToken);
        return Snapshot(draft, document);
    }

    private async Task<CatalogVersion> TrackedDraftAsync(int revision, CancellationToken cancellationToken)
    {
        var draft = await db.CatalogVersions.FirstOrDefaultAsync(v => v.Status == CatalogVersionStatus.Draft, cancellationToken)
            ?? throw new CatalogException(CatalogErrorKind.NotFound, "There is no draft; start one from the current version first.");
        if (draft.Revision != revision)
        {
            throw new CatalogException(CatalogErrorKind.Conflict, "Someone else changed the draft in the meantime; reload it and make your change again.");
        }

        return draft;
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new CatalogException(CatalogErrorKind.Conflict, "Someone else changed the draft in the meantime; reload it and make your change again.");
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<CatalogVersion>().Any(e => e.State == EntityState.Added))
        {
            // The only unique rule a new version can break is "one draft at a time" (another admin was faster).
            throw new CatalogException(CatalogErrorKind.Conflict, "A draft already exists; publish or discard it first.");
        }
    }

    private static CatalogException Invalid(object target, string field, string template, params object[] args) =>
        new(CatalogErrorKind.Invalid, template, args) { Issues = [new CatalogIssue(target, field, template, args)] };

    private static SemanticVersion Semantic(string? version) => SemanticVersion.TryParse(version, out var v) ? v : default;
}
