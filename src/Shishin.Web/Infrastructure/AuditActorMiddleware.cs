using System.Security.Claims;
using Shishin.Core.Auditing;

namespace Shishin.Web.Infrastructure;

/// <summary>Tells the audit log who acts in this request.</summary>
public sealed class AuditActorMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, AuditActor actor)
    {
        actor.ClientIp = context.Connection.RemoteIpAddress?.ToString();
        actor.CorrelationId = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        if (context.User.Identity?.IsAuthenticated == true &&
            Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            actor.UserId = id;
            actor.Name = context.User.FindFirstValue(ClaimTypes.Email) ?? context.User.Identity.Name ?? id.ToString();
        }
        else
        {
            actor.Name = "anonymous";
        }

        return next(context);
    }
}
