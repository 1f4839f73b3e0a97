using System.Security.Cryptography;

namespace Shishin.Web.Infrastructure;

/// <summary>The per-request CSP nonce that Razor writes on every script element.</summary>
public sealed class CspNonce
{
    public string Value { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
}
