using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;
using Shishin.Core.Organizations;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;
using Shishin.Web.Pages.Organizations;

namespace Shishin.Web.Pages.Services;

/// <summary>
/// The register under <c>/api/v1</c>, read-only: public services for anonymous callers, plus what a signed-in or
/// key-holding caller may see. The list takes the same filters as the /services page; an internal service the caller
/// may not see is neither listed, counted nor found (404, as an unknown key).
/// </summary>
public static class ServiceReadApi
{
    public static void MapServiceReadApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var services = api.MapGroup("/services").WithTags("Services").AllowAnonymous();

        services.MapGet("", async Task<Results<Ok<ServicePageDto>, ValidationProblem>> (
                [AsParameters] ServiceListQuery query, ServiceDirectory directory, ServiceAccess access, OrganizationService organizations,
                HttpContext context, CancellationToken ct) =>
            {
                var (parsed, issues) = await ServiceFilter.ParseAsync(query.ToInput(), organizations, english: false, ct);
                if (issues.Count > 0)
                {
                    return TypedResults.ValidationProblem(issues.GroupBy(i => i.Field).ToDictionary(g => g.Key, g => g.Select(i => i.Message).ToArray()));
                }

                var scope = await access.ScopeAsync(context.User.ToViewer(), ct);
                var page = await directory.ListAsync(parsed, scope, ct);
                var detailed = await directory.WithDetailsAsync([.. page.Items.Select(i => i.Service)], ct);
                return TypedResults.Ok(new ServicePageDto([.. detailed.Select(ServiceDto.From)], page.Page, page.PageSize, page.Total));
            })
            .WithName("ListServices")
            .WithSummary("The services the caller may see, a page at a time, filtered like the /services page: organization (a key; its sub-organisations included), phase, channel, public, overdue, rag (latest published rating), q (words in Japanese or English), sort (name, organization, phase, updated; add -desc to reverse), page and pageSize (at most 100).")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                SetExample(operation, "200", new ServicePageDto([Example], 1, ServiceQuery.DefaultPageSize, 1));
                return Task.CompletedTask;
            });

        services.MapGet("/{key}", async Task<Results<Ok<ServiceDto>, ProblemHttpResult>> (
                string key, ServiceDirectory directory, ServiceAccess access, HttpContext context, CancellationToken ct) =>
            {
                var scope = await access.ScopeAsync(context.User.ToViewer(), ct);
                var service = await directory.FindAsync(key, scope, ct);
                return service is null
                    ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Service not found",
                        detail: key.Length <= ServiceRules.KeyMaxLength ? $"No service has the key '{key}'." : "There is no such service.")
                    : TypedResults.Ok(ServiceDto.From(service));
            })
            .WithName("GetService")
            .WithSummary("One service by its key, with its owner, partners, entry URLs, phase history and KPIs by fiscal year (null figures are not measured).")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                SetExample(operation, "200", Example);
                return Task.CompletedTask;
            });
    }

    /// <summary>What the OpenAPI document shows as a typical answer.</summary>
    private static ServiceDto Example { get; } = new(
        "chiyoda-nursery-application",
        new LocalizedText("保育園の入園申込", "Nursery school application"),
        new LocalizedText("保育園の入園をオンラインで申し込めます。", "Apply online for a place at a nursery school."),
        "chiyoda",
        ["example-partner"],
        ["https://www.example.lg.jp/nursery/apply"],
        "子育て中の保護者",
        "web",
        true,
        "operation",
        [new PhaseChangeDto("development", new DateOnly(2024, 4, 1)), new PhaseChangeDto("operation", new DateOnly(2025, 4, 1))],
        [new KpiDto(2025, 1200, 900, 75.0m, 12.5m, 24, 2, 14m), new KpiDto(2024, 1100, null, null, null, 30, 3, null)],
        3,
        new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc));

    private static void SetExample(OpenApiOperation operation, string status, object example)
    {
        if (operation.Responses?.TryGetValue(status, out var response) == true && response.Content is { } content
            && content.TryGetValue("application/json", out var media) && media is OpenApiMediaType json)
        {
            json.Example = JsonSerializer.SerializeToNode(example, JsonSerializerOptions.Web);
        }
    }
}
