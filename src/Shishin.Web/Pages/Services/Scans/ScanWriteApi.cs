using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Shishin.Core.Auditing;
using Shishin.Core.Data;
using Shishin.Core.Scans;
using Shishin.Core.Services;
using Shishin.Web.Endpoints;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Services.Scans;

/// <summary>
/// Starting scans and storing uploaded reports under <c>/api/v1</c>, with the caller's own rights. Bodies are JSON
/// only, so another site cannot make a signed-in browser send them (no CORS preflight is granted); a key-holding client
/// may start a scan with no body at all, a signed-in browser must send one (<c>{}</c> for the profile as it is).
/// </summary>
public static class ScanWriteApi
{
    /// <summary>The largest report an upload takes (50 MiB); a larger body answers 413 before it is read.</summary>
    public const long MaxUploadBytes = 50L * 1024 * 1024;

    /// <summary>The most pages one on-demand run may be asked for.</summary>
    public const int MaxPagesLimit = 1000;

    /// <summary>The most start URLs one on-demand run may be given.</summary>
    public const int MaxStartUrls = 20;


    public static void MapScanWriteApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/services/{key}/scans").WithTags("Scans").RequireAuthorization(Policies.ApiWrite)
            .RequireRateLimiting(ShishinRateLimiting.ScanApiPolicy);

        group.MapPost("", RequestAsync)
            .WithName("RequestScan")
            .WithSummary("Queues a scan of the service now (the service team and admins). An optional JSON body {\"startUrls\": [...], \"maxPages\": N} overrides the profile for this run (absolute http or https URLs of public addresses unless the platform allows private networks, at most 20; 1 to 1000 pages). A service without a scan profile gets one, scanning its entry URLs with its schedule off. Answers 202 with the run's id and its address in Location; 409 while a run of the service is queued or running.")
            .AddOpenApiOperationTransformer(JsonBody<ScanRequestBody>(required: false))
            .Produces<ScanQueuedDto>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapPost("/upload", UploadAsync)
            // Read by the request body limit middleware, which sets Kestrel's limit for this request: the default is far smaller.
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .WithName("UploadScan")
            .WithSummary("Stores a JSON scan report (`shishin scan --format json`, docs/schemas/scan-report.schema.json) as a run of the service, marked uploaded with the uploader, exactly like a run of the platform's (the service team, its assigned partners and admins). A report that breaks the schema answers 400 naming the first bad place (a JSON Pointer such as /pages/0/findings/2/impact); one over 50 MiB answers 413. Answers 201 with the run's id and counts and its address in Location.")
            .AddOpenApiOperationTransformer(ReportBody)
            .Produces<ScanUploadedDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<IResult> RequestAsync(
        string key, HttpContext context, ServiceRegistry registry, ServiceAccess access, ScanDispatcher dispatcher, ScanRunQueries queries,
        AuditLog audit, ShishinDbContext db, LinkGenerator links, IOptions<ScanningOptions> scanning, IStringLocalizer<SharedResource> l)
    {
        var ct = context.RequestAborted;
        var scope = await access.ScopeAsync(context.User.ToViewer(), ct);
        var service = await registry.FindAsync(key, ct);
        if (service is null || !scope.CanSee(service))
        {
            return NotFound(l);
        }

        if (!scope.CanEdit(service))
        {
            return NoRight(l, l["Only the service team and administrators start scans of a service."]);
        }

        ScanRequestBody? body = null;
        if (context.Request.HasJsonContentType())
        {
            IResult? problem;
            (body, problem) = await JsonRequestBody.ReadAsync<ScanRequestBody>(context, l);
            if (problem is not null)
            {
                return problem;
            }
        }
        else if (HasBody(context.Request) || !ApiKeyAuthentication.IsKeyPrincipal(context.User))
        {
            // A signed-in browser must send JSON: a bodiless or form POST is what another site could make it send.
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: l["Send the body as JSON."],
                detail: l["Use the content type application/json; send {} to scan with the profile as it is."]);
        }

        var (overrides, errors) = Validate(body, l);
        if (overrides?.StartUrls is { Count: > 0 } startUrls)
        {
            // The form alone (no name lookup in a request): loopback, private and internal addresses are refused here, as
            // the run would refuse them, rather than queue a run that can only fail. Names are checked again by the run.
            var refused = await ScanOptionsFactory.RefusedStartUrlsAsync(startUrls, scanning.Value, resolve: false, ct);
            for (var i = 0; i < startUrls.Count; i++)
            {
                if (refused.Any(r => r.Target == startUrls[i].AbsoluteUri))
                {
                    errors[$"startUrls[{i}]"] = [l["Only public addresses are scanned: loopback, private and internal addresses are refused unless an administrator allows private networks (Scanning:AllowPrivateNetworks)."]];
                }
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: l["Some fields are not valid."]);
        }

