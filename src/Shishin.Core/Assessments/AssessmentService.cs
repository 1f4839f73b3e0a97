using Microsoft.EntityFrameworkCore;
using Shishin.Core.Auditing;
using Shishin.Core.Catalog;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Core.Services;

namespace Shishin.Core.Assessments;

/// <summary>
/// Every state change of an assessment: Draft (the team or an assigned partner fills in results) → Submitted (the
/// service owner) → In review (a panel of Reviewers with one lead rates each checkpoint and the whole) → Published
/// (Amber creates action items; Red asks for a reassessment of the red checkpoints) → the team accepts, or challenges and
/// sends it back to the panel. Callers pass the viewer's <see cref="ServiceScope"/>; a refusal is a result, never an
/// exception. Every change raises a revision (optimistic concurrency) and is audited by SaveChanges.
/// </summary>
public sealed class AssessmentService(ShishinDbContext db, CatalogService catalog, ScanEvidence evidence, AuditActor actor, TimeProvider clock)
{
    public const int MaxLinks = 20;
    public const int MaxReasonLength = 2000;
    public const int MaxTextLength = 4000;

    /// <summary>Working days the team has to accept or challenge a published report.</summary>
    public const int ResponseWorkingDays = 10;

    /// <summary>Months until an action item from an amber rating is due, unless its owner changes the date.</summary>
    public const int ActionItemMonths = 3;

    /// <summary>The assessment for one viewer with what they may do, or NotFound when they may not see its service.</summary>
    public async Task<AssessmentResult<AssessmentView>> GetAsync(ServiceScope scope, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var assessment = await Query().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment?.Service is not { } service || !scope.CanSee(service))
        {
            return NotFound();
        }

        var snapshot = await catalog.GetByIdAsync(assessment.CatalogVersionId, cancellationToken);
        if (snapshot is null)
        {
            return NotFound();
        }

