using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Shishin.Core.Assessments;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Assessments;

/// <summary>
/// Assessments under <c>/api/v1</c>, read-only: a service's assessments and one assessment's report. Published ones are
/// public when the service is; drafts and assessments under review only for the service team and reviewers. What the
/// caller may not read answers 404, like something that does not exist.
/// </summary>
public static class AssessmentApi
{
    public static void MapAssessmentApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("").WithTags("Assessments").AllowAnonymous();

        group.MapGet("/services/{key}/assessments", async Task<Results<Ok<List<AssessmentListItemDto>>, ProblemHttpResult>> (
                string key, AssessmentReports reports, ServiceAccess access, HttpContext context, CancellationToken ct) =>
            {
                var scope = await access.ScopeAsync(context.User.ToViewer(), ct);
                var history = await reports.HistoryAsync(scope, key, ct);
                return history is null
                    ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Service not found", detail: $"No service you can see has the key '{key}'.")
                    : TypedResults.Ok(history.Entries.Select(e => AssessmentDto.ListItem(history.Service.Key, e)).ToList());
            })
            .WithName("ListServiceAssessments")
            .WithSummary("A service's assessments by phase and date with met of applicable and the rating: the published ones for anyone who can see the service (anonymous callers: public services only); drafts, submitted and in-review ones too for the service team, assigned partners, reviewers and admins.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddOpenApiOperationTransformer((operation, _, _) => Example(operation, ListExample));

        group.MapGet("/assessments/{id:guid}", async Task<Results<Ok<AssessmentDto>, ProblemHttpResult>> (
                Guid id, AssessmentReports reports, ServiceAccess access, HttpContext context, CancellationToken ct) =>
            {
                var scope = await access.ScopeAsync(context.User.ToViewer(), ct);
                var report = await reports.GetAsync(scope, id, ct);
                return report is null
                    ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Assessment not found", detail: $"No assessment you can read has the id '{id}'.")
                    : TypedResults.Ok(AssessmentDto.From(report));
            })
            .WithName("GetAssessment")
            .WithSummary("One assessment's report: service key, phase key, catalogue version, status, overall rating, met of applicable per principle (P1–P10) and theme (UX, DA, SE), every checkpoint's outcome, evidence, links, notes, panel comment and rating, and the team's response. Published reports are public when the service is; others only for the team and reviewers. An id that is not a GUID answers 404.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddOpenApiOperationTransformer((operation, _, _) => Example(operation, ReportExample));
    }

    private static Task Example(Microsoft.OpenApi.OpenApiOperation operation, object example)
    {
        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue("application/json", out var media) == true)
        {
            media.Example = JsonSerializer.SerializeToNode(example, ExampleJson);
        }

        return Task.CompletedTask;
    }

    private static readonly JsonSerializerOptions ExampleJson = new(JsonSerializerDefaults.Web);

    private static readonly Guid ExampleId = new("0b9c1f5e-4a8e-4d2b-9a57-3f1c2d7e8a10");

    private static readonly object ListExample = new[]
    {
        new AssessmentListItemDto(ExampleId, "chiyoda-nursery-application", "development", "published", "1.0.0",
            new DateTime(2025, 6, 2, 1, 30, 0, DateTimeKind.Utc), new DateTime(2025, 6, 2, 1, 30, 0, DateTimeKind.Utc), "amber", 14, 3, 1, 2, 18, null),
    };

    private static readonly object ReportExample = new AssessmentDto(
        ExampleId, "chiyoda-nursery-application", "development", "1.0.0", "published",
        new DateTime(2025, 5, 12, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 6, 2, 1, 30, 0, DateTimeKind.Utc), "amber",
        "利用者調査に基づいて申請の手順を減らしました。", "添付書類の案内を改善してください。",
        new GroupSummaryDto("all", null, null, 14, 3, 1, 2, 0, 18, "amber"),
        [
            new GroupSummaryDto("P1", 1, null, 3, 1, 0, 0, 0, 4, "amber"),
            new GroupSummaryDto("UX", null, "UX", 4, 0, 0, 1, 0, 4, "green"),
        ],
        [
            new CheckpointResultDto("P1-01", "met", null, "利用者インタビュー12件の記録。", ["https://example.jp/research/interviews"], "", "十分な調査です。", "green", null),
            new CheckpointResultDto("UX-01", "met", null, "画像の代替テキストを目視で確認。", [], "", "", "green",
                new ScanEvidenceDto("not-met", new Guid("0194e4a0-0000-7000-8000-000000000001"), "overridden", "装飾画像の誤検出のため。")),
            new CheckpointResultDto("UX-04", "not-applicable", "窓口のみのサービスのため。", "", [], "", "", null, null),
        ],
        new TeamResponseDto("accepted", "", new DateTime(2025, 6, 5, 2, 0, 0, DateTimeKind.Utc), new DateOnly(2025, 6, 16)),
        null, []);
}
