using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Shishin.Core.Notifications;

/// <summary>Makes webhook secrets and keeps them protected with Data Protection; the clear secret exists only to sign.</summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    private const string Prefix = "whsec_";
    private readonly IDataProtector protector = protection.CreateProtector("Shishin.Notifications.WebhookSecret.v1");

    public static string NewSecret() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string protectedSecret) => protector.Unprotect(protectedSecret);

    /// <summary>What the lists show to tell secrets apart: the prefix and four characters.</summary>
    public static string Hint(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return secret[..Math.Min(secret.Length, Prefix.Length + 4)];
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
