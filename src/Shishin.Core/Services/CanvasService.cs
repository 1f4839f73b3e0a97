using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shishin.Core.Data;

namespace Shishin.Core.Services;

/// <summary>A saved revision with its canvas read from JSON.</summary>
public sealed record CanvasRevision(int Number, DateTime CreatedAt, Guid? AuthorId, string AuthorName, ServiceCanvas Canvas);

/// <summary>A revision in the history: who saved it and when, without its content.</summary>
public sealed record CanvasRevisionInfo(int Number, DateTime CreatedAt, Guid? AuthorId, string AuthorName);

/// <summary>Who saves a canvas: the user and the name to show in the history.</summary>
public sealed record CanvasAuthor(Guid? UserId, string Name);

/// <summary>
/// The service canvas (東京都サービスキャンバス) of a service as a list of revisions. A save never changes a revision: it
/// writes the next number after the one the editor started from, so a save based on a stale revision is refused as a
/// conflict — by the check before, or by the unique (service, number) index when two saves race — and nobody's work
/// is overwritten. Callers check who may read and edit (<see cref="ServiceScope"/>); this service trusts them.
/// </summary>
public sealed class CanvasService(ShishinDbContext db, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The service by its key, with its partners (what <see cref="ServiceScope.CanSee"/> needs); null for an unknown or malformed key.</summary>
    public async Task<Service?> FindServiceAsync(string? key, CancellationToken cancellationToken = default) =>
        ServiceRules.IsValidKey(key)
            ? await db.Services.AsNoTracking().Include(s => s.Partners).FirstOrDefaultAsync(s => s.Key == key, cancellationToken)
            : null;

    public async Task<CanvasRevision?> GetLatestAsync(Guid serviceId, CancellationToken cancellationToken = default)
    {
        var revision = await db.ServiceCanvasRevisions.AsNoTracking().Where(r => r.ServiceId == serviceId)
            .OrderByDescending(r => r.Number).FirstOrDefaultAsync(cancellationToken);
        return revision is null ? null : Read(revision);
    }

    public async Task<CanvasRevision?> GetAsync(Guid serviceId, int number, CancellationToken cancellationToken = default)
    {
        var revision = await db.ServiceCanvasRevisions.AsNoTracking()
            .FirstOrDefaultAsync(r => r.ServiceId == serviceId && r.Number == number, cancellationToken);
        return revision is null ? null : Read(revision);
    }

    /// <summary>The history, newest first.</summary>
    public async Task<IReadOnlyList<CanvasRevisionInfo>> ListAsync(Guid serviceId, CancellationToken cancellationToken = default) =>
        await db.ServiceCanvasRevisions.AsNoTracking().Where(r => r.ServiceId == serviceId)
            .OrderByDescending(r => r.Number)
            .Select(r => new CanvasRevisionInfo(r.Number, r.CreatedAt, r.AuthorId, r.AuthorName))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Saves <paramref name="canvas"/> as the revision after <paramref name="baseNumber"/> (0 when the editor started
    /// from an empty canvas). Texts are normalised and empty hypotheses left out before the limits are checked.
    /// </summary>
    public async Task<CanvasSaveResult> SaveAsync(Guid serviceId, int baseNumber, ServiceCanvas canvas, CanvasAuthor author, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(author);
        var normalized = CanvasFields.Normalized(canvas);
        if (CanvasFields.Check(normalized) is { Count: > 0 } issues)
        {
            return new(CanvasSaveStatus.Invalid, null, issues);
        }

        var latest = await GetLatestAsync(serviceId, cancellationToken);
        if ((latest?.Number ?? 0) != baseNumber)
        {
            return new(CanvasSaveStatus.Conflict, latest, []);
        }

        if (CanvasDiff.Compare(latest?.Canvas ?? new ServiceCanvas(), normalized).IsEmpty)
        {
            return new(CanvasSaveStatus.Unchanged, latest, []);
        }

        var revision = new ServiceCanvasRevision
        {
            ServiceId = serviceId,
            Number = baseNumber + 1,
            Content = JsonSerializer.Serialize(normalized, Json),
            CreatedAt = time.GetUtcNow().UtcDateTime,
            AuthorId = author.UserId,
            AuthorName = author.Name.Length > 200 ? author.Name[..200] : author.Name,
        };
        db.ServiceCanvasRevisions.Add(revision);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another save of the same number won the race (the unique index); theirs stands and this one is a conflict.
            db.ChangeTracker.Clear();
            return new(CanvasSaveStatus.Conflict, await GetLatestAsync(serviceId, cancellationToken), []);
        }

        return new(CanvasSaveStatus.Saved, Read(revision), []);
    }

    /// <summary>The canvas as stored; content that cannot be read shows as an empty canvas rather than failing the page.</summary>
    public static ServiceCanvas Parse(string content)
    {
        try
        {
            return CanvasFields.Normalized(JsonSerializer.Deserialize<ServiceCanvas>(content, Json) ?? new ServiceCanvas());
        }
        catch (JsonException)
        {
            return new ServiceCanvas();
        }
    }

    public static string Serialize(ServiceCanvas canvas) => JsonSerializer.Serialize(CanvasFields.Normalized(canvas), Json);

    private static CanvasRevision Read(ServiceCanvasRevision revision) =>
        new(revision.Number, revision.CreatedAt, revision.AuthorId, revision.AuthorName, Parse(revision.Content));
}
