using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services;

/// <summary>
/// The register's field errors in the reader's language, for the forms (against their fields) and the API (keyed by
/// the JSON property names), so both say the same thing.
/// </summary>
public static class ServiceMessages
{
    public static string Message(IStringLocalizer l, ServiceError error)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(error);
        return error.Code switch
        {
            ServiceErrorCode.Required => error.Field switch
            {
                ServiceFields.Key => l["Enter a key."],
                ServiceFields.NameJa => l["Enter the name in Japanese."],
                ServiceFields.NameEn => l["Enter the name in English."],
                ServiceFields.Organization => l["Choose the organisation that owns the service."],
                ServiceFields.Channel => l["Choose a channel."],
                _ => l["Choose a phase."],
            },
            ServiceErrorCode.TooLong => l["Use at most {0} characters.", error.Limit ?? 0],
            ServiceErrorCode.InvalidKey => l["Use lower-case letters, digits and single hyphens, e.g. chiyoda-nursery-application."],
            ServiceErrorCode.KeyTaken => l["Another service already uses this key."],
            ServiceErrorCode.UnknownOrganization => l["Choose an organisation from the list."],
            ServiceErrorCode.OwnerIsPartner => l["A partner company cannot own a service. Choose a bureau or municipality."],
            ServiceErrorCode.NotYourOrganization => l["You can add services only to your own organisations."],
            ServiceErrorCode.UnknownPartner => l["One of the partner companies does not exist."],
            ServiceErrorCode.NotAPartner => l["Only partner companies can be partners of a service."],
            ServiceErrorCode.InvalidUrl => l["Enter each address as a full http or https URL, e.g. https://www.city.example.lg.jp/apply."],
            ServiceErrorCode.UnknownChannel => l["Choose a channel from the list."],
            ServiceErrorCode.UnknownPhase => l["Choose a phase from the list."],
            ServiceErrorCode.SamePhase => l["The service is already in this phase."],
            ServiceErrorCode.FutureDate => l["The date cannot be in the future."],
            ServiceErrorCode.BeforePreviousChange => l["The date cannot be before the start of the current phase."],
            ServiceErrorCode.FiscalYearOutOfRange => l["Enter a fiscal year from {0} to {1}.", ServiceRegistry.FirstFiscalYear, ServiceRegistry.LastFiscalYear],
            ServiceErrorCode.Negative => l["Enter 0 or more."],
            ServiceErrorCode.TooPrecise => l["Use at most one decimal place."],
            ServiceErrorCode.TooLarge => l["Enter a smaller number."],
            _ => l["Digital applications cannot be more than all applications."],
        };
    }

    /// <summary>Puts each error on its form field (<c>Input.NameJa</c>), unless the field already shows a message of the form's own checks.</summary>
    public static void AddTo(ModelStateDictionary state, IStringLocalizer l, IEnumerable<ServiceError> errors, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(errors);
        var already = state.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var error in errors)
        {
            var key = FormField(error.Field, prefix);
            if (!already.Contains(key))
            {
                state.AddModelError(key, Message(l, error));
            }
        }
    }

    public static string FormField(string field, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(field);
        return $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";
    }

    /// <summary>The API's name of a field: the service's names and descriptions are objects there (<c>name.ja</c>).</summary>
    public static string JsonField(string field) => field switch
    {
        ServiceFields.NameJa => "name.ja",
        ServiceFields.NameEn => "name.en",
        ServiceFields.DescriptionJa => "description.ja",
        ServiceFields.DescriptionEn => "description.en",
        _ => field,
    };
}
