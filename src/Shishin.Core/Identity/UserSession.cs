namespace Shishin.Core.Identity;

/// <summary>
/// A signed-in browser session, registered on the server (ADR 0010). The sign-in cookie names its <see cref="Id"/>; a
/// cookie whose session row is gone is refused, so removing the row ends the session on every web node at once
/// (sign-out, "sign out everywhere", a password, e-mail or two-step change, deactivation).
/// </summary>
public class UserSession
{
    /// <summary>A random key of 32 bytes, hex; new at every sign-in and every change of the account's secrets.</summary>
    public required string Id { get; set; }

    public Guid UserId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the session was last used, to the minute (it is written at most once a minute).</summary>
    public DateTime LastSeenAt { get; set; }

    /// <summary>Sliding: the cookie's lifetime after <see cref="LastSeenAt"/>.</summary>
    public DateTime ExpiresAt { get; set; }
}

/// <summary>Marks first-run setup as done; its single row (Id 1) makes setup single-shot at the database level.</summary>
public class SetupRecord
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public Guid AdminUserId { get; set; }

    public DateTime CompletedAt { get; set; }
}

/// <summary>
/// A browser an account has signed in from before, known by a long-lived random cookie whose hash is stored here. A
/// sign-in from a browser that is not known sends the account a "new sign-in" e-mail.
/// </summary>
public class UserDevice
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid UserId { get; set; }

    /// <summary>SHA-256 of the device cookie's value, hex.</summary>
    public required string TokenHash { get; set; }

    /// <summary>A short description of the browser for the account page and the e-mail, e.g. "Chrome on Windows".</summary>
    public string Description { get; set; } = "";

    public DateTime FirstSeenAt { get; set; }

    public DateTime LastSeenAt { get; set; }
}
