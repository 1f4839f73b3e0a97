namespace Shishin.Core.Services;

public enum CanvasSaveStatus
{
    /// <summary>A new revision was written.</summary>
    Saved,

    /// <summary>The canvas is the same as the revision it was based on; nothing was written.</summary>
    Unchanged,

    /// <summary>Someone saved another revision after the one the editor started from; nothing was written.</summary>
    Conflict,

    /// <summary>The canvas breaks a limit (<see cref="CanvasSaveResult.Issues"/>); nothing was written.</summary>
    Invalid,
}

/// <summary>
/// What a save did. <see cref="Revision"/> is the new revision when saved, the current one when unchanged, and the
/// latest one on a conflict, so the page can show what the other person changed beside the editor's own text.
/// </summary>
public sealed record CanvasSaveResult(CanvasSaveStatus Status, CanvasRevision? Revision, IReadOnlyList<CanvasIssue> Issues);
