using Shishin.Core.Identity;

namespace Shishin.Core.ApiKeys;

/// <summary>
/// The outcome of presenting a key. On success <see cref="User"/> and <see cref="Key"/> are set; on failure
/// <see cref="Failure"/> says why (for the audit log only — callers answer every failure alike) and <see cref="Key"/> is
/// set when the key exists but may not be used.
/// </summary>
public sealed record ApiKeyCheck(ApiKey? Key, ShishinUser? User, string? Failure, bool Touched)
{
    public const string Malformed = "malformed";
    public const string Unknown = "unknown";
    public const string Revoked = "revoked";
    public const string Expired = "expired";
    public const string Inactive = "inactive";

    public bool Succeeded => Failure is null && Key is not null && User is not null;

    internal static ApiKeyCheck Failed(string reason, ApiKey? key = null) => new(key, null, reason, false);
}
