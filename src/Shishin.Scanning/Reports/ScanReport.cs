using System.Text;

namespace Shishin.Scanning.Reports;

/// <summary>The file formats a scan can be written in.</summary>
public enum ReportFormat
{
    /// <summary>Shishin's own JSON, described by <see cref="JsonReport.Schema"/>.</summary>
    Json,

    /// <summary>JUnit XML: a test suite per page and a test case per rule, for CI test views.</summary>
    JUnit,

    /// <summary>SARIF 2.1.0, for code-scanning views and SARIF tools.</summary>
    Sarif,

    /// <summary>A self-contained, accessible HTML page for people, in Japanese or English.</summary>
    Html,
}

/// <summary>The language of the texts of a report meant for people (the HTML report).</summary>
public enum ReportLanguage
{
    /// <summary>Japanese (<c>ja</c>).</summary>
    Japanese,

    /// <summary>English (<c>en</c>).</summary>
    English,
}

/// <summary>Writes a <see cref="ScanResult"/> in any <see cref="ReportFormat"/>. Every format is UTF-8 without a byte order mark.</summary>
public static class ScanReport
{
    /// <summary>The usual file name extension of <paramref name="format"/>, with the dot.</summary>
    /// <param name="format">The report format.</param>
    public static string FileExtension(ReportFormat format) => format switch
    {
        ReportFormat.Json => ".json",
        ReportFormat.JUnit => ".xml",
        ReportFormat.Sarif => ".sarif",
        _ => ".html",
    };

    /// <summary>Writes <paramref name="result"/> as <paramref name="format"/> to <paramref name="output"/>.</summary>
    /// <param name="result">The scan to report.</param>
    /// <param name="format">The format.</param>
    /// <param name="output">Where to write; it is left open.</param>
    /// <param name="language">The language of the HTML report; the other formats carry both languages or none.</param>
    public static void Write(ScanResult result, ReportFormat format, Stream output, ReportLanguage language = ReportLanguage.Japanese)
    {
        switch (format)
        {
            case ReportFormat.Json:
                JsonReport.Write(result, output);
                break;
            case ReportFormat.JUnit:
                JUnitReport.Write(result, output);
                break;
            case ReportFormat.Sarif:
                SarifReport.Write(result, output);
                break;
            case ReportFormat.Html:
                HtmlReport.Write(result, output, language);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format.");
        }
    }

    /// <summary>The report as text.</summary>
    /// <param name="result">The scan to report.</param>
    /// <param name="format">The format.</param>
    /// <param name="language">The language of the HTML report.</param>
    public static string ToText(ScanResult result, ReportFormat format, ReportLanguage language = ReportLanguage.Japanese)
    {
        using var buffer = new MemoryStream();
        Write(result, format, buffer, language);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// Writes the report to <paramref name="path"/> through a temporary file beside it, so that a reader never sees
    /// half a report and an interrupted write leaves the previous file as it was.
    /// </summary>
    /// <param name="result">The scan to report.</param>
    /// <param name="format">The format.</param>
    /// <param name="path">The file to write; its folder is created when missing.</param>
    /// <param name="language">The language of the HTML report.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    public static async Task WriteFileAsync(ScanResult result, ReportFormat format, string path, ReportLanguage language = ReportLanguage.Japanese, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        using (var buffer = new MemoryStream())
        {
            Write(result, format, buffer, language);
            buffer.Position = 0;
            var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                await buffer.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }
        }

        File.Move(temporary, full, overwrite: true);
    }
}
