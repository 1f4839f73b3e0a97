using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Shishin.Core.Auditing;
using Shishin.Core.Identity;
using Shishin.Web.Pages.Account;

namespace Shishin.Web.Infrastructure;

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
