using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Shishin.Core.Scans;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Services.Scans;

/// <summary>
/// A service's scan runs under <c>/api/v1</c>, read-only. Visibility follows the service's: whoever may see the
/// service sees its runs' summaries (anonymous callers: public services only); pages, findings, options, errors and
/// names go to the service team, its assigned partners, reviewers and admins. A run or service the caller may not see
/// answers 404, like one that does not exist.
/// </summary>
public static class ScanReadApi
{
    public static void MapScanReadApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("").WithTags("Scans").AllowAnonymous();

        group.MapGet("/services/{key}/scans", ListAsync)
            .WithName("ListServiceScans")
            .WithSummary("A service's scan runs, newest first, a page at a time (page from 1, pageSize 1 to 100, 25 by default): status, trigger (scheduled, on-demand, uploaded), times and summary counts. Anonymous callers see the runs of public services.")
            .Produces<ScanRunPageDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/scans/{id:guid}", GetAsync)
            .WithName("GetScanRun")
            .WithSummary("One scan run: status, progress, options, scanner, axe-core and browser versions, summary counts and its pages with findings. 'detail' says whether pages are included: full, summary (the caller sees this public service's summaries only) or pruned (retention removed them; the counts stay).")
            .Produces<ScanRunDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/scans/{id:guid}/diff", DiffAsync)
            .WithName("DiffScanRuns")
            .WithSummary("The findings of a run compared with another run of the same service (?against=id) by fingerprint (rule and page path): new, fixed and unchanged, with counts. The lists are left out for callers who see summaries only; 409 when either run's detail was pruned.")
            .Produces<ScanDiffDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<ScanRunPageDto>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string key, string? page, string? pageSize, ServiceRegistry registry, ServiceAccess access, ScanRunQueries queries, HttpContext context, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var pageNumber = Number(page, 1, int.MaxValue, 1, "page", "The page is a whole number from 1.", errors);
        var size = Number(pageSize, 1, ScanRunQueries.MaxPageSize, ScanRunQueries.DefaultPageSize, "pageSize",
            string.Create(CultureInfo.InvariantCulture, $"The page size is a whole number from 1 to {ScanRunQueries.MaxPageSize}."), errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var scope = await access.ScopeAsync(context.User.ToViewer(), ct);
        var service = await registry.FindAsync(key, ct);
        if (service is null || !scope.CanSee(service))
        {
            return ServiceNotFound(key);
        }

        var detail = scope.SeesTeamDetail(service);
        var runs = await queries.ListAsync(service.Id, pageNumber, size, ct);
        return TypedResults.Ok(new ScanRunPageDto([.. runs.Items.Select(r => Summary(r, service.Key, detail))], runs.Page, runs.PageSize, runs.Total));
    }

    private static async Task<Results<Ok<ScanRunDto>, ProblemHttpResult>> GetAsync(
        Guid id, ServiceAccess access, ScanRunQueries queries, HttpContext context, CancellationToken ct)
    {
        var (run, service, scope) = await VisibleRunAsync(id, access, queries, context, ct);
        if (run is null || service is null)
        {
            return RunNotFound(id);
        }

        var detail = scope.SeesTeamDetail(service);
        var pages = detail && !run.DetailPruned ? await queries.PagesAsync(run.Id, ct) : null;
        var overrides = ScanRunService.OverridesOf(run);
        return TypedResults.Ok(new ScanRunDto(
            run.Id, service.Key, ScanApiJson.Word(run.Status), ScanApiJson.Word(run.Trigger), detail ? RequestedBy(run) : null,
            run.QueuedAt, run.StartedAt, run.FinishedAt, detail && run.Error.Length > 0 ? run.Error : null,
            new ScanProgressDto(run.PagesDone, run.PagesPlanned, detail && run.CurrentUrl.Length > 0 ? run.CurrentUrl : null, run.CancelRequested),
            detail ? ScanApiJson.Parse(run.OptionsJson) : null,
            detail && overrides is not null ? new ScanOverridesDto(overrides.StartUrls?.Select(u => u.AbsoluteUri).ToList(), overrides.MaxPages) : null,
            new ScanVersionsDto(run.ScannerVersion, run.AxeVersion, run.BrowserVersion),
            ScanCountsDto.From(run),
            !detail ? "summary" : run.DetailPruned ? "pruned" : "full",
            pages?.Select(ScanPageDto.From).ToList()));
    }

