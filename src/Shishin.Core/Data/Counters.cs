using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Shishin.Core.Data;

/// <summary>
/// Hands out gap-free numbers from the <see cref="Counter"/> table. Call it inside the transaction that stores the
/// number: the counter row stays locked until that transaction ends (a row lock on PostgreSQL, the write lock on
/// SQLite), so a second writer waits and then reads the incremented value, and a rollback gives the number back.
/// The statements are plain SQL that both providers run (UPDATE … RETURNING, INSERT … ON CONFLICT DO NOTHING).
/// </summary>
internal static class Counters
{
    /// <summary>The next number for <typeparamref name="TEntity"/>.<paramref name="property"/>, e.g. ChangeProposal.Number.</summary>
    public static async Task<int> NextAsync<TEntity>(ShishinDbContext db, string property, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A counter must be advanced inside the transaction that uses the number.");
        }

        var name = typeof(TEntity).Name + "." + property;
        if (await IncrementAsync(db, name, cancellationToken) is { } next)
        {
            return checked((int)next);
        }

        // First use in this database: continue from the numbers handed out before the counter existed. A concurrent
        // first use waits on the inserted key and then does nothing, so exactly one seed wins.
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        var column = sql.DelimitIdentifier(entity.FindProperty(property)?.GetColumnName() ?? throw new InvalidOperationException($"{name} is not mapped."));
        // SQLite needs the WHERE to tell the upsert clause from a join constraint.
        var seed = "INSERT INTO \"Counters\" (\"Name\", \"Value\") SELECT {0}, COALESCE(MAX(" + column + "), 0) FROM " + table
            + " WHERE 1 = 1 ON CONFLICT (\"Name\") DO NOTHING";
        await db.Database.ExecuteSqlRawAsync(seed, [name], cancellationToken);
        return checked((int)(await IncrementAsync(db, name, cancellationToken)
            ?? throw new InvalidOperationException($"The counter {name} could not be created.")));
    }

    private static async Task<long?> IncrementAsync(ShishinDbContext db, string name, CancellationToken cancellationToken)
    {
        var values = await db.Database
            .SqlQueryRaw<long>("UPDATE \"Counters\" SET \"Value\" = \"Value\" + 1 WHERE \"Name\" = {0} RETURNING \"Value\"", name)
            .ToListAsync(cancellationToken);
        return values.Count == 1 ? values[0] : null;
    }
}
