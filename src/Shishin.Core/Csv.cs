namespace Shishin.Core;

/// <summary>RFC 4180 cells for every CSV Shishin writes (audit log, catalogue).</summary>
public static class Csv
{
    /// <summary>Quotes when needed; a cell a spreadsheet would run as a formula gets a leading apostrophe.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
