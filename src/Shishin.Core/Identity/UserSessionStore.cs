using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Shishin.Core.Data;

namespace Shishin.Core.Identity;

/// <summary>
/// The server-side register of sessions (ADR 0010): a session exists while its row does, so ending it is deleting the
/// row, and takes effect on every web node at the next request.
/// </summary>
public sealed class UserSessionStore(ShishinDbContext db, TimeProvider clock)
{
    /// <summary>Use is written at most this often, so a busy session does not write on every request.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    public async Task<string> CreateAsync(Guid userId, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new UserSession
        {
            Id = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant(),
            UserId = userId,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + lifetime,
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>True while the session of this user exists and has not expired; slides its expiry forward.</summary>
    public async Task<bool> IsActiveAsync(string id, Guid userId, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = await db.UserSessions.AsNoTracking()
            .Where(s => s.Id == id && s.UserId == userId)
            .Select(s => new { s.LastSeenAt, s.ExpiresAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (session is null || session.ExpiresAt <= now)
        {
            return false;
        }

        if (now - session.LastSeenAt >= TouchInterval)
        {
            // Conditional on the row still being there: a touch never brings an ended session back.
            await db.UserSessions.Where(s => s.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now).SetProperty(x => x.ExpiresAt, now + lifetime), cancellationToken);
        }

        return true;
    }

    public Task RemoveAsync(string id, CancellationToken cancellationToken = default) =>
        db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Ends every session of a user, except the one named (the session that made the change), if any.</summary>
    public Task<int> RemoveAllAsync(Guid userId, string? except = null, CancellationToken cancellationToken = default) =>
        db.UserSessions.Where(s => s.UserId == userId && s.Id != except).ExecuteDeleteAsync(cancellationToken);

    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.UserSessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }
}
