using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Shishin.Core.Catalog;

namespace Shishin.Web.Pages.Catalog;

/// <summary>
/// The guideline catalogue, read-only and public (#7 オープン): the current version, every published version, the
/// checkpoints with the same filters as the /catalog/checkpoints page, the diff of two versions, and the JSON Schema.
/// JSON is the catalogue document as stored (camelCase, codes for enums); <c>?format=csv</c> gives the checkpoint CSV.
/// </summary>
public static class CatalogApi
{
    private const string Csv = "csv";

    public static void MapCatalogApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        // Public and read-only: ETags, 304, compression and the output cache for anonymous readers (ADR 0013).
        var catalog = api.MapGroup("/catalog").WithTags("Catalogue").AllowAnonymous().WithMetadata(CatalogCachePolicy.Api);

        catalog.MapGet("", async Task<IResult> (string? format, CatalogService service, HttpContext context, CancellationToken ct) =>
                await DocumentAsync(await service.GetCurrentAsync(ct), format, null, context, ct))
            .WithName("GetCatalog")
            .WithSummary("The current published catalogue: version, principles, themes, parameters and checkpoints. Add ?format=csv for the checkpoints as CSV.")
            .Produces<CatalogDocument>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        catalog.MapGet("/versions", async (CatalogService service, HttpContext context, CancellationToken ct) =>
            {
                var versions = await CatalogAccess.ListAsync(service, context.User, ct);
                CatalogCacheControl.Set(context, versions.Any(v => v.Status == CatalogVersionStatus.Draft) ? CatalogCacheControl.Personal : CatalogCacheControl.Revalidate);
                return TypedResults.Ok(versions
                    .Select(v => new CatalogVersionDto(CatalogAccess.Label(v), v.Status.ToString().ToLowerInvariant(), v.PublishedAt, v.RetiredAt))
                    .ToList());
            })
            .WithName("ListCatalogVersions")
            .WithSummary("Every published and retired catalogue version, newest first (administrators also see the draft).");

