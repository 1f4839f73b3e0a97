using System.Globalization;

namespace Shishin.Core.Services;

/// <summary>
/// One problem found in a service CSV file: the line where the record starts (counting every physical line, also those
/// inside quoted fields; 0 for the file as a whole), the column, the offending value and, for some problems, a number
/// (the first line of a duplicate key, a length limit). <see cref="Message"/> is the English wording of the CLI and API.
/// </summary>
public sealed record ServiceCsvError(int Line, string? Column, ServiceCsvProblem Problem, string Value = "", int Number = 0)
{
    public string Message => Problem switch
    {
        ServiceCsvProblem.FileTooLarge => $"The file is larger than {Number / (1024 * 1024)} MB.",
        ServiceCsvProblem.TooManyRows => $"The file has more than {Number} rows; split it into several files.",
        ServiceCsvProblem.UnreadableEncoding => "The file is neither UTF-8 nor Shift_JIS (CP932) text.",
        ServiceCsvProblem.EmptyFile => "The file is empty; its first line must be the header.",
        ServiceCsvProblem.UnknownColumn => $"Unknown column '{Value}'. The columns are: {string.Join(", ", ServiceCsv.Columns)}.",
        ServiceCsvProblem.DuplicateColumn => $"The column '{Value}' appears more than once.",
        ServiceCsvProblem.MissingColumn => $"The header lacks the column '{Value}'.",
        ServiceCsvProblem.MalformedQuotes => "Malformed quoting: a quote inside an unquoted field, text after a closing quote, or a quote that is never closed.",
        ServiceCsvProblem.WrongFieldCount => $"The row has {Value} fields; the header has {Number}.",
        ServiceCsvProblem.BadKey => Value.Length == 0
            ? "The key is missing."
            : $"'{Value}' is not a valid key: lower-case letters, digits and single hyphens, at most {ServiceRules.KeyMaxLength} characters.",
        ServiceCsvProblem.DuplicateKey => $"The key '{Value}' is already used on line {Number} of this file.",
        ServiceCsvProblem.MissingName => "The name is missing.",
        ServiceCsvProblem.TooLong => $"The value is longer than {Number} characters.",
        ServiceCsvProblem.UnknownOrganization => Value.Length == 0
            ? "The organisation is missing."
            : $"Unknown organisation '{Value}': use an organisation key or its local government code.",
        ServiceCsvProblem.AmbiguousOrganization => $"The code '{Value}' matches several organisations; use the 6-digit code or the key.",
        ServiceCsvProblem.PartnerAsOwner => $"'{Value}' is a partner company; a service belongs to a government, bureau or municipality.",
        ServiceCsvProblem.NotYourOrganization => $"Not your organisation: you may not register services of '{Value}'.",
        ServiceCsvProblem.CannotEditService => $"You may not change the service '{Value}'.",
        ServiceCsvProblem.BadPhase => $"Unknown phase '{Value}': use a Japanese phase name (e.g. 開発) or its key ({string.Join(", ", ServicePhaseNames.Keys)}).",
        ServiceCsvProblem.BadPublic => $"'{Value}' is not true or false (1 and 0 are accepted too).",
        ServiceCsvProblem.BadChannel => $"Unknown channel '{Value}': use {string.Join(", ", ServiceCsv.ChannelKeys)}.",
        ServiceCsvProblem.MalformedUrl => $"'{Value}' is not an absolute http(s) URL.",
        ServiceCsvProblem.UnknownPartner => $"Unknown partner '{Value}'.",
        ServiceCsvProblem.NotAPartner => $"'{Value}' is not a partner company.",
        ServiceCsvProblem.ChangedMeanwhile => "Someone changed the register while the file was imported; nothing was imported. Import the file again.",
        _ => Problem.ToString(),
    };

    /// <summary><c>FILE:LINE: message</c> as compilers and <c>shishin catalog validate</c> print it (no line for the file as a whole).</summary>
    public string Format(string file)
    {
        var reason = Column is null ? Message : $"{Column}: {Message}";
        return Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{file}:{Line}: {reason}") : $"{file}: {reason}";
    }
}
