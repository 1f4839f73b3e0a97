using System.Security.Claims;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Services.Canvas;

public static class CanvasAuthors
{
    /// <summary>The signed-in person as the history names them: their display name, else their user name.</summary>
    public static CanvasAuthor Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var parsed) ? parsed : (Guid?)null;
        var name = user.FindFirstValue(ShishinClaims.DisplayName);
        return new CanvasAuthor(id, string.IsNullOrWhiteSpace(name) ? user.Identity?.Name ?? "" : name);
    }
}
