using System.Text;

namespace Shishin.Web.Infrastructure;

/// <summary>
/// Starts a CSV download as every Shishin CSV is sent: UTF-8 with a byte order mark (so that spreadsheet software reads
/// Japanese), a file name that says what and when, and never from a shared cache (what one visitor may see differs from
/// the next one's).
/// </summary>
public static class CsvDownload
{
    /// <summary>Sets the headers and returns a writer on the body; <paramref name="stem"/> becomes <c>stem-yyyyMMdd-HHmmss.csv</c> (UTC).</summary>
    public static StreamWriter Start(HttpResponse response, string stem, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(clock);
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{stem}-{clock.GetUtcNow():yyyyMMdd-HHmmss}.csv\"";
        response.Headers.CacheControl = "private, no-store";
        return new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    }
}
