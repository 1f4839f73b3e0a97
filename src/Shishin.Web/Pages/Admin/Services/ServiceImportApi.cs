using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Admin.Services;

/// <summary>
/// <c>POST /api/v1/services/import?dryRun=true|false</c>: the service CSV of docs/service-csv.md as a <c>text/csv</c> body
/// of up to 5 MB, imported with the caller's own rights (Admin anything, ServiceOwner their organisations' services).
/// Only <c>text/csv</c> is accepted: besides saying what the body is, a browser cannot send it across sites without a
/// CORS preflight, so a signed-in person's cookie cannot be used by another site to import.
/// </summary>
public static class ServiceImportApi
{
    public static void MapServiceImportApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/services/import", ImportAsync)
            .RequireAuthorization(Policies.ApiWrite)
            // Read by the request body limit middleware: the default limit is far smaller than a register's CSV.
            .WithMetadata(new RequestSizeLimitAttribute(ServiceCsv.MaxBytes))
            .WithName("ImportServices")
            // No Accepts("text/csv"): routing would answer 415 before authentication, so an anonymous caller would never
            // learn that it must sign in. The handler checks the media type itself.
            .WithSummary("Create and update services from a CSV body (Content-Type: text/csv, docs/service-csv.md). ?dryRun=true checks every row and changes nothing; otherwise nothing is imported while any row has a problem (422 lists them with their lines).")
            .Produces<ServiceImportResultDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> ImportAsync(
        HttpContext context, string? dryRun, ServiceAccess access, ServiceCsvImporter importer, CancellationToken cancellationToken)
    {
        var scope = await access.ScopeAsync(context.User.ToViewer(), cancellationToken);
        if (!(scope.Viewer.IsAdmin || scope.Viewer.IsServiceOwner))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed to import services",
                detail: "Administrators and service owners import services.");
        }

        bool dry;
        if (string.IsNullOrEmpty(dryRun))
        {
            dry = false;
        }
        else if (!bool.TryParse(dryRun, out dry))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["dryRun"] = ["dryRun is true or false."] });
        }

        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "Send the CSV file as the body with Content-Type: text/csv. Its encoding (UTF-8 or Shift_JIS) is recognised from the bytes.");
        }

        var content = await ReadAsync(context.Request, cancellationToken);
        if (content is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large",
                detail: $"A CSV file of at most {ServiceCsv.MaxBytes / (1024 * 1024)} MB is accepted; split larger registers into several files.");
        }

        var report = await importer.ImportAsync(content, scope, dry, cancellationToken);
        var errors = report.Errors.Select(e => new ServiceImportErrorDto(e.Line, e.Column, ToCode(e.Problem), e.Message)).ToList();
        if (!report.IsValid)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The file has problems",
                detail: $"{errors.Count} problem(s); nothing was imported.",
                extensions: new Dictionary<string, object?>
                {
                    ["errors"] = errors,
                    ["created"] = report.Created,
                    ["updated"] = report.Updated,
                });
        }

        return TypedResults.Ok(new ServiceImportResultDto(report.DryRun, report.Applied, report.Created, report.Updated, report.Unchanged, errors));
    }

    /// <summary>The body, or null when it is larger than the limit (whatever Content-Length said).</summary>
    private static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > ServiceCsv.MaxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }

    // Stable codes that clients can switch on: the problem's name in kebab case (unknown-organization).
    private static string ToCode(ServiceCsvProblem problem) =>
        string.Concat(problem.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
