using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Shishin.Core;
using Shishin.Core.CitizenFeedback;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Services.Feedback;

/// <summary>
/// <c>GET /api/v1/services/{key}/feedback/summary</c>: a service's satisfaction figures per Tokyo month, for the QOS
/// dashboard and anyone who may see the service (anonymous callers: public services only; an internal service answers
/// 404 to whoever may not see it, as an unknown key). Every month of the range is present; one without feedback has a
/// count of 0 and null rates — not measured, never 0% or 100%.
/// </summary>
public static class FeedbackSummaryApi
{
    public static void MapFeedbackSummaryApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/services/{key}/feedback/summary", SummaryAsync)
            .WithTags("Feedback")
            .AllowAnonymous()
            .WithName("GetFeedbackSummary")
            .WithSummary("A service's feedback per month (Japan time) from ?from=YYYY-MM to ?to=YYYY-MM (both included; by default the last 12 months up to this one; at most 120 months): count, mean rating (1-5), CSAT (share of ratings 4 and 5, 0-1), task completion rate (share who completed their task, 0-1) and the count of each rating. A month without feedback has count 0 and null rates (not measured).")
            .Produces<FeedbackSummaryDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<FeedbackSummaryDto>, ValidationProblem, ProblemHttpResult>> SummaryAsync(
        string key, string? from, string? to, ServiceRegistry registry, ServiceAccess access, FeedbackFigures figures, TimeProvider clock,
        HttpContext context, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var today = JapanTime.Today(clock);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var last = Month(to, "to", errors) ?? thisMonth;
        var first = Month(from, "from", errors) ?? last.AddMonths(-11);
        if (errors.Count == 0 && first > last)
        {
            errors["to"] = ["The last month must be the first month or later."];
        }
        else if (errors.Count == 0 && (last.Year - first.Year) * 12 + last.Month - first.Month >= FeedbackFigures.MaxMonths)
        {
            errors["from"] = [string.Create(CultureInfo.InvariantCulture, $"Ask for at most {FeedbackFigures.MaxMonths} months at once.")];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var scope = await access.ScopeAsync(context.User.ToViewer(), ct);
        var service = await registry.FindAsync(key, ct);
        if (service is null || !scope.CanSee(service))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Service not found",
                detail: key.Length <= ServiceRules.KeyMaxLength ? $"No service you can see has the key '{key}'." : "There is no such service.");
        }

        var months = await figures.MonthlyAsync(service.Id, first, last, ct);
        return TypedResults.Ok(new FeedbackSummaryDto(service.Key, FeedbackLabels.Month(first), FeedbackLabels.Month(last),
            [.. months.Select(FeedbackMonthDto.From)]));
    }

    private static DateOnly? Month(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length == 7 && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            && month.Year is >= 2000 and <= 2999)
        {
            return month;
        }

        errors[field] = ["Give a month as YYYY-MM, from 2000-01 to 2999-12."];
        return null;
    }
}

/// <summary>A service's feedback figures per month.</summary>
/// <param name="Service">The service's key.</param>
/// <param name="From">The first month (YYYY-MM, Japan time).</param>
/// <param name="To">The last month (YYYY-MM, Japan time).</param>
/// <param name="Months">Every month from the first to the last, oldest first.</param>
public sealed record FeedbackSummaryDto(string Service, string From, string To, IReadOnlyList<FeedbackMonthDto> Months);

/// <summary>One month's feedback; the rates are null when the count is 0 (not measured).</summary>
/// <param name="Month">YYYY-MM, Japan time.</param>
/// <param name="Count">Submissions received.</param>
/// <param name="MeanRating">The mean rating, 1 to 5.</param>
/// <param name="Csat">The share (0 to 1) of ratings of 4 or 5.</param>
/// <param name="CompletionRate">The share (0 to 1) of people who said they completed their task.</param>
/// <param name="Ratings">How many gave each rating: one, two, three, four, five.</param>
/// <param name="Completed">Said they completed their task.</param>
/// <param name="PartlyCompleted">Said they partly completed it.</param>
/// <param name="NotCompleted">Said they did not complete it.</param>
public sealed record FeedbackMonthDto(string Month, int Count, double? MeanRating, double? Csat, double? CompletionRate, FeedbackRatingsDto Ratings,
    int Completed, int PartlyCompleted, int NotCompleted)
{
    internal static FeedbackMonthDto From(FeedbackPeriod period) => new(
        FeedbackLabels.Month(period.Start), period.Count, Round(period.MeanRating), Round(period.Csat), Round(period.CompletionRate),
        new FeedbackRatingsDto(period.Rating1, period.Rating2, period.Rating3, period.Rating4, period.Rating5),
        period.Completed, period.PartlyCompleted, period.NotCompleted);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;
}

/// <summary>The count of each rating in a month.</summary>
public sealed record FeedbackRatingsDto(int One, int Two, int Three, int Four, int Five);
