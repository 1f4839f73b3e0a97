using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shishin.Core.Data;

namespace Shishin.Core.CitizenFeedback;

/// <summary>What became of a submission handed to <see cref="FeedbackWriter"/>.</summary>
public enum FeedbackWriteOutcome
{
    /// <summary>Committed to the database with the day's aggregate.</summary>
    Committed,

    /// <summary>The queue was full; nothing was written.</summary>
    QueueFull,

    /// <summary>Its batch failed and was rolled back; nothing was written.</summary>
    Failed,
}

/// <summary>
/// The group commit (DESIGN.md, ADR 0024-feedback-intake): requests put their submission in a bounded queue and wait;
/// one loop takes everything waiting (up to the batch limit), inserts it and updates the daily aggregates in one
/// transaction, and only after the commit completes each waiting request. A failed batch completes all of its requests
/// as failed, so no request is acknowledged for a row that is not stored. One fsync is shared by a whole batch, which is
/// what makes SQLite's synchronous=FULL affordable under load.
/// </summary>
public sealed partial class FeedbackWriter(IServiceScopeFactory scopes, FeedbackTargets targets, IOptions<FeedbackOptions> options,
    ILogger<FeedbackWriter> logger) : BackgroundService
{
    private int writing;
    private (AsyncServiceScope Scope, ShishinDbContext Db)? session;

    private readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(options.Value.Queue.Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Submissions waiting for the writer (not counting the batch being written).</summary>
    public int Waiting => queue.Reader.Count;

    /// <summary>Submissions of the batch being written now (0 between batches).</summary>
    public int Writing => Volatile.Read(ref writing);

    /// <summary>Queues <paramref name="feedback"/> and completes when its batch was committed or failed; at once when the queue is full.</summary>
    public Task<FeedbackWriteOutcome> WriteAsync(Feedback feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var pending = new Pending(feedback);
        return queue.Writer.TryWrite(pending) ? pending.Task : Task.FromResult(FeedbackWriteOutcome.QueueFull);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // No more submissions; the loop commits what is waiting, then ends.
        queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var limit = options.Value.Queue.BatchLimit;
        var batch = new List<Pending>(limit);
        // Not cancelled by stoppingToken: a queued submission is written before the host stops (StopAsync completes the queue).
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < limit && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            Volatile.Write(ref writing, batch.Count);
            var outcome = await CommitAsync(batch);
            foreach (var pending in batch)
            {
                pending.TrySetResult(outcome);
            }

            batch.Clear();
            Volatile.Write(ref writing, 0);
            if (queue.Reader.Count == 0)
            {
                // Idle: give the connection back rather than hold it for hours (a server may drop an idle connection).
                await CloseSessionAsync();
            }
        }

        await CloseSessionAsync();
    }

    private async Task<FeedbackWriteOutcome> CommitAsync(List<Pending> batch)
    {
        try
        {
            // One context and open connection for as long as batches succeed: no scope, pool round trip or per-connection
            // pragmas per batch. Tracks nothing; only its connection is used.
            if (session is null)
            {
                var scope = scopes.CreateAsyncScope();
                session = (scope, scope.ServiceProvider.GetRequiredService<ShishinDbContext>());
            }

            await FeedbackBatchStore.WriteAsync(session.Value.Db, batch.ConvertAll(p => p.Feedback), CancellationToken.None);
            return FeedbackWriteOutcome.Committed;
        }
#pragma warning disable CA1031 // Any failure of the batch fails its requests (503), never the loop.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // The type and provider code only: a database's message may quote the failing row, comment included.
            LogBatchFailed(logger, batch.Count, e.GetType().FullName ?? "", ErrorCode(e));
            // A cached service may have been deleted: look services up afresh.
            targets.Clear();
            // The connection may be broken (a restarted server): the next batch starts on a fresh one.
            await CloseSessionAsync();
            return FeedbackWriteOutcome.Failed;
        }
    }

    private async Task CloseSessionAsync()
    {
        if (session is { } open)
        {
            session = null;
            await open.Scope.DisposeAsync();
        }
    }

    private static string ErrorCode(Exception e) => e switch
    {
        Microsoft.Data.Sqlite.SqliteException s => "sqlite:" + s.SqliteExtendedErrorCode,
        Npgsql.PostgresException p => "postgres:" + p.SqlState,
        { InnerException: { } inner } => ErrorCode(inner),
        _ => "",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "A feedback batch of {Count} submissions failed and was rolled back ({ExceptionType} {ErrorCode}); each was answered 503.")]
    private static partial void LogBatchFailed(ILogger logger, int count, string exceptionType, string errorCode);

    private sealed class Pending(Feedback feedback) : TaskCompletionSource<FeedbackWriteOutcome>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public Feedback Feedback { get; } = feedback;
    }
}
