using System.Security.Claims;
using Shishin.Core.Catalog;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Proposals;

public static class ProposalActors
{
    /// <summary>The signed-in person as the proposal service records them, or null for an anonymous visitor.</summary>
    public static ProposalActor? Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return null;
        }

        var name = user.FindFirstValue(ShishinClaims.DisplayName);
        return new ProposalActor(id, string.IsNullOrWhiteSpace(name) ? user.Identity.Name ?? id.ToString() : name);
    }
}
