using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services.Canvas;

/// <summary>One table of fields with their old and new texts, labelled by the heading whose id is <see cref="LabelledBy"/>.</summary>
public sealed record ChangeTable(IReadOnlyList<CanvasFieldChange> Fields, string LabelledBy, FieldChanges Changes);
