using Microsoft.EntityFrameworkCore;
using Shishin.Core.Data;

namespace Shishin.Core.Scans;

/// <summary>A profile as a form or request gives it; the limits are checked by <see cref="ScanProfiles.Validate"/>.</summary>
public sealed record ScanProfileInput(
    string? Name, string? StartUrls, int? MaxPages, int? MaxDepth, string? Include, string? Exclude, bool Mobile, bool Wcag22, ScanCadence Cadence);

/// <summary>A field's problem: the field's name in <see cref="ScanProfileInput"/> and an English message the pages translate.</summary>
public sealed record ScanProfileError(string Field, string Message);

public enum ScanProfileOutcome
{
    Saved,
    Invalid,
    Conflict,
    NotFound,
}

public sealed record ScanProfileResult(ScanProfileOutcome Outcome, ScanProfile? Profile, IReadOnlyList<ScanProfileError> Errors);

/// <summary>
/// Creates, edits and deletes scan profiles (audited by the save interceptor), with optimistic concurrency on the
/// revision, and keeps their schedules in step. Rights are the caller's to check (the service team edits).
/// </summary>
public sealed class ScanProfiles(ShishinDbContext db, ScanSchedules schedules, TimeProvider clock)
{
    public const int MaxPagesLimit = 1000;
    public const int MaxDepthLimit = 10;
    public const int MaxStartUrls = 20;
    public const int MaxGlobs = 50;

    public async Task<List<ScanProfile>> ListAsync(Guid serviceId, CancellationToken cancellationToken = default) =>
        await db.ScanProfiles.AsNoTracking().Where(p => p.ServiceId == serviceId).OrderBy(p => p.CreatedAt).ThenBy(p => p.Name).ToListAsync(cancellationToken);

    public async Task<ScanProfile?> FindAsync(Guid serviceId, Guid id, CancellationToken cancellationToken = default) =>
        await db.ScanProfiles.FirstOrDefaultAsync(p => p.Id == id && p.ServiceId == serviceId, cancellationToken);

    public async Task<ScanProfileResult> CreateAsync(Guid serviceId, ScanProfileInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return new(ScanProfileOutcome.Invalid, null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var profile = new ScanProfile { ServiceId = serviceId, CreatedAt = now };
        Apply(profile, input, now);
        db.ScanProfiles.Add(profile);
        await db.SaveChangesAsync(cancellationToken);
        await schedules.SyncAsync(profile, cancellationToken);
        return new(ScanProfileOutcome.Saved, profile, []);
    }

    /// <summary>Saves the input over the profile when <paramref name="revision"/> is still the stored one; otherwise a conflict with the stored profile.</summary>
    public async Task<ScanProfileResult> UpdateAsync(Guid serviceId, Guid id, ScanProfileInput input, int revision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var profile = await FindAsync(serviceId, id, cancellationToken);
        if (profile is null)
        {
            return new(ScanProfileOutcome.NotFound, null, []);
        }

        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return new(ScanProfileOutcome.Invalid, profile, errors);
        }

        if (profile.Revision != revision)
        {
            return new(ScanProfileOutcome.Conflict, profile, []);
        }

        Apply(profile, input, clock.GetUtcNow().UtcDateTime);
        profile.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(ScanProfileOutcome.Conflict, await FindAsync(serviceId, id, cancellationToken), []);
        }

