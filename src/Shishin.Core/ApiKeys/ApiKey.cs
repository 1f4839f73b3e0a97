namespace Shishin.Core.ApiKeys;

/// <summary>
/// A personal key with which a machine client calls /api/v1 as its user (<c>Authorization: Bearer</c>). The key is shown
/// once; only its SHA-256 is stored. A key acts with its user's own rights, limited further by its scopes.
/// </summary>
public class ApiKey
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>The first characters of the key, so people can tell their keys apart; not enough to use it.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole key, hex.</summary>
    public required string Hash { get; set; }

    /// <summary>Space-separated: <c>read</c>, <c>write</c>.</summary>
    public required string Scopes { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}
