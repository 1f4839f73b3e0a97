namespace Shishin.Scanning.Engine;

/// <summary>
/// How long each stage of one page's scan took (context, navigation, probe, axe-core, link checks, …), for profiling
/// the scanner (<see cref="StageLog"/>); never part of a report. Stages may overlap, so their sum can exceed the
/// page's duration. Reading the clock costs two timestamps per stage.
/// </summary>
internal sealed class StageClock(TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly List<(string Stage, TimeSpan Took)> stages = [];

    /// <summary>Starts timing <paramref name="stage"/>; the time is recorded when the returned value is disposed.</summary>
    public Timing Start(string stage) => new(this, stage, time.GetTimestamp());

    /// <summary>Each stage's total time, in the order the stages were first recorded.</summary>
    public IReadOnlyList<(string Stage, TimeSpan Took)> Totals()
    {
        lock (gate)
        {
            return [.. stages.GroupBy(s => s.Stage, StringComparer.Ordinal).Select(g => (g.Key, TimeSpan.FromTicks(g.Sum(s => s.Took.Ticks))))];
        }
    }

    private void Record(string stage, long started)
    {
        var took = time.GetElapsedTime(started);
        lock (gate)
        {
            stages.Add((stage, took));
        }
    }

    /// <summary>One stage being timed.</summary>
    internal readonly struct Timing(StageClock clock, string stage, long started) : IDisposable
    {
        public void Dispose() => clock?.Record(stage, started);
    }
}
