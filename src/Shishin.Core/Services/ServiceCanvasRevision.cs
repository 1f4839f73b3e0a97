namespace Shishin.Core.Services;

/// <summary>
/// One saved state of a service's canvas (東京都サービスキャンバス). A save never changes a revision: it adds the next
/// <see cref="Number"/>, and the unique (service, number) index makes a save based on a stale revision fail, so two
/// editors cannot lose each other's work. <see cref="Content"/> is the canvas as JSON.
/// </summary>
public class ServiceCanvasRevision
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ServiceId { get; set; }
    public int Number { get; set; }
    public required string Content { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
}
