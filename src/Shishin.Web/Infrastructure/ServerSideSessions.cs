using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Shishin.Core.Identity;

namespace Shishin.Web.Infrastructure;

/// <summary>
/// Refuses a sign-in cookie whose server-side session has ended (ADR 0010), before Identity's security stamp check.
/// </summary>
public static class ServerSideSessions
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context, Func<CookieValidatePrincipalContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var principal = context.Principal;
        var valid = principal?.FindFirstValue(ShishinClaims.SessionId) is { } id &&
            Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) &&
            await context.HttpContext.RequestServices.GetRequiredService<UserSessionStore>().IsActiveAsync(id, userId, context.Options.ExpireTimeSpan);
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }

        await next(context);
    }

    /// <summary>Keeps the session id when the security stamp check re-issues the principal.</summary>
    public static Task KeepSessionId(SecurityStampRefreshingPrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.CurrentPrincipal?.FindFirst(ShishinClaims.SessionId) is { } claim && context.NewPrincipal?.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(ShishinClaims.SessionId, claim.Value));
        }

        return Task.CompletedTask;
    }
}
