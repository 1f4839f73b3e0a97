using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services.Canvas;

/// <summary>
/// What the changed-fields partial shows: the changed fields of a comparison, each with its old and new text. The diff
/// page and the edit page's conflict message share it; <see cref="IdPrefix"/> keeps their heading ids apart.
/// </summary>
public sealed record FieldChanges(CanvasDiffResult Result, CanvasLabels Labels, CanvasMarks Marks, string IdPrefix)
{
    public IEnumerable<CanvasFieldChange> Changed(string key) => Result.Fields.Where(f => f.Field == key && f.Changed);

    public string HypothesisHeading(HypothesisChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change is { Before: { } before, After: { } after } && before != after
            ? Labels.HypothesisMoved(after, before)
            : Labels.HypothesisNumber(change.After ?? change.Before ?? 0);
    }
}
