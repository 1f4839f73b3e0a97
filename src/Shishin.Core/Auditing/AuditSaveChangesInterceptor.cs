using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Shishin.Core.Auditing;

/// <summary>
/// Appends an audit event for every entity added, changed or removed, in the same transaction as the change,
/// so no code path can change state without leaving a trace. When the save fails, the events it added are taken out of
/// the change tracker again: otherwise a later save on the same context (a retry, or the next unit of work) would
/// store events for changes that never happened.
/// </summary>
public sealed class AuditSaveChangesInterceptor(AuditActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    // Secrets and derived noise never reach the audit log.
    private static readonly HashSet<string> MaskedProperties = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "TokenHash", "Value", "Xml",
        // An API key's hash: a secret's fingerprint is still not for the log.
        "Hash",
        // A webhook's secret, protected but still not for the log.
        "ProtectedSecret",
    };

    private static readonly HashSet<string> IgnoredProperties = new(StringComparer.Ordinal)
    {
        "ConcurrencyStamp", "NormalizedEmail", "NormalizedUserName", "NormalizedName",
        // A catalogue version's whole content; its edits are audited field by field by CatalogService instead.
        "Document",
        // A canvas revision is itself the history of the canvas; the event says who saved which revision.
        "Content",
    };

    // Enums by name, so that the log reads "Bureau", not 1, and stays right if an enum is ever reordered.
    internal static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AppendEvents(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AppendEvents(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // The events added by the save in progress, per context (a scope normally holds one).
    private readonly ConditionalWeakTable<DbContext, List<AuditEvent>> pending = [];

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Forget(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Withdraw(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Withdraw(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Withdraw(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Withdraw(eventData.Context);
        return Task.CompletedTask;
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            pending.Remove(context);
        }
    }

    // The failed save was rolled back, so none of its events exist; the next save describes the changes afresh.
    private void Withdraw(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var events))
        {
            return;
        }

        pending.Remove(context);
        foreach (var e in events)
        {
            var entry = context.Entry(e);
            if (entry.State == EntityState.Added)
            {
                entry.State = EntityState.Detached;
            }
        }
    }

    private void AppendEvents(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow().UtcDateTime;
        var events = new List<AuditEvent>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            // Sessions are renewed on every sliding request; sign-in and sign-out are audited as account events instead.
            if (entry.Entity is AuditEvent or DataProtectionKey or Identity.UserSession || entry.State is EntityState.Unchanged or EntityState.Detached
                || IsMeasurementData(entry.Metadata.ClrType))
            {
                continue;
            }

            var (before, after) = Snapshot(entry);
            if (entry.State == EntityState.Modified && after.Count == 0)
            {
                continue;
            }

            events.Add(new AuditEvent
            {
                OccurredAt = now,
                ActorId = actor.UserId,
                ActorName = actor.Name,
                Action = entry.Metadata.ClrType.Name + entry.State switch
                {
                    EntityState.Added => ".created",
                    EntityState.Deleted => ".deleted",
                    _ => ".updated",
                },
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                Before = before.Count == 0 ? null : JsonSerializer.Serialize(before, Json),
                After = after.Count == 0 ? null : JsonSerializer.Serialize(after, Json),
                ClientIp = actor.ClientIp,
                CorrelationId = actor.CorrelationId,
            });
        }

        context.AddRange(events);
        pending.AddOrUpdate(context, events);
    }

    private static (Dictionary<string, object?> Before, Dictionary<string, object?> After) Snapshot(EntityEntry entry)
    {
        var before = new Dictionary<string, object?>(StringComparer.Ordinal);
        var after = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (IgnoredProperties.Contains(name))
            {
                continue;
            }

            var masked = MaskedProperties.Contains(name);
            switch (entry.State)
            {
                case EntityState.Added:
                    after[name] = masked ? Mask(property.CurrentValue) : property.CurrentValue;
                    break;
                case EntityState.Deleted:
                    before[name] = masked ? Mask(property.OriginalValue) : property.OriginalValue;
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    before[name] = masked ? Mask(property.OriginalValue) : property.OriginalValue;
                    after[name] = masked ? Mask(property.CurrentValue) : property.CurrentValue;
                    break;
            }
        }

        return (before, after);
    }

    private static readonly ConcurrentDictionary<Type, bool> MeasurementTypes = new();

    private static bool IsMeasurementData(Type type) =>
        MeasurementTypes.GetOrAdd(type, t => t.IsDefined(typeof(MeasurementDataAttribute), inherit: false));

    private static string? Mask(object? value) => value is null ? null : "***";

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null
            ? ""
            : string.Join("/", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
