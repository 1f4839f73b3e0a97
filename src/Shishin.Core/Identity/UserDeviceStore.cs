using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Shishin.Core.Data;

namespace Shishin.Core.Identity;

/// <summary>The browsers each account has signed in from, known by the hash of a long-lived device cookie.</summary>
public sealed class UserDeviceStore(ShishinDbContext db, TimeProvider clock)
{
    /// <summary>What a sign-in from a browser means for the account.</summary>
    public enum Outcome
    {
        /// <summary>This browser has signed in to the account before.</summary>
        Known,

        /// <summary>The account's first browser: nothing to warn about.</summary>
        First,

        /// <summary>The account has other browsers but not this one: its owner is told.</summary>
        New,
    }

    public static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();

    /// <summary>Records a sign-in of the account from the browser holding <paramref name="token"/>.</summary>
    public async Task<Outcome> RecordAsync(Guid userId, string token, string description, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        var hash = UserAdministrationService.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var touched = await db.UserDevices.Where(d => d.UserId == userId && d.TokenHash == hash)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastSeenAt, now), cancellationToken);
        if (touched > 0)
        {
            return Outcome.Known;
        }

        var first = !await db.UserDevices.AnyAsync(d => d.UserId == userId, cancellationToken);
        db.UserDevices.Add(new UserDevice
        {
            UserId = userId,
            TokenHash = hash,
            Description = description.Length > 200 ? description[..200] : description,
            FirstSeenAt = now,
            LastSeenAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same browser signed in twice at once; the other request recorded it.
            db.ChangeTracker.Clear();
            return Outcome.Known;
        }

        return first ? Outcome.First : Outcome.New;
    }
}
