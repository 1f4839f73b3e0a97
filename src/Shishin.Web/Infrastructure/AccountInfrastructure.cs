using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Shishin.Core.Auditing;
using Shishin.Core.Identity;
using Shishin.Web.Pages.Account;

namespace Shishin.Web.Infrastructure;

public static class ShishinClaims
{
    /// <summary>"true" when the account has two-factor sign-in enabled; admins without it are held at enrolment.</summary>
    public const string TwoFactorEnabled = "shishin:2fa";
    public const string DisplayName = "shishin:name";

    /// <summary>The server-side session (ADR 0010) this sign-in belongs to.</summary>
    public const string SessionId = "shishin:sid";
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

/// <summary>
/// Sign-in with three additions: deactivated accounts are refused like a wrong password; an unknown, locked or
/// deactivated account costs the same password hash as a real check, so response times do not tell which accounts
/// exist (ASVS 6.3); and the server-side sessions of an account can be ended (ADR 0010). It also e-mails the owner
/// when a failed attempt locks the account, and records the browser of each sign-in (<see cref="KnownDevices"/>).
/// </summary>
public sealed class ShishinSignInManager(
    UserManager<ShishinUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ShishinUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ShishinUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ShishinUser> confirmation,
    UserSessionStore sessions,
    IOptionsMonitor<CookieAuthenticationOptions> cookies,
    AccountMail mail,
    KnownDevices devices)
    : SignInManager<ShishinUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private const string RefreshingKey = "shishin:refreshing-sign-in";
    private static string? dummyHash;

    public override async Task<bool> CanSignInAsync(ShishinUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsActive && await base.CanSignInAsync(user);
    }

    /// <summary>Password sign-in by e-mail address, with lockout; an unknown address fails after the same hash work.</summary>
    public async Task<(SignInResult Result, ShishinUser? User)> PasswordSignInByEmailAsync(string email, string password)
    {
        var user = await UserManager.FindByEmailAsync(email);
        if (user is null)
        {
            VerifyAgainstDummyHash(password);
            return (SignInResult.Failed, null);
        }

        return (await PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true), user);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(ShishinUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        // Identity answers a locked or deactivated account before hashing anything; hash anyway so it takes as long.
        if (await PreSignInCheck(user) is { } refused)
        {
            VerifyAgainstDummyHash(password);
            return refused;
        }

        // Reached only while the account is not locked, so a locked-out answer means this attempt locked it.
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        if (result.IsLockedOut)
        {
            NotifyLockout(user);
        }

        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient) =>
        await NotifyIfLockedAsync(() => base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient));

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode) =>
        await NotifyIfLockedAsync(() => base.TwoFactorRecoveryCodeSignInAsync(recoveryCode));

    /// <summary>A re-issue after a change of the account's secrets is not a sign-in from a browser.</summary>
    public override async Task RefreshSignInAsync(ShishinUser user)
    {
        Context.Items[RefreshingKey] = true;
        try
        {
            await base.RefreshSignInAsync(user);
        }
        finally
        {
            Context.Items.Remove(RefreshingKey);
        }
    }

    /// <summary>
    /// Every sign-in, including the re-issue after a change of the account's secrets, starts a new server-side session
    /// with a new id and ends the one this request came with, so a cookie copied before the change is worthless.
    /// </summary>
    public override async Task SignInWithClaimsAsync(ShishinUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (CurrentSessionId is { } previous)
        {
            await sessions.RemoveAsync(previous);
        }

        var lifetime = cookies.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan;
        var id = await sessions.CreateAsync(user.Id, lifetime);
        Context.Items[ShishinClaims.SessionId] = id;
        await base.SignInWithClaimsAsync(user, authenticationProperties, [.. additionalClaims, new Claim(ShishinClaims.SessionId, id)]);
        // The rest of this request, the sign-in's own audit event included, is the act of the user who signed in.
        Context.RequestServices.GetRequiredService<AuditActor>().SignedIn(user.Id, user.Email ?? user.UserName ?? user.Id.ToString());
        if (!Context.Items.ContainsKey(RefreshingKey))
        {
            await devices.RecordSignInAsync(Context, user);
        }
    }

    public override async Task SignOutAsync()
    {
        if (CurrentSessionId is { } id)
        {
            await sessions.RemoveAsync(id);
        }

        await base.SignOutAsync();
    }

    /// <summary>Ends every other session of the account (after a password, e-mail or two-step change); this one stays.</summary>
    public Task<int> EndOtherSessionsAsync(ShishinUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return sessions.RemoveAllAsync(user.Id, CurrentSessionId);
    }

    /// <summary>Ends every session of the account, this one included, and renews the security stamp.</summary>
    public async Task SignOutEverywhereAsync(ShishinUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        await UserManager.UpdateSecurityStampAsync(user);
        await sessions.RemoveAllAsync(user.Id);
        await base.SignOutAsync();
    }

    /// <summary>The session issued in this request, else the one the request came with.</summary>
    private string? CurrentSessionId =>
        Context.Items.TryGetValue(ShishinClaims.SessionId, out var issued) && issued is string id
            ? id
            : Context.User.FindFirstValue(ShishinClaims.SessionId);

    private async Task<SignInResult> NotifyIfLockedAsync(Func<Task<SignInResult>> attempt)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var lockedBefore = user is not null && await UserManager.IsLockedOutAsync(user);
        var result = await attempt();
        if (result.IsLockedOut && user is not null && !lockedBefore)
        {
            NotifyLockout(await UserManager.FindByIdAsync(user.Id.ToString()) ?? user);
        }

        return result;
    }

    private void NotifyLockout(ShishinUser user)
    {
        if (user.LockoutEnd is { } until)
        {
            mail.QueueLockout(user, until);
        }
    }

    private void VerifyAgainstDummyHash(string password)
    {
        var hash = dummyHash ??= UserManager.PasswordHasher.HashPassword(new ShishinUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        _ = UserManager.PasswordHasher.VerifyHashedPassword(new ShishinUser(), hash, password ?? "");
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
