namespace Shishin.Web.Infrastructure;

public sealed class AuditBurstOptions
{
    /// <summary>The first failures of a burst written one row each; the rest become one row with their count.</summary>
    public int WrittenEach { get; set; } = 3;

    /// <summary>A burst lasts this long from its first failure; its summary row is written when it closes.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);
}
