namespace Shishin.Core.Services;

/// <summary>One field of the canvas (or of a hypothesis) in two revisions; an absent text is empty.</summary>
public sealed record CanvasFieldChange(string Field, string Before, string After)
{
    public bool Changed => !string.Equals(Before, After, StringComparison.Ordinal);
}
