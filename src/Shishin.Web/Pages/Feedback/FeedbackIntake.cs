using Microsoft.Extensions.Options;
using Shishin.Core.CitizenFeedback;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Feedback;

/// <summary>How the intake answered a submission.</summary>
public enum IntakeOutcome
{
    /// <summary>
    /// Committed: 202 / the thank-you page. A repeat is answered with the id of the same submission stored earlier; only
    /// the honeypot is answered as if accepted (a fresh id, nothing stored), as only bots fill it.
    /// </summary>
    Accepted,

    /// <summary>Fields are bad: 400 naming them / the form with field messages.</summary>
    Invalid,

    /// <summary>The queue is full or the batch failed: 503 with Retry-After. Nothing was stored.</summary>
    Unavailable,
}

public sealed record IntakeResult(IntakeOutcome Outcome, Guid Id, IReadOnlyList<FeedbackFieldError> Errors, TimeSpan RetryAfter);

/// <summary>
/// What the JSON API and the plain form share once the service and the client's rate are settled: validation (which
/// redacts), the honeypot, repeat suppression (<see cref="RecentSubmissions"/>) and the group-commit writer. The raw
/// comment goes no further than <see cref="FeedbackValidator"/>; nothing here logs a field.
/// </summary>
public sealed class FeedbackIntake(FeedbackWriter writer, RecentSubmissions recent, TimeProvider clock, IOptions<FeedbackOptions> options)
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
            // Answered like a real submission, so the bot learns nothing, with an id that names no row: nothing is stored
            // or counted (docs/feedback.md). The one 202 whose id is not in the database; people never fill this field.
            return Accepted(Guid.CreateVersion7());
        }

        var (valid, errors) = FeedbackValidator.Validate(submission, typeErrors);
        if (valid is null)
        {
            return new IntakeResult(IntakeOutcome.Invalid, Guid.Empty, errors, TimeSpan.Zero);
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

        // Only submissions with a comment are checked for repeats: many people rate a service from one office's address.
        while (valid.Comment is not null)
        {
            var claim = recent.Claim(client, target.ServiceId, valid, feedback.Id);
            if (claim.Id == feedback.Id)
            {
                return await WriteAsync(feedback, claim);
            }

            // A repeat: answered with the id of the one stored, once it is committed, so that 202 + id still means "in
            // the database". If that one was not stored after all, its claim is gone and this one goes round to write itself.
            if (await claim.Stored)
            {
                return Accepted(claim.Id);
            }
        }

        return await WriteAsync(feedback, null);
    }

    private async Task<IntakeResult> WriteAsync(Core.CitizenFeedback.Feedback feedback, SubmissionClaim? claim)
    {
        var outcome = FeedbackWriteOutcome.Failed;
        try
        {
            outcome = await writer.WriteAsync(feedback);
        }
        finally
        {
            if (claim is not null)
            {
                recent.Settle(claim, outcome == FeedbackWriteOutcome.Committed);
            }
        }

        return outcome == FeedbackWriteOutcome.Committed
            ? Accepted(feedback.Id)
            : new IntakeResult(IntakeOutcome.Unavailable, Guid.Empty, [], TimeSpan.FromSeconds(options.Value.Queue.RetryAfterSeconds));
    }

    public static string ClientOf(HttpContext context) => ShishinRateLimiting.ClientKey(context);

    private static IntakeResult Accepted(Guid id) => new(IntakeOutcome.Accepted, id, [], TimeSpan.Zero);
}
