using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Shishin.Core.Data;

namespace Shishin.Core.CitizenFeedback;

/// <summary>
/// Writes one batch in one short transaction with two statements: a multi-row INSERT of the submissions and a
/// multi-row upsert of the daily aggregates (<c>INSERT … ON CONFLICT (ServiceId, Day) DO UPDATE</c>, the same SQL on
/// SQLite and PostgreSQL). The upsert adds to the stored counts inside the database, so several web nodes writing the
/// same service and day at once add up instead of overwriting each other; rows are sorted by key so two nodes lock
/// them in the same order and cannot deadlock. Raw SQL with parameters: EF's change tracker would cost more than the
/// whole INSERT at thousands a second.
/// </summary>
internal static class FeedbackBatchStore
{
    private const string InsertHead = """
        INSERT INTO "Feedback" ("Id", "ServiceId", "ReceivedAt", "Rating", "TaskCompleted", "Reasons", "Comment", "Language", "PagePath", "Source", "Status", "Tags", "Revision") VALUES 
        """;

    private const string UpsertHead = """
        INSERT INTO "FeedbackDailyAggregates" AS a ("ServiceId", "Day", "Count", "RatingSum", "Rating1", "Rating2", "Rating3", "Rating4", "Rating5", "Completed", "PartlyCompleted", "NotCompleted") VALUES 
        """;

    private const string UpsertTail = """
         ON CONFLICT ("ServiceId", "Day") DO UPDATE SET "Count" = a."Count" + excluded."Count", "RatingSum" = a."RatingSum" + excluded."RatingSum",
        "Rating1" = a."Rating1" + excluded."Rating1", "Rating2" = a."Rating2" + excluded."Rating2", "Rating3" = a."Rating3" + excluded."Rating3",
        "Rating4" = a."Rating4" + excluded."Rating4", "Rating5" = a."Rating5" + excluded."Rating5", "Completed" = a."Completed" + excluded."Completed",
        "PartlyCompleted" = a."PartlyCompleted" + excluded."PartlyCompleted", "NotCompleted" = a."NotCompleted" + excluded."NotCompleted"
        """;

    public static async Task WriteAsync(ShishinDbContext db, IReadOnlyList<Feedback> batch, CancellationToken cancellationToken)
    {
        var sqlite = db.Database.IsSqlite();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        // SQLite: BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default), so the write lock is taken up front and waited for.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using (var insert = Command(connection, transaction))
        {
            var sql = new StringBuilder(InsertHead, InsertHead.Length + (batch.Count * 80));
            for (var i = 0; i < batch.Count; i++)
            {
                var f = batch[i];
                sql.Append(i == 0 ? "(" : ", (");
                Add(insert, sql, Id(f.Id, sqlite)).Append(", ");
                Add(insert, sql, Id(f.ServiceId, sqlite)).Append(", ");
                Add(insert, sql, DateTime.SpecifyKind(f.ReceivedAt, DateTimeKind.Utc)).Append(", ");
                Add(insert, sql, f.Rating).Append(", ");
                Add(insert, sql, f.TaskCompleted.ToString()).Append(", ");
                Add(insert, sql, f.Reasons).Append(", ");
                Add(insert, sql, (object?)f.Comment ?? DBNull.Value).Append(", ");
                Add(insert, sql, f.Language).Append(", ");
                Add(insert, sql, (object?)f.PagePath ?? DBNull.Value).Append(", ");
                Add(insert, sql, f.Source.ToString()).Append(", 'New', '', 0)");
            }

            insert.CommandText = sql.ToString();
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var upsert = Command(connection, transaction))
        {
            var sql = new StringBuilder(UpsertHead);
            var first = true;
            foreach (var day in Aggregate(batch))
            {
                sql.Append(first ? "(" : ", (");
                first = false;
                Add(upsert, sql, Id(day.ServiceId, sqlite)).Append(", ");
                Add(upsert, sql, day.Day);
                foreach (var count in (int[])[day.Count, day.RatingSum, day.Rating1, day.Rating2, day.Rating3, day.Rating4, day.Rating5,
                             day.Completed, day.PartlyCompleted, day.NotCompleted])
                {
                    sql.Append(", ");
                    Add(upsert, sql, count);
                }

                sql.Append(')');
            }

            upsert.CommandText = sql.Append(UpsertTail).ToString();
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The batch summed per service and Tokyo day, in key order.</summary>
    internal static List<FeedbackDailyAggregate> Aggregate(IReadOnlyList<Feedback> batch)
    {
        var days = new Dictionary<(Guid, DateOnly), FeedbackDailyAggregate>();
        foreach (var f in batch)
        {
            var day = JapanTime.DateOf(new DateTimeOffset(DateTime.SpecifyKind(f.ReceivedAt, DateTimeKind.Utc)));
            if (!days.TryGetValue((f.ServiceId, day), out var a))
            {
                days[(f.ServiceId, day)] = a = new FeedbackDailyAggregate { ServiceId = f.ServiceId, Day = day };
            }

            a.Count++;
            a.RatingSum += f.Rating;
            switch (f.Rating)
            {
                case 1: a.Rating1++; break;
                case 2: a.Rating2++; break;
                case 3: a.Rating3++; break;
                case 4: a.Rating4++; break;
                default: a.Rating5++; break;
            }

            switch (f.TaskCompleted)
            {
                case FeedbackTaskCompletion.Yes: a.Completed++; break;
                case FeedbackTaskCompletion.Partly: a.PartlyCompleted++; break;
                default: a.NotCompleted++; break;
            }
        }

        return [.. days.Values.OrderBy(a => a.ServiceId).ThenBy(a => a.Day)];
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        return command;
    }

    /// <summary>EF stores a Guid on SQLite as upper-case text (foreign keys compare the text), on PostgreSQL as uuid.</summary>
    private static object Id(Guid id, bool sqlite) => sqlite ? id.ToString().ToUpperInvariant() : id;

    private static StringBuilder Add(DbCommand command, StringBuilder sql, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@p" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return sql.Append(parameter.ParameterName);
    }
}
