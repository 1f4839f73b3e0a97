using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Shishin.Core;

namespace Shishin.Web.Pages.Services.Feedback;

/// <summary>
/// The feedback CSVs as every Shishin CSV: UTF-8 with a byte order mark (so that spreadsheet software reads Japanese),
/// CRLF line ends, cells quoted as RFC 4180 needs and neutralised against formula injection (<see cref="Csv.Cell"/>).
/// </summary>
public static class FeedbackCsv
{
    public static StreamWriter Start(HttpResponse response, string fileName)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        return new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    }

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
