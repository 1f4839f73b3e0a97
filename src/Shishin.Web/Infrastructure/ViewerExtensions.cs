using System.Security.Claims;
using Shishin.Core.Services;

namespace Shishin.Web.Infrastructure;

public static class ViewerExtensions
{
    /// <summary>
    /// The viewer behind a request: a signed-in user or an API key's user (both carry the user id and role claims), or
    /// <see cref="Viewer.Anonymous"/>. Pass it to <see cref="ServiceAccess.ScopeAsync"/>.
    /// </summary>
    public static Viewer ToViewer(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return Viewer.Anonymous;
        }

        return new Viewer(id, user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }
}
