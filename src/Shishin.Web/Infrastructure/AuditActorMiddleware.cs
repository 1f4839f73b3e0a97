using System.Security.Claims;
using Shishin.Core.Auditing;

namespace Shishin.Web.Infrastructure;

/// <summary>Tells the audit log who acts in this request.</summary>
public sealed class AuditActorMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, AuditActor actor)
    {
        Describe(context, context.User, actor);
        return next(context);
    }

    /// <summary>
    /// Names <paramref name="user"/> as the actor of the request: the person, and the API key when they act through one
    /// ("name@example.jp (API key shk_AbCdEfGh)"), so a key's writes are found under its user with the key named.
    /// </summary>
    public static void Describe(HttpContext context, ClaimsPrincipal user, AuditActor actor)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(actor);
        actor.ClientIp = context.Connection.RemoteIpAddress?.ToString();
        actor.CorrelationId = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        if (user.Identity?.IsAuthenticated == true &&
            Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            actor.UserId = id;
            actor.Name = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name ?? id.ToString();
            if (user.FindFirstValue(ApiKeyAuthentication.KeyPrefixClaim) is { } prefix)
            {
                var suffix = $" (API key {prefix})";
                // The audit log keeps 256 characters of a name; the key must survive a very long address.
                actor.Name = (actor.Name.Length + suffix.Length > 256 ? actor.Name[..(256 - suffix.Length)] : actor.Name) + suffix;
            }
        }
        else
        {
            actor.Name = "anonymous";
        }
    }
}
