using Microsoft.Extensions.Options;
using Shishin.Core.CitizenFeedback;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Feedback;

/// <summary>How the intake answered a submission.</summary>
public enum IntakeOutcome
{
    /// <summary>Committed (or, for the honeypot and a repeat, answered as if): 202 / the thank-you page.</summary>
    Accepted,

    /// <summary>Fields are bad: 400 naming them / the form with field messages.</summary>
    Invalid,

    /// <summary>The queue is full or the batch failed: 503 with Retry-After. Nothing was stored.</summary>
    Unavailable,
}

public sealed record IntakeResult(IntakeOutcome Outcome, Guid Id, IReadOnlyList<FeedbackFieldError> Errors, TimeSpan RetryAfter);

/// <summary>
/// What the JSON API and the plain form share once the service and the client's rate are settled: validation (which
/// redacts), the honeypot, repeat suppression and the group-commit writer. The raw comment goes no further than
/// <see cref="FeedbackValidator"/>; nothing here logs a field.
/// </summary>
public sealed class FeedbackIntake(FeedbackWriter writer, RecentComments recent, TimeProvider clock, IOptions<FeedbackOptions> options)
{
    /// <summary>The honeypot: a field people do not see (hidden from sight and from assistive technology) but form-filling bots do.</summary>
    public const string HoneypotField = "website";

    public async Task<IntakeResult> SubmitAsync(
        FeedbackTarget target, FeedbackSubmission submission, IReadOnlyCollection<FeedbackFieldError> typeErrors, bool honeypotFilled,
        string client, FeedbackSource source)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(client);
        if (honeypotFilled)
        {
            // Answered like a real submission, so the bot learns nothing; not stored (docs/feedback.md).
            return Accepted(Guid.CreateVersion7());
        }

        var (valid, errors) = FeedbackValidator.Validate(submission, typeErrors);
        if (valid is null)
        {
            return new IntakeResult(IntakeOutcome.Invalid, Guid.Empty, errors, TimeSpan.Zero);
        }

        if (valid.Comment is { } comment && !recent.TryRemember(client, target.ServiceId, comment))
        {
            return Accepted(Guid.CreateVersion7());
        }

        var feedback = new Core.CitizenFeedback.Feedback
        {
            ServiceId = target.ServiceId,
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
            Rating = valid.Rating,
            TaskCompleted = valid.TaskCompleted,
            Reasons = valid.Reasons,
            Comment = valid.Comment,
            Language = valid.Language,
            PagePath = valid.PagePath,
            Source = source,
        };
        var outcome = await writer.WriteAsync(feedback);
        if (outcome == FeedbackWriteOutcome.Committed)
        {
            return Accepted(feedback.Id);
        }

        if (valid.Comment is { } unsaved)
        {
            recent.Forget(client, target.ServiceId, unsaved);
        }

        return new IntakeResult(IntakeOutcome.Unavailable, Guid.Empty, [], TimeSpan.FromSeconds(options.Value.Queue.RetryAfterSeconds));
    }

    public static string ClientOf(HttpContext context) => ShishinRateLimiting.ClientKey(context);

    private static IntakeResult Accepted(Guid id) => new(IntakeOutcome.Accepted, id, [], TimeSpan.Zero);
}
