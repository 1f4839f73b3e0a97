using System.Buffers;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Localization;
using Microsoft.OpenApi;
using Shishin.Core.CitizenFeedback;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Feedback;

/// <summary>
/// The body of <c>POST /api/v1/services/{key}/feedback</c>, for the OpenAPI document only: the endpoint reads the fields
/// itself (<see cref="FeedbackJson"/>) and <see cref="FeedbackValidator"/> decides, so these attributes describe the
/// rules and never enforce them. The allowed values of the string fields are added by
/// <see cref="FeedbackApi.DescribeRequestAsync"/>.
/// </summary>
public sealed record FeedbackRequest(
    [property: Range(1, 5), Description("1 (very dissatisfied) to 5 (very satisfied).")] int Rating,
    [property: Description("Could the person do what they came to do?")] string TaskCompleted,
    [property: MaxLength(FeedbackApi.MaxReasons), Description("Codes from the fixed list (docs/feedback.md), each at most once.")] IReadOnlyList<string>? Reasons,
    [property: MaxLength(Core.CitizenFeedback.Feedback.MaxCommentLength),
        Description("Free text, trimmed; personal data is redacted before it is stored. Length in UTF-16 code units.")] string? Comment,
    [property: Description("The language the person used; ja when not given.")] string? Language,
    [property: MaxLength(Core.CitizenFeedback.Feedback.MaxPagePathLength),
        Description("The path of the page the feedback is about, starting with a single /; a query and a fragment are dropped.")] string? PagePath,
    [property: Description("widget when sent by widget.js; anything else is recorded as the API.")] string? Source);

/// <summary>The answer to an accepted submission: its id, committed before this is sent.</summary>
public sealed record FeedbackAccepted(Guid Id);

/// <summary>
/// The public intake API (issue 15, docs/feedback.md): anonymous, JSON only, callable from the browser on the service's
/// own registered origins (CORS without credentials). Every refusal is problem details; no error quotes a field's value.
/// </summary>
public static class FeedbackApi
{
    /// <summary>16 KB: a full comment in Japanese (2,000 characters × 3 bytes) and the rest, with room to spare.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>Each reason at most once, so at most as many as there are.</summary>
    internal const int MaxReasons = 11;

    public static void MapFeedbackApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var feedback = api.MapGroup("/services/{key}/feedback").WithTags("Feedback").AllowAnonymous()
            // Its own per-client token bucket (FeedbackClientLimits) instead of the site's anonymous POST limit.
            .DisableRateLimiting();