    private static async Task<Results<Ok<ScanDiffDto>, ValidationProblem, ProblemHttpResult>> DiffAsync(
        Guid id, string? against, ServiceAccess access, ScanRunQueries queries, HttpContext context, CancellationToken ct)
    {
        if (!Guid.TryParse(against, out var otherId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["against"] = ["Give the id of the run to compare with: ?against={id}."],
            });
        }

        var (run, service, scope) = await VisibleRunAsync(id, access, queries, context, ct);
        if (run is null || service is null)
        {
            return RunNotFound(id);
        }

        var (other, otherService, _) = await VisibleRunAsync(otherId, access, queries, context, ct);
        if (other is null || otherService is null)
        {
            return RunNotFound(otherId);
        }

        if (other.ServiceId != run.ServiceId)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["against"] = ["The two runs belong to different services; compare runs of the same service."],
            });
        }

        if (run.DetailPruned || other.DetailPruned)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The findings of a run were pruned",
                detail: "Retention removed the pages and findings of one of the runs; only their summary counts remain.");
        }

        // The same comparison as the run and diff pages (ScanDiff): by finding fingerprint, outcome included.
        var diff = ScanDiff.Compare(await queries.PagesAsync(other.Id, ct), await queries.PagesAsync(run.Id, ct));
        var detail = scope.SeesTeamDetail(service);
        List<ScanDiffFindingDto>? List(IReadOnlyList<ScanDiffItem> items) => detail
            ? [.. items.Select(f => new ScanDiffFindingDto(f.Fingerprint, f.RuleId, f.Category, f.Outcome, f.Impact, f.PageUrl, f.Message, f.NodeCount))]
            : null;
        return TypedResults.Ok(new ScanDiffDto(run.Id, other.Id, new ScanDiffCountsDto(diff.New.Count, diff.Fixed.Count, diff.Unchanged.Count),
            List(diff.New), List(diff.Fixed), List(diff.Unchanged)));
    }

    private static async Task<(ScanRun? Run, Service? Service, ServiceScope Scope)> VisibleRunAsync(
        Guid id, ServiceAccess access, ScanRunQueries queries, HttpContext context, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(context.User.ToViewer(), ct);
        var run = await queries.FindAsync(id, ct);
        var service = run is null ? null : await queries.ServiceOfAsync(run, ct);
        return service is null || !scope.CanSee(service) ? (null, null, scope) : (run, service, scope);
    }

    internal static ScanRunSummaryDto Summary(ScanRun run, string serviceKey, bool detail) => new(
        run.Id, serviceKey, ScanApiJson.Word(run.Status), ScanApiJson.Word(run.Trigger), detail ? RequestedBy(run) : null,
        run.QueuedAt, run.StartedAt, run.FinishedAt, ScanCountsDto.From(run), run.DetailPruned);

    private static string? RequestedBy(ScanRun run) => run.RequestedByName.Length > 0 ? run.RequestedByName : null;

    private static int Number(string? text, int min, int max, int fallback, string field, string message, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors[field] = [message];
        return fallback;
    }

    private static ProblemHttpResult ServiceNotFound(string key) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Service not found",
            detail: key.Length <= ServiceRules.KeyMaxLength ? $"No service you can see has the key '{key}'." : "There is no such service.");

    private static ProblemHttpResult RunNotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Scan run not found", detail: $"No scan run you can see has the id '{id}'.");
}
