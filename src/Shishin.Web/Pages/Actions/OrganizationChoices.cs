using Microsoft.AspNetCore.Mvc.Rendering;
using Shishin.Core.Organizations;

namespace Shishin.Web.Pages.Actions;

/// <summary>The organisation filter of the action item and portfolio pages: bureaus and municipalities by key, in Tokyo's published order.</summary>
public sealed class OrganizationChoices(IReadOnlyList<Organization> organizations)
{
    public static async Task<OrganizationChoices> LoadAsync(OrganizationService service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        return new([.. (await service.ListAsync(cancellationToken)).Where(o => o.Kind != OrganizationKind.Partner)]);
    }

    public IReadOnlyList<SelectListItem> Items(bool english) =>
        [.. organizations.Select(o => new SelectListItem(o.Name(english), o.Key))];

    public Organization? Find(string? key) =>
        string.IsNullOrWhiteSpace(key) ? null : organizations.FirstOrDefault(o => string.Equals(o.Key, key.Trim(), StringComparison.Ordinal));
}