        if (await queries.ActiveRunAsync(service.Id, ct) is { } active)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: l["A scan of this service is already queued or running"],
                detail: l["Wait for it to finish, or cancel it, before starting another."],
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["current"] = active.Id });
        }

        // A service without a profile gets one named as the profile form would name it, with its schedule off.
        var profile = await dispatcher.DefaultProfileAsync(service.Id, l["Public site"], ct);
        var run = await dispatcher.QueueAsync(profile, ScanTrigger.OnDemand, overrides, scope.Viewer.UserId, await RequesterAsync(context, db, ct), ct);
        await audit.RecordAsync("scan.requested", nameof(ScanRun), run.Id.ToString(),
            new { service = service.Key, startUrls = overrides?.StartUrls?.Select(u => u.AbsoluteUri), maxPages = overrides?.MaxPages }, ct);
        return TypedResults.Accepted(RunPath(links, context, run.Id), new ScanQueuedDto(run.Id));
    }

    private static async Task<IResult> UploadAsync(
        string key, HttpContext context, ServiceRegistry registry, ServiceAccess access, ScanRunService runs, AuditLog audit, ShishinDbContext db,
        LinkGenerator links, IStringLocalizer<SharedResource> l)
    {
        var ct = context.RequestAborted;
        var scope = await access.ScopeAsync(context.User.ToViewer(), ct);
        var service = await registry.FindAsync(key, ct);
        if (service is null || !scope.CanSee(service))
        {
            return NotFound(l);
        }

        // Vendors upload from their own pipelines: an assigned partner may, as the service team may.
        if (!scope.CanSelfAssess(service))
        {
            return NoRight(l, l["Only the service team, its assigned partners and administrators upload scans of a service."]);
        }

        if (!context.Request.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: l["Send the body as JSON."],
                detail: l["Send the JSON report of shishin scan --format json with the content type application/json."]);
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [""] = [l["The body is not valid JSON."]] },
                title: l["The report does not match the schema."], detail: l["The body is not valid JSON."]);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(l);
        }

        using (document)
        {
            if (ScanReportSchema.Validate(document.RootElement) is { } bad)
            {
                var path = bad.Path.Length == 0 ? "/" : bad.Path;
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]>(StringComparer.Ordinal) { [path] = [bad.Message] },
                    title: l["The report does not match the schema."],
                    detail: $"{path}: {bad.Message}",
                    extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["instancePath"] = path });
            }

            var run = await runs.RecordUploadAsync(service.Id, document.RootElement, scope.Viewer.UserId, await RequesterAsync(context, db, ct), ct);
            await audit.RecordAsync("scan.uploaded", nameof(ScanRun), run.Id.ToString(),
                new { service = service.Key, pages = run.Pages, violations = run.Violations, scanner = run.ScannerVersion }, ct);
            return TypedResults.Created(RunPath(links, context, run.Id), new ScanUploadedDto(run.Id, ScanApiJson.Word(run.Status), ScanCountsDto.From(run)));
        }
    }

    private static (ScanRunOverrides? Overrides, Dictionary<string, string[]> Errors) Validate(ScanRequestBody? body, IStringLocalizer l)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body is null || (body.StartUrls is null && body.MaxPages is null))
        {
            return (null, errors);
        }

        List<Uri>? urls = null;
        if (body.StartUrls is { } given)
        {
            if (given.Count is 0 or > MaxStartUrls)
            {
                errors["startUrls"] = [string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Give 1 to {0} start URLs, or leave startUrls out to use the profile's."], MaxStartUrls)];
            }

            urls = [];
            for (var i = 0; i < given.Count; i++)
            {
                if (given[i] is { Length: > 0 and <= 2048 } text && Uri.TryCreate(text, UriKind.Absolute, out var url)
                    && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) && url.UserInfo.Length == 0)
                {
                    urls.Add(url);
                }
                else
                {
                    errors[$"startUrls[{i}]"] = [l["Give an absolute http or https URL without a user name or password."]];
                }
            }
        }

        if (body.MaxPages is { } max && max is < 1 or > MaxPagesLimit)
        {
            errors["maxPages"] = [string.Format(System.Globalization.CultureInfo.CurrentCulture, l["The page limit is a whole number from 1 to {0}."], MaxPagesLimit)];
        }

        return (errors.Count > 0 ? null : new ScanRunOverrides(urls, body.MaxPages), errors);
    }

    /// <summary>Who asked, as the run shows it: the person's name, and for a key also the key's name.</summary>
    private static async Task<string> RequesterAsync(HttpContext context, ShishinDbContext db, CancellationToken ct)
    {
        var user = context.User;
        var name = user.FindFirst(ShishinClaims.DisplayName)?.Value is { Length: > 0 } display ? display
            : user.Identity?.Name ?? "";
        if (Guid.TryParse(user.FindFirst(ApiKeyAuthentication.KeyIdClaim)?.Value, out var keyId))
        {
            var keyName = await db.ApiKeys.AsNoTracking().Where(k => k.Id == keyId).Select(k => k.Name).FirstOrDefaultAsync(ct);
            name = $"{name} / {keyName ?? user.FindFirst(ApiKeyAuthentication.KeyPrefixClaim)?.Value}";
        }

        return name.Length <= 200 ? name : name[..200];
    }

    private static string RunPath(LinkGenerator links, HttpContext context, Guid id) =>
        links.GetPathByName(context, "GetScanRun", new { id }) ?? throw new InvalidOperationException("The GetScanRun endpoint is not mapped.");

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);

    /// <summary>Describes the JSON body in the OpenAPI document (not <c>Accepts</c>, which would answer 415 before authentication).</summary>
    private static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> JsonBody<T>(bool required) =>
        async (operation, context, ct) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, ct);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = required,
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { ["application/json"] = new() { Schema = schema } },
            };
        };

    private static Task ReportBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The JSON report, valid against " + Shishin.Scanning.Reports.JsonReport.SchemaId.AbsoluteUri,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { ["application/json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } } },
        };
        return Task.CompletedTask;
    }

    private static ProblemHttpResult TooLarge(IStringLocalizer l) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: l["The data sent is too large"], detail: l["A report may be at most 50 MiB."]);

    private static ProblemHttpResult NoRight(IStringLocalizer l, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: l["You may not change this"], detail: detail);

    private static ProblemHttpResult NotFound(IStringLocalizer l) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: l["Service not found"], detail: l["There is no service with this key."]);
}
