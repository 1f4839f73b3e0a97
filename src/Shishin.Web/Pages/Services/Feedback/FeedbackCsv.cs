using System.Globalization;
using Shishin.Core;

namespace Shishin.Web.Pages.Services.Feedback;

/// <summary>
/// The feedback CSVs' lines (started by <see cref="Infrastructure.CsvDownload"/>): CRLF line ends, cells quoted as RFC 4180
/// needs and neutralised against formula injection (<see cref="Csv.Cell"/>), numbers and times culture-invariant.
/// </summary>
public static class FeedbackCsv
{
    public static Task WriteLineAsync(StreamWriter writer, IEnumerable<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return writer.WriteAsync(string.Join(',', cells.Select(Csv.Cell)) + "\r\n");
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "";

    /// <summary>A UTC time as Japan time, ISO 8601 with its offset, for spreadsheets and programs alike.</summary>
    public static string Tokyo(DateTime utc) => JapanTime.From(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
