using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shishin.Core.Data;

namespace Shishin.Core.Auditing;

public sealed record AuditQuery(string? Actor = null, string? EntityType = null, string? EntityId = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>Appends events that are not entity changes (sign-in, failures) and reads the log.</summary>
public sealed class AuditLog(ShishinDbContext db, AuditActor actor, TimeProvider clock)
{

    public async Task RecordAsync(string action, string entityType, string? entityId, object? details = null, CancellationToken cancellationToken = default)
    {
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            After = details is null ? null : JsonSerializer.Serialize(details, AuditSaveChangesInterceptor.Json),
            ClientIp = actor.ClientIp,
            CorrelationId = actor.CorrelationId,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public IQueryable<AuditEvent> Query(AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var events = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var actorText = query.Actor.Trim();
            events = events.Where(e => e.ActorName.Contains(actorText));
        }

        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            events = events.Where(e => e.EntityType == query.EntityType.Trim());
        }

        if (!string.IsNullOrWhiteSpace(query.EntityId))
        {
            events = events.Where(e => e.EntityId == query.EntityId.Trim());
        }

        // Dates are entered as Tokyo calendar days; a bound at the very ends of the calendar cannot be expressed in UTC
        // and excludes nothing, so it is dropped rather than allowed to overflow.
        if (query.From is { } from && from > DateOnly.MinValue)
        {
            var start = JapanTime.ToUtc(from);
            events = events.Where(e => e.OccurredAt >= start);
        }

        if (query.To is { } to && to < DateOnly.MaxValue.AddDays(-1))
        {
            var end = JapanTime.ToUtc(to.AddDays(1));
            events = events.Where(e => e.OccurredAt < end);
        }

        return events.OrderByDescending(e => e.Id);
    }

    /// <summary>The event's before/after as a field list for people (<see cref="AuditChanges"/>).</summary>
    public IReadOnlyList<AuditFieldChange> Describe(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var entity = (propertyTypes ??= PropertyTypes()).GetValueOrDefault(auditEvent.EntityType);
        return AuditChanges.Read(auditEvent.Before, auditEvent.After, entity is null ? null : name => entity.GetValueOrDefault(name));
    }

    private Dictionary<string, Dictionary<string, Type>>? propertyTypes;

    // Events name entities by their CLR type's short name; the model tells the type of each of their properties.
    private Dictionary<string, Dictionary<string, Type>> PropertyTypes() =>
        db.Model.GetEntityTypes()
            .Where(t => !t.IsOwned())
            .GroupBy(t => t.ClrType.Name, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.First().GetProperties().ToDictionary(p => p.Name, p => p.ClrType, StringComparer.Ordinal),
                StringComparer.Ordinal);

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken cancellationToken = default) =>
        await db.AuditEvents.AsNoTracking().Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);

    /// <summary>The CSV's column names when the caller gives none; the time column is Japan time, as on the screen.</summary>
    public static readonly IReadOnlyList<string> CsvColumns =
    [
        "id", "occurred_at_jst", "actor_id", "actor", "action", "entity_type", "entity_id", "before", "after", "client_ip", "correlation_id",
    ];

    /// <summary>
    /// RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with an apostrophe. Times are in Japan
    /// time (yyyy-MM-dd HH:mm:ss, as the audit page shows them), so the file and the screen agree line by line.
    /// </summary>
    /// <param name="columns">The header's eleven column names (in the reader's language), in the order of <see cref="CsvColumns"/>.</param>
    public async Task WriteCsvAsync(AuditQuery query, TextWriter writer, IReadOnlyList<string>? columns = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        columns ??= CsvColumns;
        if (columns.Count != CsvColumns.Count)
        {
            throw new ArgumentException($"The audit CSV has {CsvColumns.Count} columns.", nameof(columns));
        }

        // The query runs before the first byte is written: if it fails, the caller can still answer with an error
        // instead of a file that breaks off after its header.
        await using var events = Query(query).AsAsyncEnumerable().GetAsyncEnumerator(cancellationToken);
        var more = await events.MoveNextAsync();
        await writer.WriteLineAsync(string.Join(',', columns.Select(Csv.Cell)));
        for (; more; more = await events.MoveNextAsync())
        {
            var e = events.Current;
            var line = string.Join(',',
                e.Id.ToString(CultureInfo.InvariantCulture),
                TokyoTime(e.OccurredAt),
                e.ActorId?.ToString() ?? "",
                Csv.Cell(e.ActorName), Csv.Cell(e.Action), Csv.Cell(e.EntityType), Csv.Cell(e.EntityId), Csv.Cell(e.Before), Csv.Cell(e.After),
                Csv.Cell(e.ClientIp), Csv.Cell(e.CorrelationId));
            await writer.WriteLineAsync(line);
        }
    }

    /// <summary>A stored UTC time as the audit page and its CSV show it: Japan time, to the second.</summary>
    public static string TokyoTime(DateTime utc) =>
        JapanTime.FromUtc(utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
