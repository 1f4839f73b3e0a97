using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Shishin.Core.Data;

namespace Shishin.Core.Identity;

/// <summary>
/// Identity's EF store, with the two-step secrets kept out of reach of someone who reads the database: the
/// authenticator key is encrypted with Data Protection, and recovery codes are stored only as salted SHA-256 hashes.
/// Values written before this store existed (plain text) are still read, and are replaced at their next change.
/// </summary>
public sealed class ShishinUserStore(ShishinDbContext context, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserStore<ShishinUser, IdentityRole<Guid>, ShishinDbContext, Guid>(context, describer)
{
    private const string ProtectedPrefix = "dp1:";
    private const string HashedPrefix = "h1:";
    private readonly IDataProtector protector = protection.CreateProtector("Shishin.Identity.AuthenticatorKey.v1");

    public override Task SetAuthenticatorKeyAsync(ShishinUser user, string key, CancellationToken cancellationToken) =>
        base.SetAuthenticatorKeyAsync(user, ProtectedPrefix + protector.Protect(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(ShishinUser user, CancellationToken cancellationToken)
    {
        var stored = await base.GetAuthenticatorKeyAsync(user, cancellationToken);
        return stored is not null && stored.StartsWith(ProtectedPrefix, StringComparison.Ordinal)
            ? protector.Unprotect(stored[ProtectedPrefix.Length..])
            : stored;
    }

    public override Task ReplaceCodesAsync(ShishinUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(recoveryCodes);
        // Identity's RedeemCodeAsync calls back here with the remaining, already hashed codes.
        var hashed = recoveryCodes.Select(c => c.StartsWith(HashedPrefix, StringComparison.Ordinal) ? c : Hash(user, c)).ToList();
        return base.ReplaceCodesAsync(user, hashed, cancellationToken);
    }

    public override async Task<bool> RedeemCodeAsync(ShishinUser user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrEmpty(code);
        return await base.RedeemCodeAsync(user, Hash(user, code), cancellationToken)
            // A code stored in plain text before hashing existed.
            || (!code.StartsWith(HashedPrefix, StringComparison.Ordinal) && await base.RedeemCodeAsync(user, code, cancellationToken));
    }

    private static string Hash(ShishinUser user, string code) =>
        HashedPrefix + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(user.Id.ToString("N") + ":" + code.Trim().ToUpperInvariant())));
}
