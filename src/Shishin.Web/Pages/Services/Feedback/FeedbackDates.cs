using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Shishin.Web.Pages.Services.Feedback;

/// <summary>The checks of a date range typed into a feedback filter, with a message at each field.</summary>
public static class FeedbackDates
{
    // The far ends of DateOnly overflow when turned into Tokyo day bounds.
    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2999, 12, 31);

    /// <summary>Adds field messages for unreadable dates, dates out of range or in the wrong order; true when the form is valid.</summary>
    public static bool Validate(ModelStateDictionary modelState, IStringLocalizer l, string fromKey, DateOnly? from, string toKey, DateOnly? to)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(l);
        foreach (var (key, label) in new[] { (fromKey, "From"), (toKey, "To") })
        {
            // A date the binder could not read gets a message that names the field and the format.
            if (modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 && !string.IsNullOrEmpty(entry.AttemptedValue))
            {
                entry.Errors.Clear();
                modelState.AddModelError(key, l["Enter {0} as a date in the form YYYY-MM-DD, for example 2026-04-01.", l[label]]);
            }
        }

        foreach (var (key, date) in new[] { (fromKey, from), (toKey, to) })
        {
            if (date is { } d && (d < Earliest || d > Latest))
            {
                modelState.AddModelError(key, l["Enter a date from {0} to {1}.",
                    Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
            }
        }

        if (from is { } f && to is { } t && f > t)
        {
            modelState.AddModelError(toKey, l["The end date must be on or after the start date."]);
        }

        return modelState.IsValid;
    }
}
