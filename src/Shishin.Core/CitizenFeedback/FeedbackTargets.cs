using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shishin.Core.Data;
using Shishin.Core.Services;

namespace Shishin.Core.CitizenFeedback;

/// <summary>What the intake needs to know of a service: where to file, whether it takes feedback, and from which origins.</summary>
public sealed record FeedbackTarget(Guid ServiceId, string Key, bool AcceptsFeedback, IReadOnlySet<string> Origins)
{
    public bool AllowsOrigin(string? origin) => FeedbackTargets.NormalizeOrigin(origin) is { } o && Origins.Contains(o);
}

/// <summary>
/// Service key → <see cref="FeedbackTarget"/>, held in memory for <see cref="FeedbackOptions.ServiceCacheTime"/> so that a
/// submission costs no database read. Unknown keys are remembered too (the cache is bounded), so guessing keys does not
/// turn into queries either.
/// </summary>
public sealed class FeedbackTargets(IServiceScopeFactory scopes, IOptions<FeedbackOptions> options) : IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    public async ValueTask<FeedbackTarget?> FindAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length is 0 or > ServiceRules.KeyMaxLength)
        {
            return null;
        }

        if (cache.TryGetValue(key, out FeedbackTarget? known))
        {
            return known;
        }

        var target = await LoadAsync(key, cancellationToken);
        cache.Set(key, target, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.Value.ServiceCacheTime });
        return target;
    }

    /// <summary>The target if it is in memory; never reads the database.</summary>
    public FeedbackTarget? Cached(string key) => cache.TryGetValue(key, out FeedbackTarget? known) ? known : null;

    /// <summary>Forgets one service (its settings or visibility changed on this node).</summary>
    public void Invalidate(string key) => cache.Remove(key);

    /// <summary>Forgets every service: after a failed batch, in case a cached service was deleted.</summary>
    public void Clear() => cache.Clear();

    public void Dispose() => cache.Dispose();

    /// <summary><c>scheme://host[:port]</c> in lower case, the default port left out, as browsers send it; null if not an http(s) origin.</summary>
    public static string? NormalizeOrigin(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && !string.IsNullOrEmpty(uri.Host)
            ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant()
            : null;

    private async Task<FeedbackTarget?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var service = await db.Services.AsNoTracking().Where(s => s.Key == key)
            .Select(s => new { s.Id, s.IsPublic, s.EntryUrls }).FirstOrDefaultAsync(cancellationToken);
        if (service is null)
        {
            return null;
        }

        var settings = await db.ServiceFeedbackSettings.AsNoTracking().Where(s => s.ServiceId == service.Id)
            .Select(s => new { s.Enabled, s.ExtraOrigins }).FirstOrDefaultAsync(cancellationToken);
        var origins = service.EntryUrls.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Concat((settings?.ExtraOrigins ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(NormalizeOrigin).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return new FeedbackTarget(service.Id, key, service.IsPublic && (settings?.Enabled ?? true), origins);
    }
}
