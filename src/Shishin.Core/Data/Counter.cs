namespace Shishin.Core.Data;

/// <summary>
/// A named, gap-free number source (for example proposal numbers): incremented inside the transaction that uses
/// the number, so a rolled-back transaction gives it back and two writers never get the same one.
/// </summary>
public class Counter
{
    public required string Name { get; set; }

    public long Value { get; set; }
}
