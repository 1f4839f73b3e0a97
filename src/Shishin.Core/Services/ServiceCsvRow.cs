namespace Shishin.Core.Services;

/// <summary>
/// One record of a service CSV file as read: the line where it starts and its values by column name (formula
/// apostrophes removed, surrounding whitespace trimmed). A column the header lacks is absent from <see cref="Values"/>.
/// </summary>
public sealed record ServiceCsvRow(int Line, IReadOnlyDictionary<string, string> Values)
{
    public bool Has(string column) => Values.ContainsKey(column);

    public string this[string column] => Values.GetValueOrDefault(column, "");
}
