namespace Shishin.Core.Assessments;

public enum ActionItemStatus
{
    Open,
    InProgress,
    Done,
    WontDo,
}

/// <summary>
/// Something the service team must do, usually from an amber checkpoint of a published assessment (due in three months
/// by default). <see cref="IsOverdue"/> is set by the nightly job once <see cref="DueOn"/> has passed while still open.
/// </summary>
public class ActionItem
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ServiceId { get; set; }
    public Guid? AssessmentId { get; set; }
    public string? CheckpointId { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public Guid? OwnerId { get; set; }
    public DateOnly DueOn { get; set; }
    public ActionItemStatus Status { get; set; }

    /// <summary>Required when the status is Won't do.</summary>
    public string WontDoReason { get; set; } = "";

    public bool IsOverdue { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public int Revision { get; set; }

    public bool IsClosed => Status is ActionItemStatus.Done or ActionItemStatus.WontDo;
}
