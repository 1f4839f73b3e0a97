using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Shishin.Core.Data;
using Shishin.Core.Identity;

namespace Shishin.Core.ApiKeys;

/// <summary>
/// Personal API keys: created with a name, an expiry and scopes, shown once, stored as a SHA-256 hash, revocable, and
/// checked on every API request with a Bearer key. A key acts as its user with the user's current roles.
/// </summary>
public sealed class ApiKeyService(ShishinDbContext db, TimeProvider clock)
{
    public const string KeyPrefix = "shk_";
    public const int MaxNameLength = 100;
    public const int MinExpiryDays = 1;
    public const int MaxExpiryDays = 365;
    public const int DefaultExpiryDays = 90;

    /// <summary>Characters of the key kept in clear so that people can tell their keys apart: "shk_" and 8 more (48 bits).</summary>
    public const int PrefixLength = 12;

    /// <summary>"shk_" and 32 random bytes in base64url without padding.</summary>
    public const int KeyLength = 4 + 43;

    /// <summary>Last-used times are written at most this often per key, so a busy client does not write on every request.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>Creates a key for <paramref name="user"/>. Callers validate first; invalid arguments throw.</summary>
    public async Task<NewApiKey> CreateAsync(
        ShishinUser user, string name, int expiresInDays, IEnumerable<string> scopes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        name = name.Trim();
        ArgumentOutOfRangeException.ThrowIfGreaterThan(name.Length, MaxNameLength, nameof(name));
        ArgumentOutOfRangeException.ThrowIfLessThan(expiresInDays, MinExpiryDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(expiresInDays, MaxExpiryDays);
        if (!ApiKeyScopes.TryNormalize(scopes, out var normalized))
        {
            throw new ArgumentException("Choose read, write or both.", nameof(scopes));
        }

        var plain = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var key = new ApiKey
        {
            UserId = user.Id,
            Name = name,
            Prefix = plain[..PrefixLength],
            Hash = Hash(plain),
            Scopes = normalized,
            CreatedAt = now,
            ExpiresAt = now.AddDays(expiresInDays),
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new NewApiKey(key, plain);
    }

    /// <summary>The user's keys, newest first, revoked and expired ones included (they explain a failing client).</summary>
    public async Task<IReadOnlyList<ApiKey>> ListAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await db.ApiKeys.AsNoTracking().Where(k => k.UserId == userId)
            .OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Name).ToListAsync(cancellationToken);

    /// <summary>
    /// Revokes a key of <paramref name="actorUserId"/>, or any key when the actor is an administrator. False when there
    /// is no such key for the actor (another user's key is "not found", so ids do not reveal whose key exists).
    /// Revoking a revoked key changes nothing and succeeds.
    /// </summary>
    public async Task<bool> RevokeAsync(Guid keyId, Guid actorUserId, bool actorIsAdmin, CancellationToken cancellationToken = default)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId, cancellationToken);
        if (key is null || (key.UserId != actorUserId && !actorIsAdmin))
        {
            return false;
        }

        if (key.RevokedAt is null)
        {
            key.RevokedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// The user behind a presented key, if the key exists, is neither revoked nor expired, and its user is active. Its
    /// last-used time is brought up to date (at most once per <see cref="LastUsedResolution"/>); <see cref="ApiKeyCheck.Touched"/>
    /// says whether this call did so.
    /// </summary>
    public async Task<ApiKeyCheck> AuthenticateAsync(string? presented, CancellationToken cancellationToken = default)
    {
        if (presented is null || presented.Length != KeyLength || !presented.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return ApiKeyCheck.Failed(ApiKeyCheck.Malformed);
        }

        // The lookup is by the SHA-256 of the presented key, so no constant-time comparison is needed: the database
        // compares hashes, and how long a comparison of hashes takes tells an attacker nothing about a key that would
        // produce the stored hash (finding one is a preimage attack on SHA-256). The keys are 256 random bits, so a
        // plain, fast hash is enough; a slow password hash would only slow every API request.
        var hash = Hash(presented);
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash, cancellationToken);
        if (key is null)
        {
            return ApiKeyCheck.Failed(ApiKeyCheck.Unknown);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (key.RevokedAt is not null)
        {
            return ApiKeyCheck.Failed(ApiKeyCheck.Revoked, key);
        }

        if (key.ExpiresAt <= now)
        {
            return ApiKeyCheck.Failed(ApiKeyCheck.Expired, key);
        }

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == key.UserId, cancellationToken);
        if (user is null || !user.IsActive)
        {
            return ApiKeyCheck.Failed(ApiKeyCheck.Inactive, key);
        }

        var touched = false;
        if (key.LastUsedAt is not { } last || now - last >= LastUsedResolution)
        {
            // A conditional update rather than a tracked save: concurrent requests of one client write once between
            // them, and a last-used time is bookkeeping, not a change of the key for the audit log.
            var since = now - LastUsedResolution;
            touched = await db.ApiKeys.Where(k => k.Id == key.Id && (k.LastUsedAt == null || k.LastUsedAt <= since))
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken) > 0;
            if (touched)
            {
                key.LastUsedAt = now;
            }
        }

        return new ApiKeyCheck(key, user, null, touched);
    }

    /// <summary>SHA-256 of the whole key, lower-case hex (64 characters).</summary>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
