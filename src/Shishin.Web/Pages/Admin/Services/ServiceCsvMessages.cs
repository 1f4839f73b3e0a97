using Microsoft.Extensions.Localization;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Admin.Services;

/// <summary>The problems of a service CSV file in the reader's language (the CLI and the API use the English <see cref="ServiceCsvError.Message"/>).</summary>
public sealed class ServiceCsvMessages(IStringLocalizer l)
{
    public string Message(ServiceCsvError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var v = error.Value;
        return error.Problem switch
        {
            ServiceCsvProblem.FileTooLarge => l["The file is larger than {0} MB.", error.Number / (1024 * 1024)],
            ServiceCsvProblem.TooManyRows => l["The file has more than {0} rows; split it into several files.", error.Number],
            ServiceCsvProblem.UnreadableEncoding => l["The file is neither UTF-8 nor Shift_JIS text."],
            ServiceCsvProblem.EmptyFile => l["The file is empty; its first line must be the header."],
            ServiceCsvProblem.UnknownColumn => l["Unknown column '{0}'.", v],
            ServiceCsvProblem.DuplicateColumn => l["The column '{0}' appears more than once.", v],
            ServiceCsvProblem.MissingColumn => l["The header lacks the column '{0}'.", v],
            ServiceCsvProblem.MalformedQuotes => l["Malformed quoting: a quote inside an unquoted field, text after a closing quote, or a quote that is never closed."],
            ServiceCsvProblem.WrongFieldCount => l["The row has {0} fields; the header has {1}.", v, error.Number],
            ServiceCsvProblem.BadKey when v.Length == 0 => l["The key is missing."],
            ServiceCsvProblem.BadKey => l["'{0}' is not a valid key: lower-case letters, digits and single hyphens.", v],
            ServiceCsvProblem.DuplicateKey => l["The key '{0}' is already used on line {1} of this file.", v, error.Number],
            ServiceCsvProblem.MissingName => l["The name is missing."],
            ServiceCsvProblem.TooLong => l["The value is longer than {0} characters.", error.Number],
            ServiceCsvProblem.UnknownOrganization when v.Length == 0 => l["The organisation is missing."],
            ServiceCsvProblem.UnknownOrganization => l["Unknown organisation '{0}': use an organisation key or its local government code.", v],
            ServiceCsvProblem.AmbiguousOrganization => l["The code '{0}' matches several organisations; use the 6-digit code or the key.", v],
            ServiceCsvProblem.PartnerAsOwner => l["'{0}' is a partner company; a service belongs to a government, bureau or municipality.", v],
            ServiceCsvProblem.NotYourOrganization => l["Not your organisation: you may not register services of '{0}'.", v],
            ServiceCsvProblem.CannotEditService => l["You may not change the service '{0}'.", v],
            ServiceCsvProblem.BadPhase => l["Unknown phase '{0}': use a Japanese phase name (e.g. 開発) or its key.", v],
            ServiceCsvProblem.BadPublic => l["'{0}' is not true or false (1 and 0 are accepted too).", v],
            ServiceCsvProblem.BadChannel => l["Unknown channel '{0}': use web, counter, phone or app.", v],
            ServiceCsvProblem.MalformedUrl => l["'{0}' is not an absolute http(s) URL.", v],
            ServiceCsvProblem.UnknownPartner => l["Unknown partner '{0}'.", v],
            ServiceCsvProblem.NotAPartner => l["'{0}' is not a partner company.", v],
            ServiceCsvProblem.ChangedMeanwhile => l["Someone changed the register while the file was imported; nothing was imported. Import the file again."],
            _ => error.Message,
        };
    }
}
