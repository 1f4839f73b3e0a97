using Microsoft.AspNetCore.Http.HttpResults;
using Shishin.Core.Organizations;

namespace Shishin.Web.Pages.Organizations;

public sealed record OrganizationDto(string Key, string Kind, LocalizedText Name, string? LocalGovernmentCode, string? Parent);

public sealed record LocalizedText(string Ja, string En);

/// <summary>The organisations under <c>/api/v1</c>, read-only and public.</summary>
public static class OrganizationApi
{
    public static void MapOrganizationApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);

        api.MapGet("/organizations", async (OrganizationService organizations, CancellationToken ct) =>
            {
                var all = await organizations.ListAsync(ct);
                var keys = all.ToDictionary(o => o.Id, o => o.Key);
                return TypedResults.Ok(all.Select(o => ToDto(o, keys)).ToList());
            })
            .AllowAnonymous()
            .WithName("ListOrganizations")
            .WithSummary("Every organisation: the Tokyo Metropolitan Government, its bureaus, the 62 municipalities and partner companies.");

        api.MapGet("/organizations/{key}", async Task<Results<Ok<OrganizationDto>, ProblemHttpResult>> (string key, OrganizationService organizations, CancellationToken ct) =>
            {
                var found = await organizations.FindByKeyAsync(key, ct);
                return found is null
                    ? TypedResults.Problem(statusCode: 404, title: "Organisation not found", detail: $"No organisation has the key '{key}'.")
                    : TypedResults.Ok(ToDto(found, found.Parent is { } parent ? new() { [parent.Id] = parent.Key } : []));
            })
            .AllowAnonymous()
            .WithName("GetOrganization");
    }

    private static OrganizationDto ToDto(Organization o, Dictionary<Guid, string> keys) =>
        new(o.Key, o.Kind.ToString(), new LocalizedText(o.NameJa, o.NameEn), o.LocalGovernmentCode,
            o.ParentId is { } p ? keys.GetValueOrDefault(p) : null);
}
