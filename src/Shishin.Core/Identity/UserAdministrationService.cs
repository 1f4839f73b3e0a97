using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shishin.Core.Data;

namespace Shishin.Core.Identity;

public sealed record InvitationResult(ShishinUser User, string Token)
{
    public DateTime ExpiresAt { get; init; }
}

/// <summary>What the administrator's user list and page show for an account.</summary>
public enum AccountState
{
    Active,
    Locked,
    Deactivated,
    Invited,
}

public sealed record UserAccess(IReadOnlyCollection<string> Roles, IReadOnlyCollection<Guid> OrganizationIds);

/// <summary>Accounts, roles and organisation scopes; every change is audited through the data context.</summary>
public sealed class UserAdministrationService(
    ShishinDbContext db, UserManager<ShishinUser> users, RoleManager<IdentityRole<Guid>> roles, UserSessionStore sessions, TimeProvider clock)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    public Task<bool> AnyAdminAsync(CancellationToken cancellationToken = default) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == Roles.Admin && u.IsActive
         select u.Id).AnyAsync(cancellationToken);

    public async Task EnsureRolesAsync()
    {
        foreach (var name in Roles.All)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(name) { Id = Guid.NewGuid() });
            }
        }
    }

    /// <summary>Creates an account with a password; used by first-run setup and <c>shishin admin create</c>.</summary>
    public async Task<IdentityResult> CreateWithPasswordAsync(string email, string displayName, string password, IEnumerable<string> roles)
    {
        var user = NewUser(email, displayName);
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, roles);
        }

        return result;
    }

    public const string UnknownRoleCode = "UnknownRole";
    public const string UnknownOrganizationCode = "UnknownOrganization";

    /// <summary>
    /// Creates the account, its access and the invitation in one transaction, after checking every role and
    /// organisation: a refused invitation leaves no account behind.
    /// </summary>
    public async Task<(IdentityResult Result, InvitationResult? Invitation)> InviteAsync(
        string email, string displayName, UserAccess access, Guid? invitedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        var invalid = await ValidateAccessAsync(access, cancellationToken);
        if (invalid.Count > 0)
        {
            return (IdentityResult.Failed([.. invalid]), null);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = NewUser(email, displayName);
        var result = await users.CreateAsync(user);
        if (result.Succeeded)
        {
            result = await SetAccessAsync(user, access, cancellationToken);
        }

        if (!result.Succeeded)
        {
            // Rolled back when the transaction is disposed; forget what the tracker believes was saved.
            db.ChangeTracker.Clear();
            return (result, null);
        }

        var token = NewToken();
        var now = clock.GetUtcNow().UtcDateTime;
        db.Invitations.Add(new Invitation
        {
            UserId = user.Id,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now + InvitationLifetime,
            InvitedBy = invitedBy,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (result, new InvitationResult(user, token) { ExpiresAt = now + InvitationLifetime });
    }

    /// <summary>Roles that do not exist and organisations not in the register, each as an error with its own code.</summary>
    public async Task<IReadOnlyList<IdentityError>> ValidateAccessAsync(UserAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        var errors = new List<IdentityError>();
        var unknownRoles = access.Roles.Except(Roles.All, StringComparer.Ordinal).ToList();
        if (unknownRoles.Count > 0)
        {
            errors.Add(new IdentityError { Code = UnknownRoleCode, Description = string.Join(", ", unknownRoles) });
        }

        var wanted = access.OrganizationIds.Distinct().ToList();
        var known = await db.Organizations.Where(o => wanted.Contains(o.Id)).Select(o => o.Id).ToListAsync(cancellationToken);
        var unknownOrganizations = wanted.Except(known).ToList();
        if (unknownOrganizations.Count > 0)
        {
            errors.Add(new IdentityError { Code = UnknownOrganizationCode, Description = string.Join(", ", unknownOrganizations) });
        }

        return errors;
    }

    /// <summary>The pending invitation for a token, or null when unknown, used or expired.</summary>
    public async Task<Invitation?> FindOpenInvitationAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200)
        {
            return null;
        }

        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Invitations.Include(i => i.User)
            .FirstOrDefaultAsync(i => i.TokenHash == hash && i.AcceptedAt == null && i.ExpiresAt > now, cancellationToken);
    }

    public async Task<IdentityResult> AcceptInvitationAsync(Invitation invitation, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var user = invitation.User ?? throw new InvalidOperationException("Invitation loaded without its user.");
        if (!user.IsActive)
        {
            return IdentityResult.Failed(new IdentityError { Code = "InvitationInvalid", Description = "Invitation invalid" });
        }

        var result = await users.AddPasswordAsync(user, password);
        if (!result.Succeeded)
        {
            return result;
        }

        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        invitation.AcceptedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return IdentityResult.Success;
    }

    public const string NotInvitedCode = "NotInvited";

    /// <summary>
    /// A new invitation link for an account that has not set a password yet; every open link of the account stops
    /// working, so only the newest one does.
    /// </summary>
    public async Task<(IdentityResult Result, InvitationResult? Invitation)> ReinviteAsync(ShishinUser user, Guid? invitedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (StateOf(user) != AccountState.Invited)
        {
            return (IdentityResult.Failed(new IdentityError { Code = NotInvitedCode, Description = "The account is not waiting for an invitation." }), null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var open = await db.Invitations.Where(i => i.UserId == user.Id && i.AcceptedAt == null && i.ExpiresAt > now).ToListAsync(cancellationToken);
        foreach (var invitation in open)
        {
            invitation.ExpiresAt = now;
        }

        var token = NewToken();
        db.Invitations.Add(new Invitation { UserId = user.Id, TokenHash = Hash(token), CreatedAt = now, ExpiresAt = now + InvitationLifetime, InvitedBy = invitedBy });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (IdentityResult.Success, new InvitationResult(user, token) { ExpiresAt = now + InvitationLifetime });
    }

    /// <summary>Ends a lockout now and forgets the failed attempts that led to it.</summary>
    public async Task<IdentityResult> UnlockAsync(ShishinUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = await users.SetLockoutEndDateAsync(user, null);
        return result.Succeeded ? await users.ResetAccessFailedCountAsync(user) : result;
    }

    /// <summary>Deactivated first (it wins over everything), then invited (no password yet), then locked, else active.</summary>
    public AccountState StateOf(ShishinUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsActive ? AccountState.Deactivated
            : user.PasswordHash is null ? AccountState.Invited
            : user.LockoutEnd is { } end && end > clock.GetUtcNow() ? AccountState.Locked
            : AccountState.Active;
    }

    public Task<List<ShishinUser>> ListAsync(CancellationToken cancellationToken = default) =>
        db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);

    public async Task<Dictionary<Guid, List<string>>> RolesByUserAsync(CancellationToken cancellationToken = default)
    {
        var rows = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => r.Name!).Order(StringComparer.Ordinal).ToList());
    }

    public Task<ShishinUser?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Users.Include(u => u.Organizations).FirstOrDefaultAsync(u => u.Id == id, cancellationToken);

    public async Task<IdentityResult> SetAccessAsync(ShishinUser user, UserAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(access);
        var unknown = access.Roles.Except(Roles.All, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            return IdentityResult.Failed(new IdentityError { Code = "UnknownRole", Description = string.Join(", ", unknown) });
        }

        var current = await users.GetRolesAsync(user);
        var result = await users.RemoveFromRolesAsync(user, current.Except(access.Roles, StringComparer.Ordinal));
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, access.Roles.Except(current, StringComparer.Ordinal));
        }

        if (!result.Succeeded)
        {
            return result;
        }

        var memberships = await db.UserOrganizations.Where(m => m.UserId == user.Id).ToListAsync(cancellationToken);
        db.UserOrganizations.RemoveRange(memberships.Where(m => !access.OrganizationIds.Contains(m.OrganizationId)));
        foreach (var organizationId in access.OrganizationIds.Where(id => memberships.All(m => m.OrganizationId != id)))
        {
            db.UserOrganizations.Add(new UserOrganization { UserId = user.Id, OrganizationId = organizationId });
        }

        await db.SaveChangesAsync(cancellationToken);
        // A new stamp makes the security stamp validator re-issue the cookie with the new roles.
        await users.UpdateSecurityStampAsync(user);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> SetActiveAsync(ShishinUser user, bool active)
    {
        ArgumentNullException.ThrowIfNull(user);
        user.IsActive = active;
        var result = await users.UpdateAsync(user);
        if (result.Succeeded)
        {
            // Ends every session of a deactivated user: their rows go now, and the new stamp fails any cookie still in flight.
            result = await users.UpdateSecurityStampAsync(user);
            if (!active)
            {
                await sessions.RemoveAllAsync(user.Id);
            }
        }

        return result;
    }

    private ShishinUser NewUser(string email, string displayName) => new()
    {
        UserName = email.Trim(),
        Email = email.Trim(),
        DisplayName = displayName.Trim(),
        CreatedAt = clock.GetUtcNow().UtcDateTime,
        LockoutEnabled = true,
    };

    private static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    internal static string Hash(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
