using Microsoft.EntityFrameworkCore;
using Shishin.Core.Data;

namespace Shishin.Core.CitizenFeedback;

/// <summary>An improvement as typed; <see cref="Themes"/> are reason codes and tags.</summary>
public sealed record FeedbackImprovementInput(
    string? YouSaidJa, string? YouSaidEn, string? WeDidJa, string? WeDidEn, IReadOnlyList<string> Themes, DateOnly? ImprovedOn);

public sealed record FeedbackImprovementResult(FeedbackChangeOutcome Outcome, IReadOnlyList<FeedbackIssue> Issues, FeedbackImprovement? Current)
{
    public static FeedbackImprovementResult Of(FeedbackChangeOutcome outcome, FeedbackImprovement? current = null) => new(outcome, [], current);
}

/// <summary>
/// "You said, we did" (#7, #8): the service team's improvements in answer to feedback themes, drafted, then published on
/// the service's public page. Changes are audited by the save interceptor like any register data.
/// </summary>
public sealed class FeedbackImprovements(ShishinDbContext db, TimeProvider clock)
{
    public const int YouSaidMaxLength = 1000;
    public const int WeDidMaxLength = 2000;
    public const int MaxThemes = 10;

    /// <summary>Published ones only, or all; the latest improvement first.</summary>
    public async Task<IReadOnlyList<FeedbackImprovement>> ListAsync(Guid serviceId, bool publishedOnly, int? take = null, CancellationToken cancellationToken = default)
    {
        var items = db.FeedbackImprovements.AsNoTracking().Where(i => i.ServiceId == serviceId);
        if (publishedOnly)
        {
            items = items.Where(i => i.PublishedAt != null);
        }

        // Ordered in memory: "no date" sorts last on both providers alike, and a service has tens of items, not thousands.
        var list = (await items.ToListAsync(cancellationToken))
            .OrderByDescending(i => i.ImprovedOn ?? DateOnly.MinValue).ThenByDescending(i => i.PublishedAt ?? i.CreatedAt).ThenByDescending(i => i.Id);
        return [.. take is { } n ? list.Take(n) : list];
    }

    public Task<FeedbackImprovement?> FindAsync(Guid serviceId, Guid id, CancellationToken cancellationToken = default) =>
        db.FeedbackImprovements.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.ServiceId == serviceId, cancellationToken);

    /// <summary>Creates (<paramref name="id"/> null) or changes a draft or published item; a stale revision changes nothing.</summary>
    public async Task<FeedbackImprovementResult> SaveAsync(Guid serviceId, Guid? id, FeedbackImprovementInput input, int revision, Guid? userId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        FeedbackImprovement? item = null;
        if (id is { } existing)
        {
            item = await db.FeedbackImprovements.FirstOrDefaultAsync(i => i.Id == existing && i.ServiceId == serviceId, cancellationToken);
            if (item is null)
            {
                return FeedbackImprovementResult.Of(FeedbackChangeOutcome.NotFound);
            }
        }

        var issues = Validate(input);
        if (issues.Count > 0)
        {
            return new FeedbackImprovementResult(FeedbackChangeOutcome.Invalid, issues, null);
        }

        if (item is not null && item.Revision != revision)
        {
            return FeedbackImprovementResult.Of(FeedbackChangeOutcome.Conflict, await FindAsync(serviceId, item.Id, cancellationToken));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (item is null)
        {
            item = new FeedbackImprovement
            {
                ServiceId = serviceId, YouSaidJa = "", WeDidJa = "", CreatedAt = now, CreatedById = userId?.ToString(),
            };
            db.FeedbackImprovements.Add(item);
        }

        item.YouSaidJa = input.YouSaidJa!.Trim();
        item.YouSaidEn = Optional(input.YouSaidEn);
        item.WeDidJa = input.WeDidJa!.Trim();
        item.WeDidEn = Optional(input.WeDidEn);
        item.Themes = string.Join(' ', input.Themes.Distinct(StringComparer.Ordinal));
        item.ImprovedOn = input.ImprovedOn;
        item.UpdatedAt = now;
        item.Revision++;
        return await SaveAsync(serviceId, item, cancellationToken);
    }

    /// <summary>Publishes (stamping the time) or takes back to draft.</summary>
    public async Task<FeedbackImprovementResult> SetPublishedAsync(Guid serviceId, Guid id, bool publish, int revision, CancellationToken cancellationToken = default)
    {
        var item = await db.FeedbackImprovements.FirstOrDefaultAsync(i => i.Id == id && i.ServiceId == serviceId, cancellationToken);
        if (item is null)
        {
            return FeedbackImprovementResult.Of(FeedbackChangeOutcome.NotFound);
        }

        if (item.Revision != revision)
        {
            return FeedbackImprovementResult.Of(FeedbackChangeOutcome.Conflict, await FindAsync(serviceId, id, cancellationToken));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        item.PublishedAt = publish ? item.PublishedAt ?? now : null;
        item.UpdatedAt = now;
        item.Revision++;
        return await SaveAsync(serviceId, item, cancellationToken);
    }

    private async Task<FeedbackImprovementResult> SaveAsync(Guid serviceId, FeedbackImprovement item, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return FeedbackImprovementResult.Of(FeedbackChangeOutcome.Conflict, await FindAsync(serviceId, item.Id, cancellationToken));
        }

        return FeedbackImprovementResult.Of(FeedbackChangeOutcome.Saved, item);
    }

    private static List<FeedbackIssue> Validate(FeedbackImprovementInput input)
    {
        var issues = new List<FeedbackIssue>();
        Text(issues, "YouSaidJa", input.YouSaidJa, YouSaidMaxLength, required: "Enter what people said, in Japanese.");
        Text(issues, "YouSaidEn", input.YouSaidEn, YouSaidMaxLength, required: null);
        Text(issues, "WeDidJa", input.WeDidJa, WeDidMaxLength, required: "Enter what you did, in Japanese.");
        Text(issues, "WeDidEn", input.WeDidEn, WeDidMaxLength, required: null);
        if (input.Themes.Count > MaxThemes)
        {
            issues.Add(new("Themes", "Choose at most 10 themes."));
        }
        else if (input.Themes.Any(t => !FeedbackReasons.IsKnown(t) && FeedbackTags.Parse(t) is not ({ Count: 1 }, null)))
        {
            issues.Add(new("Themes", "Choose themes from the list."));
        }

        if (input.ImprovedOn is not { } day)
        {
            issues.Add(new("ImprovedOn", "Enter the date of the improvement, for example 2026-04-01."));
        }
        else if (day.Year is < 2000 or > 2999)
        {
            issues.Add(new("ImprovedOn", "Enter a date from 2000-01-01 to 2999-12-31."));
        }

        return issues;
    }

    private static void Text(List<FeedbackIssue> issues, string field, string? value, int max, string? required)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0 && required is not null)
        {
            issues.Add(new(field, required));
        }
        else if (text.Length > max)
        {
            issues.Add(new(field, max == YouSaidMaxLength ? "Use at most 1,000 characters." : "Use at most 2,000 characters."));
        }
    }

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