        await schedules.SyncAsync(profile, cancellationToken);
        return new(ScanProfileOutcome.Saved, profile, []);
    }

    /// <summary>Deletes the profile (its runs stay, without a profile) when <paramref name="revision"/> is still the stored one.</summary>
    public async Task<ScanProfileOutcome> DeleteAsync(Guid serviceId, Guid id, int revision, CancellationToken cancellationToken = default)
    {
        var profile = await FindAsync(serviceId, id, cancellationToken);
        if (profile is null)
        {
            return ScanProfileOutcome.NotFound;
        }

        if (profile.Revision != revision)
        {
            return ScanProfileOutcome.Conflict;
        }

        await schedules.RemoveAsync(profile.Id, cancellationToken);
        db.ScanProfiles.Remove(profile);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ScanProfileOutcome.Conflict;
        }

        return ScanProfileOutcome.Saved;
    }

    /// <summary>Every problem of the input, by field; empty when it can be saved.</summary>
    public static List<ScanProfileError> Validate(ScanProfileInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ScanProfileError>();
        var name = (input.Name ?? "").Trim();
        if (name.Length == 0)
        {
            errors.Add(new(nameof(input.Name), "Enter a name for the scan profile."));
        }
        else if (name.Length > 200)
        {
            errors.Add(new(nameof(input.Name), "The name can be at most 200 characters."));
        }

        var urls = Tokens(input.StartUrls);
        if (urls.Count > MaxStartUrls)
        {
            errors.Add(new(nameof(input.StartUrls), "Enter at most 20 start URLs."));
        }
        else if (urls.FirstOrDefault(u => !IsWebUrl(u)) is { } bad)
        {
            errors.Add(new(nameof(input.StartUrls), "Each start URL must be an absolute http or https address, such as https://www.example.lg.jp/."));
        }
        else if (string.Join(' ', urls).Length > 4000)
        {
            errors.Add(new(nameof(input.StartUrls), "The start URLs can be at most 4,000 characters together."));
        }

        if (input.MaxPages is not { } pages)
        {
            errors.Add(new(nameof(input.MaxPages), "Enter the page limit."));
        }
        else if (pages is < 1 or > MaxPagesLimit)
        {
            errors.Add(new(nameof(input.MaxPages), "The page limit must be between 1 and 1,000."));
        }

        if (input.MaxDepth is not { } depth)
        {
            errors.Add(new(nameof(input.MaxDepth), "Enter the depth."));
        }
        else if (depth is < 0 or > MaxDepthLimit)
        {
            errors.Add(new(nameof(input.MaxDepth), "The depth must be between 0 and 10."));
        }

        foreach (var (field, text) in new[] { (nameof(input.Include), input.Include), (nameof(input.Exclude), input.Exclude) })
        {
            var globs = Lines(text);
            if (globs.Count > MaxGlobs)
            {
                errors.Add(new(field, "Enter at most 50 patterns."));
            }
            else if (globs.Any(g => g.Length > 500 || g.Any(char.IsControl) || g.Any(char.IsWhiteSpace)))
            {
                errors.Add(new(field, "Each pattern is one line without spaces, of at most 500 characters, such as /apply/**."));
            }
            else if (string.Join('\n', globs).Length > 4000)
            {
                errors.Add(new(field, "The patterns can be at most 4,000 characters together."));
            }
        }

        if (!Enum.IsDefined(input.Cadence))
        {
            errors.Add(new(nameof(input.Cadence), "Choose how often to scan."));
        }

        return errors;
    }

    private static void Apply(ScanProfile profile, ScanProfileInput input, DateTime now)
    {
        profile.Name = (input.Name ?? "").Trim();
        profile.StartUrls = string.Join(' ', Tokens(input.StartUrls));
        profile.MaxPages = input.MaxPages ?? profile.MaxPages;
        profile.MaxDepth = input.MaxDepth ?? profile.MaxDepth;
        profile.Include = string.Join('\n', Lines(input.Include));
        profile.Exclude = string.Join('\n', Lines(input.Exclude));
        profile.Mobile = input.Mobile;
        profile.Wcag22 = input.Wcag22;
        profile.Cadence = input.Cadence;
        profile.UpdatedAt = now;
    }

    private static List<string> Tokens(string? text) =>
        [.. (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)];

    // Blank lines are dropped: one pattern per non-empty line.
    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    private static bool IsWebUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0 && uri.UserInfo.Length == 0;
}
