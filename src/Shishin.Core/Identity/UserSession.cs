namespace Shishin.Core.Identity;

/// <summary>
/// A signed-in browser session held on the server: the cookie carries only <see cref="Id"/>, so removing the row
/// ends the session on every web node at once (sign-out, password or two-step change, deactivation, "sign out everywhere").
/// </summary>
public class UserSession
{
    /// <summary>A random key of 32 bytes, hex; the only thing the cookie names.</summary>
    public required string Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>The serialised authentication ticket (claims and expiry).</summary>
    public required byte[] Ticket { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime RenewedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }
}

/// <summary>Marks first-run setup as done; its single row (Id 1) makes setup single-shot at the database level.</summary>
public class SetupRecord
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public Guid AdminUserId { get; set; }

    public DateTime CompletedAt { get; set; }
}
