using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Localization;
using Microsoft.OpenApi;
using Shishin.Core.Services;
using Shishin.Web.Endpoints;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Services;

/// <summary>
/// Writes to the register under <c>/api/v1</c> for signed-in people and key-holding clients, with the caller's own
/// rights (<see cref="ServiceScope"/>). Bodies are JSON only: a form post cannot reach these endpoints from another
/// site (it cannot send <c>application/json</c> without a CORS preflight), which is why they need no antiforgery token.
/// Every refusal is RFC 9457 problem details; field errors are keyed by the JSON property names.
/// </summary>
public static class ServiceWriteApi
{

    public static void MapServiceWriteApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var services = api.MapGroup("/services").WithTags("Services").RequireAuthorization(Policies.ApiWrite);

        services.MapPost("", CreateAsync)
            .WithName("CreateService")
            .WithSummary("Adds a service to the register. Admins add to any organisation, service owners to their own. Answers 201 with the service and its address.")
            .AddOpenApiOperationTransformer(JsonBody<ServiceWriteRequest>)
            .Produces<ServiceDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        services.MapPut("/{key}", UpdateAsync)
            .WithName("UpdateService")
            .WithSummary("Replaces a service's details (the key stays). Send the revision you read: if someone changed the service since, the answer is 409 with the current service in 'current'. A different phase is recorded as a change dated today.")
            .AddOpenApiOperationTransformer(JsonBody<ServiceWriteRequest>)
            .Produces<ServiceDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        services.MapPut("/{key}/kpis/{fiscalYear:int}", SaveKpiAsync)
            .WithName("SaveServiceKpi")
            .WithSummary("Adds or replaces the procedure KPIs of one fiscal year (named by the year it starts, 2000 to 2100). Send the year's revision you read, or none for a new year; a stale one answers 409 with the current figures in 'current'.")
            .AddOpenApiOperationTransformer(JsonBody<KpiWriteRequest>)
            .Produces<KpiDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    /// <summary>
    /// Describes the JSON body in the OpenAPI document. Not <c>Accepts</c>: that makes routing answer another media type
    /// (415, or 405 for PUT) before authentication, so an anonymous caller would not learn that it must sign in.
    /// </summary>
    private static async Task JsonBody<T>(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, ct);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { ["application/json"] = new() { Schema = schema } },
        };
    }

    private static async Task<IResult> CreateAsync(HttpContext context, ServiceRegistry registry, ServiceAccess access, IStringLocalizer<SharedResource> l)
    {
        var ct = context.RequestAborted;
        var scope = await access.ScopeAsync(context.User.ToViewer(), ct);
        if (!(scope.Viewer.IsAdmin || (scope.Viewer.IsServiceOwner && scope.OwnedOrganizationIds.Count > 0)))
        {
            return NoRight(l);
        }

        var (body, problem) = await JsonRequestBody.ReadAsync<ServiceWriteRequest>(context, l);
        if (problem is not null)
        {
            return problem;
        }

        var result = await registry.CreateAsync(ToInput(body!, body!.Key), scope, ct);
        return result.Outcome switch
        {
            RegistryOutcome.Saved => TypedResults.Created($"{context.Request.PathBase}{context.Request.Path}/{Uri.EscapeDataString(result.Value!.Key)}", ServiceDto.From(result.Value)),
            RegistryOutcome.Forbidden => NoRight(l),
            _ => Invalid(l, result.Errors),
        };
    }

    private static async Task<IResult> UpdateAsync(string key, HttpContext context, ServiceRegistry registry, ServiceAccess access, IStringLocalizer<SharedResource> l)
    {
        var ct = context.RequestAborted;
        var scope = await access.ScopeAsync(context.User.ToViewer(), ct);
        if (await RefusalAsync(key, registry, scope, l, ct) is { } refused)
        {
            return refused;
        }

        var (body, problem) = await JsonRequestBody.ReadAsync<ServiceWriteRequest>(context, l);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body!.Revision is null)
        {
            errors["revision"] = [l["Send the revision of the service you read."]];
        }

        if (body.Key is { } bodyKey && !string.Equals(bodyKey.Trim(), key, StringComparison.Ordinal))
        {
            errors["key"] = [l["The key of a service cannot be changed."]];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: l["Some fields are not valid."]);
        }

        var result = await registry.UpdateAsync(key, ToInput(body, key), body.Revision!.Value, scope, ct);
        return result.Outcome switch
        {
            RegistryOutcome.Saved => TypedResults.Ok(ServiceDto.From(result.Value!)),
            RegistryOutcome.Conflict when result.Value is { } current => Conflict(l, l["Someone else changed this service in the meantime."], ServiceDto.From(current)),
            RegistryOutcome.Forbidden => NoRight(l),
            RegistryOutcome.NotFound or RegistryOutcome.Conflict => NotFound(l),
            _ => Invalid(l, result.Errors),
        };
    }

    private static async Task<IResult> SaveKpiAsync(string key, int fiscalYear, HttpContext context, ServiceRegistry registry, ServiceAccess access, IStringLocalizer<SharedResource> l)
    {
        var ct = context.RequestAborted;
        var scope = await access.ScopeAsync(context.User.ToViewer(), ct);
        if (await RefusalAsync(key, registry, scope, l, ct) is { } refused)
        {
            return refused;
        }

        var (body, problem) = await JsonRequestBody.ReadAsync<KpiWriteRequest>(context, l);
        if (problem is not null)
        {
            return problem;
        }

        var input = new KpiInput(fiscalYear, body!.AnnualApplications, body.DigitalApplications, body.MedianCompletionMinutes,
            body.InputItems, body.AttachmentsRequired, body.DaysToResultNotice);
        var result = await registry.SaveKpiAsync(key, input, body.Revision, scope, ct);
        return result.Outcome switch
        {
            RegistryOutcome.Saved => TypedResults.Ok(KpiDto.From(result.Value!)),
            RegistryOutcome.Conflict => Conflict(l, l["Someone else changed the figures of this year in the meantime."], result.Value is { } current ? KpiDto.From(current) : null),
            RegistryOutcome.Forbidden => NoRight(l),
            RegistryOutcome.NotFound => NotFound(l),
            _ => Invalid(l, result.Errors),
        };
    }

    /// <summary>404 for a service the caller may not see (as for one that does not exist), 403 for one they see but may not change.</summary>
    private static async Task<IResult?> RefusalAsync(string key, ServiceRegistry registry, ServiceScope scope, IStringLocalizer l, CancellationToken ct)
    {
        var service = await registry.FindAsync(key, ct);
        return service is null || !scope.CanSee(service) ? NotFound(l)
            : !scope.CanEdit(service) ? NoRight(l)
            : null;
    }

    private static ServiceInput ToInput(ServiceWriteRequest body, string? key) => new(
        key ?? "",
        body.Name?.Ja ?? "",
        body.Name?.En ?? "",
        body.Description?.Ja ?? "",
        body.Description?.En ?? "",
        body.Organization ?? "",
        body.Partners ?? [],
        body.EntryUrls ?? [],
        body.Audience ?? "",
        body.Channel ?? "",
        body.Public ?? false,
        body.Phase);

    /// <summary>
    /// Reads a JSON body; anything else is answered here: another media type 415, malformed JSON or a value of the wrong
    /// type 400 naming the field (from the reader's path, e.g. <c>$.partners[0]</c> → <c>partners[0]</c>).
    /// </summary>
    private static ValidationProblem Invalid(IStringLocalizer l, IEnumerable<ServiceError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => ServiceMessages.JsonField(e.Field), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => ServiceMessages.Message(l, e)).ToArray(), StringComparer.Ordinal),
            title: l["Some fields are not valid."]);

    private static ProblemHttpResult Conflict(IStringLocalizer l, string detail, object? current) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: l["Changed by someone else"], detail: detail,
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["current"] = current });

    private static ProblemHttpResult NoRight(IStringLocalizer l) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: l["You may not change this"],
            detail: l["Your account has no right to make this change."]);

    private static ProblemHttpResult NotFound(IStringLocalizer l) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: l["Service not found"], detail: l["There is no service with this key."]);
}
