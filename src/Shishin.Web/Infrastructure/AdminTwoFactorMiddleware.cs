using System.Security.Claims;
using Shishin.Core.Identity;

namespace Shishin.Web.Infrastructure;

/// <summary>Admins must use two-factor sign-in: until they enrol, every page sends them to enrolment.</summary>
public sealed class AdminTwoFactorMiddleware(RequestDelegate next)
{
    public const string EnrolmentPath = "/account/manage/two-factor";
    private static readonly string[] Allowed = [EnrolmentPath, "/account/sign-out", "/culture", "/css", "/lib", "/js", "/errors", "/health"];

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || !user.IsInRole(Roles.Admin) ||
            user.FindFirstValue(ShishinClaims.TwoFactorEnabled) == "true" ||
            Allowed.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return next(context);
        }

        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Results.Problem(statusCode: 403, title: "Two-factor sign-in required", detail: "Administrators must enrol an authenticator app first.")
                .ExecuteAsync(context);
        }

        context.Response.Redirect(EnrolmentPath);
        return Task.CompletedTask;
    }
}
