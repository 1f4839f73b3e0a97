using Microsoft.EntityFrameworkCore;
using Shishin.Core.Data;

namespace Shishin.Core.CitizenFeedback;

public sealed record FeedbackSettingsResult(FeedbackChangeOutcome Outcome, IReadOnlyList<FeedbackIssue> Issues, ServiceFeedbackSettings? Current);

/// <summary>
/// A service's feedback settings: whether it takes feedback, and the origins besides its entry URLs' that may call the
/// feedback API from a browser (the intake's CORS allow-list reads them). A service without a row takes feedback and has
/// no extra origins.
/// </summary>
public sealed class FeedbackSettingsService(ShishinDbContext db, FeedbackTargets targets)
{
    public const int MaxOrigins = 20;

    /// <summary>The stored settings, or the defaults (revision 0) when none are stored.</summary>
    public async Task<ServiceFeedbackSettings> GetAsync(Guid serviceId, CancellationToken cancellationToken = default) =>
        await db.ServiceFeedbackSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ServiceId == serviceId, cancellationToken)
        ?? new ServiceFeedbackSettings { ServiceId = serviceId };

    public async Task<FeedbackSettingsResult> SaveAsync(Guid serviceId, bool enabled, string? extraOrigins, int revision, CancellationToken cancellationToken = default)
    {
        var origins = new List<string>();
        var issues = new List<FeedbackIssue>();
        var lines = (extraOrigins ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        foreach (var line in lines)
        {
            if (!FeedbackOrigins.TryNormalize(line, out var origin))
            {
                issues.Add(new("ExtraOrigins", "Each line must be an origin such as https://www.city.example.lg.jp or http://localhost:8080, without a path."));
                break;
            }

            if (!origins.Contains(origin, StringComparer.Ordinal))
            {
                origins.Add(origin);
            }
        }

        if (origins.Count > MaxOrigins)
        {
            issues.Add(new("ExtraOrigins", "List at most 20 origins."));
        }

        if (issues.Count > 0)
        {
            return new FeedbackSettingsResult(FeedbackChangeOutcome.Invalid, issues, null);
        }

        var settings = await db.ServiceFeedbackSettings.FirstOrDefaultAsync(s => s.ServiceId == serviceId, cancellationToken);
        if ((settings?.Revision ?? 0) != revision)
        {
            return new FeedbackSettingsResult(FeedbackChangeOutcome.Conflict, [], settings ?? await GetAsync(serviceId, cancellationToken));
        }

        if (settings is null)
        {
            settings = new ServiceFeedbackSettings { ServiceId = serviceId };
            db.ServiceFeedbackSettings.Add(settings);
        }

        settings.Enabled = enabled;
        settings.ExtraOrigins = string.Join('\n', origins);
        settings.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent save changed the row (or created it first): report the settings as they are now.
            db.ChangeTracker.Clear();
            return new FeedbackSettingsResult(FeedbackChangeOutcome.Conflict, [], await GetAsync(serviceId, cancellationToken));
        }

        // The intake holds services in memory for a short while; this node forgets them now, the others within that time.
        targets.Clear();
        return new FeedbackSettingsResult(FeedbackChangeOutcome.Saved, [], settings);
    }
}

/// <summary>Web origins as the feedback settings store them: <c>scheme://host[:port]</c>, http or https, lower-case, no default port.</summary>
public static class FeedbackOrigins
{
    public const int MaxLength = 200;

    public static bool TryNormalize(string text, out string origin)
    {
        origin = "";
        text = (text ?? "").Trim();
        if (text.Length is 0 or > MaxLength || !Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0 || uri.Host.Length == 0
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.AbsolutePath != "/")
        {
            return false;
        }

        // "https://host/" is the origin written with a slash; anything after the authority is a path, not an origin.
        var authorityEnd = text.IndexOf('/', uri.Scheme.Length + 3);
        if (authorityEnd >= 0 && authorityEnd != text.Length - 1)
        {
            return false;
        }

        origin = uri.IsDefaultPort ? $"{uri.Scheme}://{uri.IdnHost}" : $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}";
        origin = origin.ToLowerInvariant();
        return true;
    }

    /// <summary>The stored list's origins.</summary>
    public static IReadOnlyList<string> Of(string stored) => (stored ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
