namespace Shishin.Core.Services;

/// <summary>
/// The outcome of a service CSV import: the keys that were (or, in a dry run, would be) created and updated, the rows
/// that match the register already, and every problem. <see cref="Applied"/> is true only when the import was stored;
/// with any problem nothing is.
/// </summary>
public sealed record ServiceImportReport(
    IReadOnlyList<string> Created,
    IReadOnlyList<string> Updated,
    IReadOnlyList<string> Unchanged,
    IReadOnlyList<ServiceCsvError> Errors,
    string? Encoding,
    bool DryRun,
    bool Applied)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>The lines of the rows with problems, each once, in order (0 for a problem of the file as a whole).</summary>
    public IReadOnlyList<int> BadLines => [.. Errors.Select(e => e.Line).Distinct().Order()];

    public static ServiceImportReport Failed(IReadOnlyList<ServiceCsvError> errors, string? encoding, bool dryRun) =>
        new([], [], [], errors, encoding, dryRun, false);
}
