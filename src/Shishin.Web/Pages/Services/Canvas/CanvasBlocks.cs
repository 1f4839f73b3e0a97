using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services.Canvas;

/// <summary>What the canvas's blocks partial shows: the canvas, its words, and whether it is laid out as the one-page sheet.</summary>
public sealed record CanvasBlocks(ServiceCanvas Canvas, CanvasLabels Labels, bool Sheet)
{
    /// <summary>Blocks that take two columns of the sheet: the journeys, the procedure and the hypotheses hold the most text.</summary>
    public static bool IsWide(string key) =>
        key is CanvasFields.AsIsJourney or CanvasFields.ToBeJourney or CanvasFields.ProcedureFlow or CanvasFields.Hypotheses;
}
