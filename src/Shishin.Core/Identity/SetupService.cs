using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shishin.Core.Data;

namespace Shishin.Core.Identity;

/// <summary>
/// First-run setup, single-shot at the database level: the first administrator and the single <see cref="SetupRecord"/>
/// row are written in one transaction, so of two concurrent setups one commits and the other fails on the row's key
/// and rolls back its account (ADR 0007, ADR 0011).
/// </summary>
public sealed class SetupService(ShishinDbContext db, UserAdministrationService accounts, UserManager<ShishinUser> users, TimeProvider clock)
{
    /// <summary>The error code of a setup refused because another one completed first.</summary>
    public const string AlreadyCompleteCode = "SetupAlreadyComplete";

    /// <summary>Done once setup has been recorded, or when an active administrator exists (e.g. made by <c>shishin admin create</c>).</summary>
    public async Task<bool> IsCompleteAsync(CancellationToken cancellationToken = default) =>
        await db.SetupRecords.AnyAsync(cancellationToken) || await accounts.AnyAdminAsync(cancellationToken);

    public async Task<IdentityResult> CompleteAsync(string email, string displayName, string password, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await IsCompleteAsync(cancellationToken))
            {
                return AlreadyComplete();
            }

            var result = await accounts.CreateWithPasswordAsync(email, displayName, password, [Roles.Admin]);
            if (!result.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return result;
            }

            var admin = await users.FindByEmailAsync(email.Trim()) ?? throw new InvalidOperationException("The new administrator was not found.");
            // A concurrent setup that got this far waits here for our commit (PostgreSQL) and then fails on the key.
            db.SetupRecords.Add(new SetupRecord { AdminUserId = admin.Id, CompletedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            // The transaction is rolled back when disposed; nothing of this attempt stays, in the database or the context.
            // Losing the race is an answer for the person; any other failure (the database is down) stays an error.
            db.ChangeTracker.Clear();
            if (await IsCompleteAsync(cancellationToken))
            {
                return AlreadyComplete();
            }

            throw;
        }
    }

    private static IdentityResult AlreadyComplete() =>
        IdentityResult.Failed(new IdentityError { Code = AlreadyCompleteCode, Description = "Setup is already complete." });
}
