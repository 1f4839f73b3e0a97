namespace Shishin.Core.CitizenFeedback;

/// <summary>
/// Checks a submission field by field and reports every bad field at once; a valid one comes back with personal data
/// redacted from its comment and page path, so the raw text goes no further than this method.
/// </summary>
public static class FeedbackValidator
{
    public static class Fields
    {
        public const string Rating = "rating";
        public const string TaskCompleted = "taskCompleted";
        public const string Reasons = "reasons";
        public const string Comment = "comment";
        public const string Language = "language";
        public const string PagePath = "pagePath";
    }

    /// <summary>
    /// Validates <paramref name="submission"/>; <paramref name="typeErrors"/> are fields the caller could not read (a
    /// string where a number belongs), reported with the rest.
    /// </summary>
    public static (ValidFeedback? Feedback, IReadOnlyList<FeedbackFieldError> Errors) Validate(
        FeedbackSubmission submission, IReadOnlyCollection<FeedbackFieldError>? typeErrors = null)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var errors = new List<FeedbackFieldError>(typeErrors ?? []);
        bool Unread(string field) => !errors.Exists(e => e.Field == field);

        if (submission.Rating is not { } rating)
        {
            if (Unread(Fields.Rating))
            {
                errors.Add(new(Fields.Rating, FeedbackProblem.Required));
            }
        }
        else if (rating is < 1 or > 5)
        {
            errors.Add(new(Fields.Rating, FeedbackProblem.OutOfRange));
        }

        var completion = FeedbackTaskCompletion.No;
        if (submission.TaskCompleted is not { } task)
        {
            if (Unread(Fields.TaskCompleted))
            {
                errors.Add(new(Fields.TaskCompleted, FeedbackProblem.Required));
            }
        }
        else if (ParseCompletion(task) is { } parsed)
        {
            completion = parsed;
        }
        else
        {
            errors.Add(new(Fields.TaskCompleted, FeedbackProblem.UnknownValue));
        }

        var reasons = submission.Reasons ?? [];
        if (reasons.Count > FeedbackReasons.All.Count)
        {
            errors.Add(new(Fields.Reasons, FeedbackProblem.TooMany));
        }
        else if (reasons.Any(r => !FeedbackReasons.IsKnown(r)))
        {
            errors.Add(new(Fields.Reasons, FeedbackProblem.UnknownValue));
        }
        else if (reasons.Distinct(StringComparer.Ordinal).Count() != reasons.Count)
        {
            errors.Add(new(Fields.Reasons, FeedbackProblem.Duplicate));
        }

        var comment = string.IsNullOrWhiteSpace(submission.Comment) ? null : submission.Comment.Trim();
        if (comment is { Length: > Feedback.MaxCommentLength })
        {
            errors.Add(new(Fields.Comment, FeedbackProblem.TooLong));
        }

        var language = submission.Language ?? "ja";
        if (language is not ("ja" or "en"))
        {
            errors.Add(new(Fields.Language, FeedbackProblem.UnknownValue));
        }

        var path = PathOnly(submission.PagePath);
        if (path is not null)
        {
            if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.Any(char.IsControl))
            {
                errors.Add(new(Fields.PagePath, FeedbackProblem.NotAPath));
            }
            else if (path.Length > Feedback.MaxPagePathLength)
            {
                errors.Add(new(Fields.PagePath, FeedbackProblem.TooLong));
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        // Redaction may lengthen a text a little (a placeholder for a short number); the columns allow twice the limit.
        return (new ValidFeedback(
            submission.Rating!.Value,
            completion,
            string.Join(' ', reasons),
            comment is null ? null : PersonalDataRedactor.Redact(comment).Text,
            language,
            path is null ? null : Truncate(PersonalDataRedactor.Redact(path).Text, Feedback.MaxPagePathLength)), []);
    }

    public static FeedbackTaskCompletion? ParseCompletion(string value) => value switch
    {
        "yes" => FeedbackTaskCompletion.Yes,
        "partly" => FeedbackTaskCompletion.Partly,
        "no" => FeedbackTaskCompletion.No,
        _ => null,
    };

    /// <summary>The path without query and fragment, which may carry tokens or personal data; null for none.</summary>
    private static string? PathOnly(string? pagePath)
    {
        if (string.IsNullOrEmpty(pagePath))
        {
            return null;
        }

        var end = pagePath.AsSpan().IndexOfAny('?', '#');
        return end < 0 ? pagePath : pagePath[..end];
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