        feedback.MapPost("", SubmitAsync)
            .WithName("SubmitFeedback")
            .WithSummary("Sends one person's feedback on a public service. Answers 202 with the id only after the submission is committed. Callable from the service's registered origins (CORS). Body at most 16 KB; fields in docs/feedback.md.")
            .AddOpenApiOperationTransformer(JsonBody)
            .Produces<FeedbackAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        feedback.MapMethods("", [HttpMethods.Options], PreflightAsync)
            .WithName("SubmitFeedbackPreflight")
            .ExcludeFromDescription();
    }

    private static async Task JsonBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var schema = await context.GetOrCreateSchemaAsync(typeof(FeedbackRequest), null, ct);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { ["application/json"] = new() { Schema = schema } },
        };
        foreach (var status in new[] { "429", "503" })
        {
            if (operation.Responses?.TryGetValue(status, out var answer) == true && answer is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                response.Headers["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before sending again. Listed in Access-Control-Expose-Headers for registered origins.",
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
                };
            }
        }
    }

    /// <summary>
    /// A schema transformer (registered in <see cref="FeedbackWebExtensions"/>) that lists the allowed values of
    /// <see cref="FeedbackRequest"/>'s string fields from the lists the validator uses, so the document cannot drift from them.
    /// </summary>
    internal static Task DescribeRequestAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonTypeInfo.Type != typeof(FeedbackRequest) || schema.Properties is not { } properties)
        {
            return Task.CompletedTask;
        }

        static void Allow(IOpenApiSchema? property, IEnumerable<string> values)
        {
            if (property is OpenApiSchema inline)
            {
                inline.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
            }
        }

        IOpenApiSchema? Property(string name) => properties.TryGetValue(name, out var property) ? property : null;
        Allow(Property("taskCompleted"), ["yes", "partly", "no"]);
        Allow(Property("language"), ["ja", "en"]);
        if (Property("reasons") is OpenApiSchema reasons)
        {
            reasons.UniqueItems = true;
            Allow(reasons.Items, FeedbackReasons.All.Select(r => r.Code));
        }

        schema.Required = new HashSet<string>(StringComparer.Ordinal) { "rating", "taskCompleted" };
        return Task.CompletedTask;
    }

    private static async Task<IResult> PreflightAsync(string key, HttpContext context, FeedbackTargets targets, IStringLocalizer<SharedResource> l)
    {
        var target = await targets.FindAsync(key, context.RequestAborted);
        var origin = context.Request.Headers.Origin.ToString();
        context.Response.Headers.Vary = "Origin";
        if (target is not { AcceptsFeedback: true } || !target.AllowsOrigin(origin)
            || !string.Equals(context.Request.Headers.AccessControlRequestMethod, HttpMethods.Post, StringComparison.Ordinal))
        {
            return ForeignOrigin(l);
        }

        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = origin;
        headers.AccessControlAllowMethods = "POST";
        headers.AccessControlAllowHeaders = "Content-Type";
        headers.AccessControlMaxAge = "600";
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SubmitAsync(
        string key, HttpContext context, FeedbackTargets targets, FeedbackClientLimits limits, FeedbackIntake intake, IStringLocalizer<SharedResource> l)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.Vary = "Origin";
        var origin = request.Headers.Origin.ToString();
        var client = FeedbackIntake.ClientOf(context);

        // Before anything that may read the database, so that guessing keys is limited too.
        if (limits.Refuse(client) is { } wait)
        {
            if (targets.Cached(key) is { } known && known.AllowsOrigin(origin))
            {
                response.Headers.AccessControlAllowOrigin = origin;
                response.Headers.AccessControlExposeHeaders = "Retry-After";
            }

            ShishinRateLimiting.SetRetryAfter(response, wait);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: l["Too many submissions"],
                detail: l["Please wait a little before sending more feedback."]);
        }

        var target = await targets.FindAsync(key, context.RequestAborted);
        if (target is not { AcceptsFeedback: true })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: l["Service not found"],
                detail: l["There is no public service with this key that takes feedback."]);
        }

        // A browser sends Origin with every cross-origin POST; a page elsewhere may not file feedback for this service.
        // Without Origin the caller is not a browser (a server, curl), which CORS does not concern.
        if (origin.Length > 0 && !IsOwnOrigin(request, origin))
        {
            if (!target.AllowsOrigin(origin))
            {
                return ForeignOrigin(l);
            }

            response.Headers.AccessControlAllowOrigin = origin;
            // So that the widget can say when to try again after a 429 or 503.
            response.Headers.AccessControlExposeHeaders = "Retry-After";
        }

        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: l["Send the body as JSON."],
                detail: l["Use the content type application/json."]);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(MaxBodyBytes + 1);
        try
        {
            var length = await ReadBodyAsync(context, buffer);
            if (length is null)
            {
                return TooLarge(l);
            }

            if (FeedbackJson.Read(buffer.AsMemory(0, length.Value)) is not { } read)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["body"] = [l["Send a JSON object."]] },
                    title: l["Some fields are not valid."]);
            }

            var result = await intake.SubmitAsync(target, read.Submission, read.TypeErrors, read.Honeypot, client, read.Source);
            switch (result.Outcome)
            {
                case IntakeOutcome.Accepted:
                    return TypedResults.Json(new FeedbackAccepted(result.Id), statusCode: StatusCodes.Status202Accepted);
                case IntakeOutcome.Invalid:
                    return TypedResults.ValidationProblem(FeedbackMessages.ByField(l, result.Errors), title: l["Some fields are not valid."]);
                default:
                    ShishinRateLimiting.SetRetryAfter(response, result.RetryAfter);
                    return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: l["Feedback cannot be received right now"],
                        detail: l["Nothing was saved. Please send it again in a few seconds."]);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Reads the body into <paramref name="buffer"/>: a declared length over the limit is refused before reading, and
    /// the limit is enforced while reading (chunked bodies, lying lengths). Null when too large.
    /// </summary>
    internal static async Task<int?> ReadBodyAsync(HttpContext context, byte[] buffer)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBodyBytes;
        }

        var total = 0;
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer.AsMemory(total, buffer.Length - total), context.RequestAborted)) > 0)
            {
                total += read;
                if (total > MaxBodyBytes)
                {
                    return null;
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return total;
    }

    private static ProblemHttpResult TooLarge(IStringLocalizer l) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: l["The submission is too large"],
            detail: string.Format(CultureInfo.CurrentCulture, l["Send at most {0} KB."], MaxBodyBytes / 1024));

    /// <summary>A page of Shishin itself (the demo pages) posts from the same origin, which CORS does not concern.</summary>
    private static bool IsOwnOrigin(HttpRequest request, string origin) =>
        FeedbackTargets.NormalizeOrigin(origin) is { } normalized
        && string.Equals(normalized, FeedbackTargets.NormalizeOrigin($"{request.Scheme}://{request.Host}"), StringComparison.Ordinal);

    private static ProblemHttpResult ForeignOrigin(IStringLocalizer l) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: l["This site may not send feedback for this service"],
            detail: l["The page's origin is not registered for this service."]);
}