        var people = assessment.Reviewers.Select(r => r.UserId)
            .Concat(new[] { assessment.SubmittedById, assessment.PublishedById, assessment.CreatedById }.OfType<Guid>())
            .Concat(assessment.Results.Select(r => r.UpdatedById).OfType<Guid>())
            .Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        var groups = AssessmentCheckpoints.Group(snapshot.Document, assessment.Results.Select(r => r.CheckpointId));
        return AssessmentResult<AssessmentView>.Ok(new AssessmentView(assessment, service, snapshot, groups, Permissions(scope, assessment, service),
            names.ToDictionary(u => u.Id, u => u.DisplayName.Length > 0 ? u.DisplayName : u.Email ?? "")));
    }

    /// <summary>The service an assessment would be started for: NotFound, Forbidden (may see, may not start), or the service.</summary>
    public async Task<AssessmentResult<Service>> ServiceToStartAsync(ServiceScope scope, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var service = await db.Services.AsNoTracking().Include(s => s.Partners).FirstOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (service is null || !scope.CanSee(service))
        {
            return NotFound();
        }

        return scope.CanEdit(service) ? AssessmentResult<Service>.Ok(service) : Fail(AssessmentError.Forbidden);
    }

    /// <summary>Starts a draft for the service in a phase, pinned to the current published catalogue version.</summary>
    public async Task<AssessmentResult<Assessment>> StartAsync(ServiceScope scope, string serviceKey, LifecyclePhase phase, CancellationToken cancellationToken = default)
    {
        var found = await ServiceToStartAsync(scope, serviceKey, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        var service = found.Value!;
        if (service.Phase == ServicePhase.Retired)
        {
            return Fail(AssessmentError.ServiceRetired);
        }

        if (await catalog.GetCurrentAsync(cancellationToken) is not { } current)
        {
            return Fail(AssessmentError.NoPublishedCatalog);
        }

        var checkpoints = AssessmentCheckpoints.For(current.Document, phase);
        if (checkpoints.Count == 0)
        {
            return Fail(AssessmentError.NoCheckpointsForPhase);
        }

        return await CreateAsync(service, phase, current.Id, checkpoints.Select(c => c.Id), null, cancellationToken);
    }

    /// <summary>
    /// After a published Red result: a new draft of the same phase and catalogue version holding only the checkpoints
    /// the panel rated Red (or, if the panel rated none Red, every checkpoint not rated Green), linked to the original.
    /// </summary>
    public async Task<AssessmentResult<Assessment>> StartReassessmentAsync(ServiceScope scope, Guid originalId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var original = await Query().AsNoTracking().FirstOrDefaultAsync(a => a.Id == originalId, cancellationToken);
        if (original?.Service is not { } service || !scope.CanSee(service))
        {
            return NotFound();
        }

        if (!scope.CanEdit(service))
        {
            return Fail(AssessmentError.Forbidden);
        }

        if (original.Status != AssessmentStatus.Published || original.Rag != Rag.Red)
        {
            return Fail(AssessmentError.NotRed);
        }

        if (service.Phase == ServicePhase.Retired)
        {
            return Fail(AssessmentError.ServiceRetired);
        }

        var red = original.Results.Where(r => r.Rag == Rag.Red).Select(r => r.CheckpointId).ToList();
        if (red.Count == 0)
        {
            red = [.. original.Results.Where(r => r.Rag != Rag.Green).Select(r => r.CheckpointId)];
        }

        if (red.Count == 0)
        {
            return Fail(AssessmentError.NotRed);
        }

        return await CreateAsync(service, original.Phase, original.CatalogVersionId, red, original.Id, cancellationToken);
    }

    private async Task<AssessmentResult<Assessment>> CreateAsync(
        Service service, LifecyclePhase phase, Guid catalogVersionId, IEnumerable<string> checkpointIds, Guid? reassessmentOf, CancellationToken cancellationToken)
    {
        var open = await db.Assessments.AsNoTracking()
            .Where(a => a.ServiceId == service.Id && a.Phase == phase && a.Status != AssessmentStatus.Published)
            .Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (open is { } openId)
        {
            return Fail(AssessmentError.AlreadyOpen, openId.ToString());
        }

        var assessment = new Assessment
        {
            ServiceId = service.Id,
            Phase = phase,
            CatalogVersionId = catalogVersionId,
            Status = AssessmentStatus.Draft,
            ReassessmentOfId = reassessmentOf,
            CreatedAt = Now,
            CreatedById = actor.UserId,
            Results = [.. checkpointIds.Select(id => new CheckpointResult { CheckpointId = id })],
        };
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync(cancellationToken);
        return AssessmentResult<Assessment>.Ok(assessment);
    }

    /// <summary>Saves the team's answer for one checkpoint of a draft, if it is still at <paramref name="baseRevision"/>.</summary>
    /// <remarks>
    /// For a checkpoint the latest scan speaks to (<see cref="ScanEvidence"/>, looked up here, never taken from the form),
    /// an outcome other than the suggested one needs a reason, and the answer records the suggestion and the decision.
    /// </remarks>
    public async Task<AssessmentResult<CheckpointResult>> SaveResultAsync(
        ServiceScope scope, Guid id, string checkpointId, CheckpointAnswer answer, int baseRevision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var (assessment, failure) = await LoadForStepAsync(scope, id, may => may.CanSelfAssess, [AssessmentStatus.Draft], cancellationToken);
        if (assessment is null)
        {
            return failure!;
        }

        var result = Find(assessment, checkpointId);
        if (result is null)
        {
            return Fail(AssessmentError.UnknownCheckpoint, checkpointId);
        }

        var reason = (answer.NotApplicableReason ?? "").Trim();
        var evidence = (answer.Evidence ?? "").Trim();
        var note = (answer.Note ?? "").Trim();
        if (answer.Outcome == CheckpointOutcome.NotApplicable && reason.Length == 0)
        {
            return new AssessmentFailure(AssessmentError.ReasonRequired, [], nameof(CheckpointAnswer.NotApplicableReason));
        }

        if ((Longer(reason, MaxReasonLength, nameof(CheckpointAnswer.NotApplicableReason)) ?? Longer(evidence, MaxTextLength, nameof(CheckpointAnswer.Evidence))
            ?? Longer(note, MaxTextLength, nameof(CheckpointAnswer.Note))) is { } tooLong)
        {
            return tooLong;
        }

        var links = EvidenceLinks.Parse(answer.Links);
        if (links.Invalid.Count > 0)
        {
            return new AssessmentFailure(AssessmentError.InvalidLink, links.Invalid, nameof(CheckpointAnswer.Links));
        }

        if (links.Valid.Count > MaxLinks)
        {
            return new AssessmentFailure(AssessmentError.TooManyLinks, [], nameof(CheckpointAnswer.Links));
        }

        var linkText = string.Join('\n', links.Valid);
        if (Longer(linkText, MaxTextLength, nameof(CheckpointAnswer.Links)) is { } linksTooLong)
        {
            return linksTooLong;
        }

        var suggestion = await SuggestionForAsync(assessment, result.CheckpointId, cancellationToken);
        var overrideReason = (answer.OverrideReason ?? "").Trim();
        var overrides = suggestion is not null && answer.Outcome is { } chosen && chosen != suggestion.Outcome;
        if (overrides && overrideReason.Length == 0)
        {
            return new AssessmentFailure(AssessmentError.OverrideReasonRequired, [], nameof(CheckpointAnswer.OverrideReason));
        }

        if (Longer(overrideReason, MaxReasonLength, nameof(CheckpointAnswer.OverrideReason)) is { } reasonTooLong)
        {
            return reasonTooLong;
        }

        if (result.Revision != baseRevision)
        {
            return Conflict(result);
        }

        result.SuggestedOutcome = answer.Outcome is null ? null : suggestion?.Outcome;
        result.SuggestionRunId = answer.Outcome is null ? null : suggestion?.RunId;
        result.SuggestionDecision = answer.Outcome is null || suggestion is null ? null
            : overrides ? SuggestionDecision.Overridden : SuggestionDecision.Confirmed;
        result.OverrideReason = overrides ? overrideReason : "";
        result.Outcome = answer.Outcome;
        result.NotApplicableReason = answer.Outcome == CheckpointOutcome.NotApplicable ? reason : "";
        result.Evidence = evidence;
        result.EvidenceLinks = linkText;
        result.AssessorNote = note;
        return await SaveResultAsync(result, cancellationToken);
    }

    /// <summary>Draft → Submitted, by the service owner (or an Admin) once every checkpoint has an outcome.</summary>
    public async Task<AssessmentResult<Assessment>> SubmitAsync(ServiceScope scope, Guid id, CancellationToken cancellationToken = default)
    {
        var (assessment, failure) = await LoadForStepAsync(scope, id, may => may.CanSubmit, [AssessmentStatus.Draft], cancellationToken);
        if (assessment is null)
        {
            return failure!;
        }

        var unanswered = assessment.Results.Where(r => r.Outcome is null).Select(r => r.CheckpointId).ToList();
        if (unanswered.Count > 0)
        {
            var document = (await catalog.GetByIdAsync(assessment.CatalogVersionId, cancellationToken))?.Document;
            return Fail(AssessmentError.Unanswered, [.. Ordered(document, unanswered)]);
        }

        assessment.Status = AssessmentStatus.Submitted;
        assessment.SubmittedAt = Now;
        assessment.SubmittedById = actor.UserId;
        return await SaveAssessmentAsync(assessment, cancellationToken);
    }

    /// <summary>Users who may sit on a panel: active accounts with the Reviewer role, by name.</summary>
    public async Task<IReadOnlyList<ReviewerOption>> ListReviewersAsync(CancellationToken cancellationToken = default)
    {
        var reviewers = await ReviewerIds()
            .Join(db.Users.Where(u => u.IsActive), id => id, u => u.Id, (_, u) => new ReviewerOption(u.Id, u.DisplayName, u.Email ?? ""))
            .ToListAsync(cancellationToken);
        return [.. reviewers.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Email, StringComparer.Ordinal)];
    }

    private IQueryable<Guid> ReviewerIds() =>
        db.UserRoles.Join(db.Roles.Where(r => r.Name == Roles.Reviewer), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId);

    /// <summary>
    /// Sets the panel (one or more Reviewers, exactly one of them lead); on a submitted assessment this starts the
    /// review (Submitted → In review). A Reviewer or an Admin may set or change it while the review runs.
    /// </summary>
    public async Task<AssessmentResult<Assessment>> AssignPanelAsync(
        ServiceScope scope, Guid id, IReadOnlyCollection<Guid> members, Guid? lead, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(members);
        var (assessment, failure) = await LoadForStepAsync(
            scope, id, may => may.CanReview, [AssessmentStatus.Submitted, AssessmentStatus.InReview], cancellationToken);
        if (assessment is null)
        {
            return failure!;
        }

        var chosen = members.Distinct().ToList();
        if (chosen.Count == 0 || lead is not { } leadId || !chosen.Contains(leadId))
        {
            return new AssessmentFailure(AssessmentError.PanelInvalid, [], chosen.Count == 0 ? "Members" : "Lead");
        }

        var reviewers = await ReviewerIds().Where(u => chosen.Contains(u)).ToListAsync(cancellationToken);
        var notReviewers = chosen.Except(reviewers).ToList();
        if (notReviewers.Count > 0)
        {
            return new AssessmentFailure(AssessmentError.PanelInvalid, [.. notReviewers.Select(u => u.ToString())], "Members");
        }

        foreach (var gone in assessment.Reviewers.Where(r => !chosen.Contains(r.UserId)).ToList())
        {
            assessment.Reviewers.Remove(gone);
        }

        foreach (var member in chosen)
        {
            var existing = assessment.Reviewers.Find(r => r.UserId == member);
            if (existing is null)
            {
                assessment.Reviewers.Add(new AssessmentReviewer { AssessmentId = assessment.Id, UserId = member, IsLead = member == leadId });
            }
            else
            {
                existing.IsLead = member == leadId;
            }
        }

        if (assessment.Status == AssessmentStatus.Submitted)
        {
            assessment.Status = AssessmentStatus.InReview;
            assessment.ReviewStartedAt = Now;
        }

        return await SaveAssessmentAsync(assessment, cancellationToken);
    }

    /// <summary>The panel's comment and RAG for one checkpoint, by a panel member or an Admin, while in review.</summary>
    public async Task<AssessmentResult<CheckpointResult>> RateAsync(
        ServiceScope scope, Guid id, string checkpointId, string? comment, Rag? rag, int baseRevision, CancellationToken cancellationToken = default)
    {
        var (assessment, failure) = await LoadForStepAsync(scope, id, may => may.CanRate, [AssessmentStatus.InReview], cancellationToken);
        if (assessment is null)
        {
            return failure!;
        }

        var result = Find(assessment, checkpointId);
        if (result is null)
        {
            return Fail(AssessmentError.UnknownCheckpoint, checkpointId);
        }

        var text = (comment ?? "").Trim();
        if (Longer(text, MaxTextLength, "PanelComment") is { } tooLong)
        {
            return tooLong;
        }

        if (result.Revision != baseRevision)
        {
            return Conflict(result);
        }

        result.PanelComment = text;
        result.Rag = rag;
        return await SaveResultAsync(result, cancellationToken);
    }

    /// <summary>The overall RAG and the summary (done well, to improve), by the lead or an Admin, while in review.</summary>
    public async Task<AssessmentResult<Assessment>> SetOverallAsync(
        ServiceScope scope, Guid id, OverallRating rating, int revision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rating);
        var (assessment, failure) = await LoadForStepAsync(scope, id, may => may.CanLead, [AssessmentStatus.InReview], cancellationToken);
        if (assessment is null)
        {
            return failure!;
        }

        var doneWell = (rating.DoneWell ?? "").Trim();
        var toImprove = (rating.ToImprove ?? "").Trim();
        if ((Longer(doneWell, MaxTextLength, nameof(OverallRating.DoneWell)) ?? Longer(toImprove, MaxTextLength, nameof(OverallRating.ToImprove))) is { } tooLong)
        {
            return tooLong;
        }

        if (assessment.Revision != revision)
        {
            return Fail(AssessmentError.Conflict);
        }

        assessment.Rag = rating.Rag;
        assessment.DoneWell = doneWell;
        assessment.ToImprove = toImprove;
        return await SaveAssessmentAsync(assessment, cancellationToken);
    }

    /// <summary>
    /// In review → Published, by the lead or an Admin once every checkpoint and the whole are rated. The team then has
    /// <see cref="ResponseWorkingDays"/> working days to respond; each Amber checkpoint, and an Amber whole, becomes an
    /// action item due in <see cref="ActionItemMonths"/> months, owned by the person who submitted.
    /// </summary>
    public async Task<AssessmentResult<Assessment>> PublishAsync(ServiceScope scope, Guid id, CancellationToken cancellationToken = default)
    {
        var (assessment, failure) = await LoadForStepAsync(scope, id, may => may.CanLead, [AssessmentStatus.InReview], cancellationToken);
        if (assessment is null)
        {
            return failure!;
        }

        var snapshot = await catalog.GetByIdAsync(assessment.CatalogVersionId, cancellationToken);
        var unrated = assessment.Results.Where(r => r.Rag is null).Select(r => r.CheckpointId).ToList();
        if (unrated.Count > 0)
        {
            return Fail(AssessmentError.Unrated, [.. Ordered(snapshot?.Document, unrated)]);
        }

        if (assessment.Rag is null)
        {
            return new AssessmentFailure(AssessmentError.OverallRatingRequired, [], nameof(OverallRating.Rag));
        }

        var now = clock.GetUtcNow();
        var today = JapanTime.DateOf(now);
        assessment.Status = AssessmentStatus.Published;
        assessment.PublishedAt = now.UtcDateTime;
        assessment.PublishedById = actor.UserId;
        assessment.ResponseDueOn = WorkingDays.Add(today, ResponseWorkingDays);
        // A report published again after a challenge opens a new response window.
        assessment.TeamResponse = TeamResponse.None;
        assessment.TeamResponseReason = "";
        assessment.TeamRespondedAt = null;
        await AddActionItemsAsync(assessment, snapshot?.Document, today.AddMonths(ActionItemMonths), cancellationToken);
        return await SaveAssessmentAsync(assessment, cancellationToken);
    }

    private async Task AddActionItemsAsync(Assessment assessment, CatalogDocument? document, DateOnly due, CancellationToken cancellationToken)
    {
        var existing = await db.ActionItems.Where(a => a.AssessmentId == assessment.Id).Select(a => a.CheckpointId).ToListAsync(cancellationToken);
        var owner = assessment.SubmittedById is { } submitter && await db.Users.AnyAsync(u => u.Id == submitter, cancellationToken) ? submitter : (Guid?)null;
        var now = Now;

        void Add(string? checkpointId, string title, string description)
        {
            if (existing.Contains(checkpointId))
            {
                return;
            }

            db.ActionItems.Add(new ActionItem
            {
                ServiceId = assessment.ServiceId,
                AssessmentId = assessment.Id,
                CheckpointId = checkpointId,
                Title = title.Length > 200 ? title[..200] : title,
                Description = description,
                OwnerId = owner,
                DueOn = due,
                Status = ActionItemStatus.Open,
                CreatedAt = now,
            });
        }

        var amber = assessment.Results.Where(r => r.Rag == Rag.Amber).Select(r => r.CheckpointId).ToList();
        foreach (var checkpointId in Ordered(document, amber))
        {
            var result = Find(assessment, checkpointId)!;
            // Stored in Japanese, the default language; the checkpoint link gives readers of English the English title.
            var title = document?.FindCheckpoint(checkpointId) is { } checkpoint ? $"{checkpoint.Id} {checkpoint.Title.Ja}" : checkpointId;
            Add(checkpointId, title, result.PanelComment);
        }

        if (assessment.Rag == Rag.Amber)
        {
            Add(null, "評価全体の改善点への対応", assessment.ToImprove);
        }
    }

    /// <summary>
    /// The team's answer to a published report, until <see cref="Assessment.ResponseDueOn"/> (a Japan date, inclusive):
    /// accept, or challenge with a reason, which returns the assessment to the panel (In review) to publish again.
    /// </summary>
    public async Task<AssessmentResult<Assessment>> RespondAsync(ServiceScope scope, Guid id, bool accept, string? reason, CancellationToken cancellationToken = default)
    {
        var (assessment, failure) = await LoadForStepAsync(scope, id, may => may.CanRespond, [AssessmentStatus.Published], cancellationToken);
        if (assessment is null)
        {
            return failure!;
        }

        if (assessment.TeamResponse != TeamResponse.None)
        {
            return Fail(AssessmentError.AlreadyResponded);
        }

        if (assessment.ResponseDueOn is { } due && JapanTime.Today(clock) > due)
        {
            return Fail(AssessmentError.ResponseWindowClosed, due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        var text = (reason ?? "").Trim();
        if (!accept && text.Length == 0)
        {
            return new AssessmentFailure(AssessmentError.ChallengeReasonRequired, [], "Reason");
        }

        if (Longer(text, MaxTextLength, "Reason") is { } tooLong)
        {
            return tooLong;
        }

        assessment.TeamResponse = accept ? TeamResponse.Accepted : TeamResponse.Challenged;
        assessment.TeamResponseReason = text;
        assessment.TeamRespondedAt = Now;
        if (!accept)
        {
            assessment.Status = AssessmentStatus.InReview;
        }

        return await SaveAssessmentAsync(assessment, cancellationToken);
    }

    /// <summary>What a viewer may do with an assessment of a service they can see.</summary>
    public static AssessmentPermissions Permissions(ServiceScope scope, Assessment assessment, Service service)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(assessment);
        var member = scope.Viewer.UserId is { } userId ? assessment.Reviewers.Find(r => r.UserId == userId) : null;
        return new AssessmentPermissions(
            scope.CanSelfAssess(service),
            scope.CanSubmit(service),
            scope.CanReview,
            member is not null && scope.CanReview,
            member is { IsLead: true } && scope.CanReview,
            scope.CanEdit(service),
            scope.CanEdit(service));
    }

    private IQueryable<Assessment> Query() =>
        db.Assessments.Include(a => a.Service).ThenInclude(s => s!.Partners).Include(a => a.Results).Include(a => a.Reviewers).AsSplitQuery();

    /// <summary>
    /// The checks every workflow step starts with, in this order: NotFound when the viewer may not see the service,
    /// Forbidden when <paramref name="allowed"/> says no to their <see cref="Permissions"/>, WrongStatus when the
    /// assessment is in none of <paramref name="statuses"/>. The tracked assessment (with its service), or null and the failure.
    /// </summary>
    private async Task<(Assessment? Assessment, AssessmentFailure? Failure)> LoadForStepAsync(
        ServiceScope scope, Guid id, Func<AssessmentPermissions, bool> allowed, AssessmentStatus[] statuses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var assessment = await Query().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment?.Service is not { } service || !scope.CanSee(service))
        {
            return (null, NotFound());
        }

        if (!allowed(Permissions(scope, assessment, service)))
        {
            return (null, Fail(AssessmentError.Forbidden));
        }

        return statuses.Contains(assessment.Status) ? (assessment, null) : (null, Fail(AssessmentError.WrongStatus));
    }

    /// <summary>The latest scan's suggestion for one checkpoint of the assessment's pinned catalogue, if it makes one.</summary>
    private async Task<ScanSuggestion?> SuggestionForAsync(Assessment assessment, string checkpointId, CancellationToken cancellationToken)
    {
        var checkpoint = (await catalog.GetByIdAsync(assessment.CatalogVersionId, cancellationToken))?.Document.FindCheckpoint(checkpointId);
        if (checkpoint is null || !ScanEvidence.IsMeasured(checkpoint))
        {
            return null;
        }

        var suggestions = await evidence.SuggestAsync(assessment.ServiceId, [checkpoint], cancellationToken);
        return suggestions.GetValueOrDefault(checkpoint.Id);
    }

    private static CheckpointResult? Find(Assessment assessment, string? checkpointId) =>
        assessment.Results.Find(r => string.Equals(r.CheckpointId, checkpointId, StringComparison.OrdinalIgnoreCase));

    private async Task<AssessmentResult<CheckpointResult>> SaveResultAsync(CheckpointResult result, CancellationToken cancellationToken)
    {
        result.UpdatedAt = Now;
        result.UpdatedById = actor.UserId;
        result.UpdatedByName = actor.Name.Length > 200 ? actor.Name[..200] : actor.Name;
        result.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return AssessmentResult<CheckpointResult>.Ok(result);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: answer with what they stored.
            var current = await db.CheckpointResults.AsNoTracking().FirstAsync(r => r.Id == result.Id, cancellationToken);
            db.ChangeTracker.Clear();
            return Conflict(current);
        }
    }

    private async Task<AssessmentResult<Assessment>> SaveAssessmentAsync(Assessment assessment, CancellationToken cancellationToken)
    {
        assessment.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return AssessmentResult<Assessment>.Ok(assessment);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Fail(AssessmentError.Conflict);
        }
    }

    private static IReadOnlyList<string> Ordered(CatalogDocument? document, List<string> ids) =>
        document is null ? [.. ids.Order(StringComparer.Ordinal)] : AssessmentCheckpoints.InOrder(document, ids);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static AssessmentFailure NotFound() => new(AssessmentError.NotFound, []);

    private static AssessmentFailure Fail(AssessmentError error, params string[] items) => new(error, items);

    private static AssessmentFailure Conflict(CheckpointResult current) => new(AssessmentError.Conflict, [current.CheckpointId])
    {
        Current = new CheckpointResult
        {
            Id = current.Id,
            AssessmentId = current.AssessmentId,
            CheckpointId = current.CheckpointId,
            Outcome = current.Outcome,
            NotApplicableReason = current.NotApplicableReason,
            Evidence = current.Evidence,
            EvidenceLinks = current.EvidenceLinks,
            AssessorNote = current.AssessorNote,
            PanelComment = current.PanelComment,
            Rag = current.Rag,
            UpdatedAt = current.UpdatedAt,
            UpdatedById = current.UpdatedById,
            UpdatedByName = current.UpdatedByName,
            Revision = current.Revision,
        },
    };

    private static AssessmentFailure? Longer(string text, int max, string field) =>
        text.Length > max ? new AssessmentFailure(AssessmentError.TooLong, [max.ToString(System.Globalization.CultureInfo.InvariantCulture)], field) : null;
}
