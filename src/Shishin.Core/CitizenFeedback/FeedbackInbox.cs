using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shishin.Core.Assessments;
using Shishin.Core.Auditing;
using Shishin.Core.Data;

namespace Shishin.Core.CitizenFeedback;

/// <summary>What the inbox shows: every filter is optional; dates are Tokyo days, both ends included.</summary>
public sealed record FeedbackQuery(
    int? Rating = null, DateOnly? From = null, DateOnly? To = null, string? Reason = null, FeedbackStatus? Status = null,
    string? Tag = null, string? Text = null, int Page = 1, int PageSize = FeedbackInbox.DefaultPageSize);

public sealed record FeedbackPage(IReadOnlyList<Feedback> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>A triage change, based on the <see cref="Feedback.Revision"/> the form showed.</summary>
public sealed record FeedbackTriage(FeedbackStatus Status, string? Tags, Guid? ActionItemId, int Revision);

/// <summary>A new action item opened from a submission.</summary>
public sealed record FeedbackActionInput(string? Title, DateOnly? DueOn, int Revision);

public enum FeedbackChangeOutcome
{
    Saved,
    NotFound,
    Invalid,

    /// <summary>Someone else triaged the submission since the form was shown; nothing was changed.</summary>
    Conflict,
}

/// <summary>A problem with one field; <see cref="Message"/> is English text, a key of the UI's resources.</summary>
public sealed record FeedbackIssue(string Field, string Message);

public sealed record FeedbackChangeResult(FeedbackChangeOutcome Outcome, IReadOnlyList<FeedbackIssue> Issues, Feedback? Current)
{
    public static FeedbackChangeResult Of(FeedbackChangeOutcome outcome, Feedback? current = null) => new(outcome, [], current);

    public static FeedbackChangeResult Invalid(params FeedbackIssue[] issues) => new(FeedbackChangeOutcome.Invalid, issues, null);
}

/// <summary>
/// A service's feedback inbox: the list with its filters (newest first, a page at a time), one submission, and triage —
/// status, tags and the action item that answers it. Submissions are measurement data; each triage is audited as the
/// human action it is. Callers check the viewer's rights on the service first.
/// </summary>
public sealed class FeedbackInbox(ShishinDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
    public const int MaxTextLength = 200;
    public const int ActionTitleMaxLength = 200;

    public async Task<FeedbackPage> ListAsync(Guid serviceId, FeedbackQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, query.Page);
        var items = Filter(serviceId, query);
        var total = await items.CountAsync(cancellationToken);
        var list = await items.OrderByDescending(f => f.ReceivedAt).ThenByDescending(f => f.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new FeedbackPage(list, page, pageSize, total);
    }

    /// <summary>Every submission in the range (Tokyo days), oldest first, for the CSV.</summary>
    public async Task<IReadOnlyList<Feedback>> ExportAsync(Guid serviceId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default) =>
        await Filter(serviceId, new FeedbackQuery(From: from, To: to)).OrderBy(f => f.ReceivedAt).ThenBy(f => f.Id).ToListAsync(cancellationToken);

    public Task<Feedback?> FindAsync(Guid serviceId, Guid id, CancellationToken cancellationToken = default) =>
        db.Feedback.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id && f.ServiceId == serviceId, cancellationToken);

    /// <summary>The service's action items a submission may be linked to: open ones, and the one it is linked to now.</summary>
    public async Task<IReadOnlyList<ActionItem>> ActionChoicesAsync(Guid serviceId, Guid? linked, CancellationToken cancellationToken = default) =>
        await db.ActionItems.AsNoTracking()
            .Where(a => a.ServiceId == serviceId && ((a.Status != ActionItemStatus.Done && a.Status != ActionItemStatus.WontDo) || a.Id == linked))
            .OrderBy(a => a.DueOn).ThenBy(a => a.Title).ToListAsync(cancellationToken);

    /// <summary>The tags used on the service's feedback, in order.</summary>
    public async Task<IReadOnlyList<string>> TagsInUseAsync(Guid serviceId, CancellationToken cancellationToken = default)
    {
        var lists = await db.Feedback.AsNoTracking().Where(f => f.ServiceId == serviceId && f.Tags != "")
            .Select(f => f.Tags).Distinct().ToListAsync(cancellationToken);
        return [.. lists.SelectMany(FeedbackTags.Of).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>Changes status, tags and the linked action item; a stale revision changes nothing and reports the submission as it is.</summary>
    public async Task<FeedbackChangeResult> TriageAsync(Guid serviceId, Guid id, FeedbackTriage triage, Guid? userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(triage);
        var item = await db.Feedback.FirstOrDefaultAsync(f => f.Id == id && f.ServiceId == serviceId, cancellationToken);
        if (item is null)
        {
            return FeedbackChangeResult.Of(FeedbackChangeOutcome.NotFound);
        }

        var issues = new List<FeedbackIssue>();
        if (!Enum.IsDefined(triage.Status))
        {
            issues.Add(new("Status", "Choose a status from the list."));
        }

        var (tags, tagError) = FeedbackTags.Parse(triage.Tags);
        var joined = FeedbackTags.Join(tags);
        if (tagError is not null || joined.Length > Feedback.MaxTagsLength)
        {
            issues.Add(new("Tags", tagError ?? "Use at most 10 tags."));
        }

        if (triage.ActionItemId is { } actionId
            && !await db.ActionItems.AnyAsync(a => a.Id == actionId && a.ServiceId == serviceId, cancellationToken))
        {
            issues.Add(new("ActionItemId", "Choose an action item of this service from the list."));
        }

        if (issues.Count > 0)
        {
            return new FeedbackChangeResult(FeedbackChangeOutcome.Invalid, issues, null);
        }

        if (item.Revision != triage.Revision)
        {
            return FeedbackChangeResult.Of(FeedbackChangeOutcome.Conflict, await CurrentAsync(id, cancellationToken));
        }

        var before = new { Status = item.Status.ToString(), item.Tags, item.ActionItemId };
        item.Status = triage.Status;
        item.Tags = joined;
        item.ActionItemId = triage.ActionItemId;
        return await SaveTriageAsync(item, userId, before, cancellationToken);
    }

    /// <summary>Opens an action item of the service (due on the day given, owner to be chosen on its page) and links the submission to it.</summary>
    public async Task<(FeedbackChangeResult Result, ActionItem? Action)> OpenActionAsync(
        Guid serviceId, Guid id, FeedbackActionInput input, Guid? userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var item = await db.Feedback.FirstOrDefaultAsync(f => f.Id == id && f.ServiceId == serviceId, cancellationToken);
        if (item is null)
        {
            return (FeedbackChangeResult.Of(FeedbackChangeOutcome.NotFound), null);
        }

        var title = (input.Title ?? "").Trim();
        var issues = new List<FeedbackIssue>();
        if (title.Length == 0)
        {
            issues.Add(new("ActionTitle", "Enter a title for the action item."));
        }
        else if (title.Length > ActionTitleMaxLength)
        {
            issues.Add(new("ActionTitle", "Use at most 200 characters."));
        }

        if (input.DueOn is not { } due)
        {
            issues.Add(new("ActionDueOn", "Enter the due date as a date, for example 2026-03-31."));
        }
        else if (due < JapanTime.Today(clock) || due.Year > 2999)
        {
            issues.Add(new("ActionDueOn", "The due date must be today or later."));
        }

        if (issues.Count > 0)
        {
            return (new FeedbackChangeResult(FeedbackChangeOutcome.Invalid, issues, null), null);
        }

        if (item.Revision != input.Revision)
        {
            return (FeedbackChangeResult.Of(FeedbackChangeOutcome.Conflict, await CurrentAsync(id, cancellationToken)), null);
        }

        var action = new ActionItem
        {
            ServiceId = serviceId,
            Title = title,
            Description = string.Create(CultureInfo.InvariantCulture, $"feedback:{item.Id}"),
            DueOn = input.DueOn!.Value,
            Status = ActionItemStatus.Open,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ActionItems.Add(action);
        var before = new { Status = item.Status.ToString(), item.Tags, item.ActionItemId };
        item.ActionItemId = action.Id;
        if (item.Status == FeedbackStatus.New)
        {
            item.Status = FeedbackStatus.InProgress;
        }

        var result = await SaveTriageAsync(item, userId, before, cancellationToken);
        return (result, result.Outcome == FeedbackChangeOutcome.Saved ? action : null);
    }

    private async Task<FeedbackChangeResult> SaveTriageAsync(Feedback item, Guid? userId, object before, CancellationToken cancellationToken)
    {
        item.TriagedAt = clock.GetUtcNow().UtcDateTime;
        item.TriagedById = userId?.ToString();
        item.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another triage won between our read and write: report the submission as that save left it.
            db.ChangeTracker.Clear();
            return FeedbackChangeResult.Of(FeedbackChangeOutcome.Conflict, await CurrentAsync(item.Id, cancellationToken));
        }

        // Feedback rows are measurement data (not audited by the interceptor); staff triage is a human action.
        await audit.RecordAsync("feedback.triaged", nameof(Feedback), item.Id.ToString(),
            new { Before = before, After = new { Status = item.Status.ToString(), item.Tags, item.ActionItemId } }, cancellationToken);
        return FeedbackChangeResult.Of(FeedbackChangeOutcome.Saved, item);
    }

    private Task<Feedback?> CurrentAsync(Guid id, CancellationToken cancellationToken) =>
        db.Feedback.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);

    private IQueryable<Feedback> Filter(Guid serviceId, FeedbackQuery query)
    {
        var items = db.Feedback.AsNoTracking().Where(f => f.ServiceId == serviceId);
        if (query.Rating is { } rating)
        {
            items = items.Where(f => f.Rating == rating);
        }

        if (query.From is { } from)
        {
            var start = JapanTime.ToUtc(from);
            items = items.Where(f => f.ReceivedAt >= start);
        }

        if (query.To is { } to)
        {
            var end = JapanTime.ToUtc(to.AddDays(1));
            items = items.Where(f => f.ReceivedAt < end);
        }

        if (!string.IsNullOrWhiteSpace(query.Reason))
        {
            var reason = " " + query.Reason.Trim() + " ";
            items = items.Where(f => (" " + f.Reasons + " ").Contains(reason));
        }

        if (query.Status is { } status)
        {
            items = items.Where(f => f.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var tag = " " + query.Tag.Trim().ToLowerInvariant() + " ";
            items = items.Where(f => (" " + f.Tags + " ").Contains(tag));
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            // Lower-cased on both sides: case-insensitive for Latin letters on both providers; Japanese has no case.
            var text = query.Text.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // The comparison runs in SQL (lower() and instr/strpos), where no StringComparison overload translates.
            items = items.Where(f => f.Comment != null && f.Comment.ToLower().Contains(text));
#pragma warning restore CA1862
        }

        return items;
    }
}