        catalog.MapGet("/versions/{version}", async Task<IResult> (string version, string? format, CatalogService service, HttpContext context, CancellationToken ct) =>
                await DocumentAsync(await CatalogAccess.FindAsync(service, context.User, version, ct), format, version, context, ct))
            .WithName("GetCatalogVersion")
            .WithSummary("One catalogue version by its number (for example 1.0.0). Add ?format=csv for its checkpoints as CSV.")
            .Produces<CatalogDocument>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        catalog.MapGet("/checkpoints", async Task<IResult> ([AsParameters] CheckpointQuery query, CatalogService service, HttpContext context, CancellationToken ct) =>
                await CheckpointsAsync(query, service, context, ct))
            .WithName("ListCatalogCheckpoints")
            .WithSummary("The checkpoints of the current version (or ?version=), filtered by phase, checkType (A, S, H), principle, theme, mapping (e.g. WCAG 1.4.3, UK 5, ASVS V12) and q (words in Japanese or English). Add ?format=csv for CSV.")
            .Produces<List<Checkpoint>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        catalog.MapGet("/diff", async Task<IResult> (string? from, string? to, CatalogService service, HttpContext context, CancellationToken ct) =>
                await DiffAsync(from, to, service, context, ct))
            .WithName("DiffCatalogVersions")
            .WithSummary("What changed between two versions (?from=1.0.0&to=1.1.0): added, removed and changed items, field by field.")
            .Produces<CatalogDiffDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        catalog.MapGet("/schema.json", (HttpContext context) =>
            {
                CatalogCacheControl.Set(context, CatalogCacheControl.Revalidate);
                return Results.Text(DefaultCatalog.Schema(), "application/schema+json", Encoding.UTF8);
            })
            .WithName("GetCatalogSchema")
            .WithSummary("The JSON Schema that the catalogue's YAML files follow.")
            .Produces(StatusCodes.Status200OK, contentType: "application/schema+json");
    }

    /// <summary>A version's document; <paramref name="asked"/> is the version named in the URL, null for the current one.</summary>
    private static async Task<IResult> DocumentAsync(CatalogSnapshot? snapshot, string? format, string? asked, HttpContext context, CancellationToken ct)
    {
        if (BadFormat(format) is { } bad)
        {
            return bad;
        }

        if (snapshot is null)
        {
            return NoVersion(asked ?? "current");
        }

        CatalogCacheControl.Set(context, snapshot, named: asked is not null);
        return IsCsv(format)
            ? await CsvAsync(snapshot.Document.Checkpoints, $"shishin-catalog-{snapshot.Label}.csv", ct)
            : TypedResults.Json(snapshot.Document, CatalogJson.Options);
    }

    private static async Task<IResult> CheckpointsAsync(CheckpointQuery query, CatalogService service, HttpContext context, CancellationToken ct)
    {
        if (BadFormat(query.Format) is { } bad)
        {
            return bad;
        }

        int? principle = null;
        if (!string.IsNullOrWhiteSpace(query.Principle))
        {
            if (!int.TryParse(query.Principle, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["principle"] = ["The principle is a number from 1 to 10."] });
            }

            principle = number;
        }

        var snapshot = await CatalogAccess.FindAsync(service, context.User, query.Version, ct);
        if (snapshot is null)
        {
            return NoVersion(query.Version ?? "current");
        }

        var filter = new CheckpointFilter
        {
            Phase = query.Phase,
            CheckType = query.CheckType,
            Principle = principle,
            Theme = query.Theme,
            Mapping = query.Mapping,
            Text = query.Q,
            IncludeRetired = string.Equals(query.Retired, "true", StringComparison.OrdinalIgnoreCase),
        };
        var issues = filter.Check(snapshot.Document);
        if (issues.Count > 0)
        {
            return TypedResults.ValidationProblem(issues.GroupBy(i => i.Field).ToDictionary(g => g.Key, g => g.Select(i => i.Message).ToArray()));
        }

        var checkpoints = filter.Apply(snapshot.Document).ToList();
        CatalogCacheControl.Set(context, snapshot, named: !string.IsNullOrWhiteSpace(query.Version));
        return IsCsv(query.Format)
            ? await CsvAsync(checkpoints, $"shishin-checkpoints-{snapshot.Label}.csv", ct)
            : TypedResults.Json(checkpoints, CatalogJson.Options);
    }

    private static async Task<IResult> DiffAsync(string? from, string? to, CatalogService service, HttpContext context, CancellationToken ct)
    {
        var missing = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(from))
        {
            missing["from"] = ["Give the version to compare from, for example from=1.0.0."];
        }

        if (string.IsNullOrWhiteSpace(to))
        {
            missing["to"] = ["Give the version to compare to, for example to=1.1.0."];
        }

        if (missing.Count > 0)
        {
            return TypedResults.ValidationProblem(missing);
        }

        var before = await CatalogAccess.FindAsync(service, context.User, from, ct);
        if (before is null)
        {
            return NoVersion(from!);
        }

        var after = await CatalogAccess.FindAsync(service, context.User, to, ct);
        if (after is null)
        {
            return NoVersion(to!);
        }

        var diff = CatalogDiff.Compare(before.Document, after.Document, before.Label, after.Label);
        var draft = before.Info.Status == CatalogVersionStatus.Draft || after.Info.Status == CatalogVersionStatus.Draft;
        CatalogCacheControl.Set(context, draft ? CatalogCacheControl.Personal : CatalogCacheControl.Immutable);
        return TypedResults.Ok(new CatalogDiffDto(diff.From, diff.To, [.. diff.Changes.Select(c => new ItemChangeDto(
            c.Kind, c.Key, c.Change.ToString().ToLowerInvariant(), [.. c.Fields.Select(f => new FieldChangeDto(f.Field, f.Before, f.After))]))]));
    }

    private static bool IsCsv(string? format) => string.Equals(format, Csv, StringComparison.OrdinalIgnoreCase);

    private static ProblemHttpResult? BadFormat(string? format) =>
        string.IsNullOrEmpty(format) || IsCsv(format) || string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown format", detail: "The format is json (the default) or csv.");

    // The draft is reported as unknown to those who may not see it: its existence is not public either.
    private static ProblemHttpResult NoVersion(string version) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Catalogue version not found",
            detail: version.Length > CatalogAccess.MaxVersionLength ? "There is no such catalogue version." : $"There is no catalogue version '{version}'.");

    /// <summary>RFC 4180 CSV in UTF-8 with a byte order mark, so spreadsheet software reads the Japanese correctly.</summary>
    private static async Task<IResult> CsvAsync(IEnumerable<Checkpoint> checkpoints, string fileName, CancellationToken ct)
    {
        await using var buffer = new MemoryStream();
        await using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        {
            await CatalogCsv.WriteAsync(checkpoints, writer, ct);
        }

        return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", fileName);
    }
}
