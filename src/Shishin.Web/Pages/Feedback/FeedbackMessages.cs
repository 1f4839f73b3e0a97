using Microsoft.Extensions.Localization;
using Shishin.Core.CitizenFeedback;

namespace Shishin.Web.Pages.Feedback;

/// <summary>The localised message for each field problem (the same for the API and the form); never quotes a value.</summary>
public static class FeedbackMessages
{
    public static string Message(IStringLocalizer l, FeedbackFieldError error)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(error);
        return (error.Field, error.Problem) switch
        {
            (_, FeedbackProblem.WrongType) => l["This is not valid JSON or not a value of the right type."],
            (FeedbackValidator.Fields.Rating, _) => l["Choose a rating from 1 to 5."],
            (FeedbackValidator.Fields.TaskCompleted, _) => l["Say whether you could do what you came to do: yes, partly or no."],
            (FeedbackValidator.Fields.Reasons, FeedbackProblem.TooMany or FeedbackProblem.Duplicate) => l["Choose each reason at most once."],
            (FeedbackValidator.Fields.Reasons, _) => l["Choose reasons from the list."],
            (FeedbackValidator.Fields.Comment, _) => l["Write at most 2,000 characters."],
            (FeedbackValidator.Fields.Language, _) => l["The language must be ja or en."],
            (FeedbackValidator.Fields.PagePath, FeedbackProblem.TooLong) => l["The page path must be at most 512 characters."],
            (FeedbackValidator.Fields.PagePath, _) => l["The page path must start with a single /."],
            _ => l["This value is not valid."],
        };
    }

    public static Dictionary<string, string[]> ByField(IStringLocalizer l, IEnumerable<FeedbackFieldError> errors) =>
        errors.GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => Message(l, e)).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
}
