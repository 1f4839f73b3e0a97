using CsvHelper;

namespace Shishin.Core.Services;

/// <summary>What <see cref="ServiceCsvReader.Read"/> found: the rows, and the problems of the file's form (not its content).</summary>
public sealed record ServiceCsvParse(IReadOnlyList<string> Columns, IReadOnlyList<ServiceCsvRow> Rows, IReadOnlyList<ServiceCsvError> Errors)
{
    /// <summary>A problem with the header or the file as a whole: no row can be read meaningfully.</summary>
    public bool IsUnreadable => Errors.Any(e => e.Line <= 1);
}

/// <summary>
/// Reads the text of a service CSV file (RFC 4180: quoted fields with commas, quotes and line breaks) with its header.
/// Each row keeps the physical line where its record starts, so that a message names the line a person sees in an
/// editor, also after a field that spans several lines.
/// </summary>
public static class ServiceCsvReader
{
    public static ServiceCsvParse Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<ServiceCsvError>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return new([], [], [new ServiceCsvError(0, null, ServiceCsvProblem.EmptyFile)]);
        }

        var malformed = new HashSet<long>();
        var options = CsvReaderOptions.Default with
        {
            // Always a comma: detecting the separator could take a semicolon inside a Japanese description for one.
            Separator = ',',
            TrackLineNumbers = true,
            OnMalformedRecord = m =>
            {
                if (m.Reason != CsvMalformedReason.FieldCountMismatch)
                {
                    malformed.Add(m.LineNumber);
                }
            },
        };
        using var reader = CsvReader.FromText(text, options);
        var header = reader.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        foreach (var column in header)
        {
            if (column.Length > 0 && !ServiceCsv.Columns.Contains(column))
            {
                errors.Add(new ServiceCsvError(1, column, ServiceCsvProblem.UnknownColumn, column));
            }
            else if (column.Length == 0)
            {
                errors.Add(new ServiceCsvError(1, null, ServiceCsvProblem.UnknownColumn, column));
            }
        }

        foreach (var twice in header.Where(ServiceCsv.Columns.Contains).GroupBy(c => c).Where(g => g.Count() > 1))
        {
            errors.Add(new ServiceCsvError(1, twice.Key, ServiceCsvProblem.DuplicateColumn, twice.Key));
        }

        foreach (var missing in ServiceCsv.RequiredColumns.Except(header))
        {
            errors.Add(new ServiceCsvError(1, missing, ServiceCsvProblem.MissingColumn, missing));
        }

        if (errors.Count > 0)
        {
            return new(header, [], errors);
        }

        var rows = new List<ServiceCsvRow>();
        while (reader.Read())
        {
            var line = checked((int)reader.LineNumber);
            if (rows.Count == ServiceCsv.MaxRows)
            {
                errors.Add(new ServiceCsvError(0, null, ServiceCsvProblem.TooManyRows, "", ServiceCsv.MaxRows));
                return new(header, [], errors);
            }

            if (reader.FieldCount != header.Count)
            {
                errors.Add(new ServiceCsvError(line, null, ServiceCsvProblem.WrongFieldCount,
                    reader.FieldCount.ToString(System.Globalization.CultureInfo.InvariantCulture), header.Count));
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                values[header[i]] = i < reader.FieldCount ? ServiceCsv.Unneutralise(reader.GetString(i) ?? "").Trim() : "";
            }

            rows.Add(new ServiceCsvRow(line, values));
        }

        // Reported after reading: the reader reports a record's quoting while it reads it, by the line where it starts.
        errors.AddRange(rows.Where(r => malformed.Contains(r.Line)).Select(r => new ServiceCsvError(r.Line, null, ServiceCsvProblem.MalformedQuotes)));
        return new(header, rows, [.. errors.OrderBy(e => e.Line)]);
    }
}
