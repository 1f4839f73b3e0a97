using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Shishin.Core.Auditing;
using Shishin.Core.Identity;

namespace Shishin.Web.Infrastructure;

public static class ShishinClaims
{
    /// <summary>"true" when the account has two-factor sign-in enabled; admins without it are held at enrolment.</summary>
    public const string TwoFactorEnabled = "shishin:2fa";
    public const string DisplayName = "shishin:name";
}

public sealed class ShishinClaimsPrincipalFactory(
    UserManager<ShishinUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ShishinUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ShishinUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ShishinClaims.TwoFactorEnabled, user.TwoFactorEnabled ? "true" : "false"));
        identity.AddClaim(new Claim(ShishinClaims.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
        return identity;
    }
}

/// <summary>Refuses sign-in to deactivated accounts, looking exactly like a wrong password to the caller.</summary>
public sealed class ShishinSignInManager(
    UserManager<ShishinUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ShishinUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ShishinUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ShishinUser> confirmation)
    : SignInManager<ShishinUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ShishinUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsActive && await base.CanSignInAsync(user);
    }
}

/// <summary>Identity's messages in the page's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = l["Use at least {0} characters for the password.", length] };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = l["Use at least {0} different characters in the password.", uniqueChars] };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = l["An account with this email address already exists."] };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = l["An account with this email address already exists."] };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = l["Enter an email address in the correct format, like name@example.jp."] };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = l["Enter an email address in the correct format, like name@example.jp."] };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = l["The current password is not correct."] };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = l["The change could not be saved. Try again."] };

    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = l["Someone else changed this account at the same time. Reload the page and try again."] };
}

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
