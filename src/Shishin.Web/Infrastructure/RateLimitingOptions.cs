namespace Shishin.Web.Infrastructure;

/// <summary>
/// The <c>RateLimiting</c> configuration section. Request limits are per client address (see
/// <see cref="ShishinRateLimiting.ClientKey"/>), held in each web node's memory.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>False switches every limit off (load tests, a gateway that limits already). Audit bursts are still coalesced.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>POST /account/sign-in per client: a shared office NAT signs many people in at nine o'clock.</summary>
    public RateLimit SignIn { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };

    /// <summary>POST of the authenticator and recovery code pages per client.</summary>
    public RateLimit TwoFactor { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    /// <summary>POST /setup per client.</summary>
    public RateLimit Setup { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    /// <summary>POST of an invitation link per client.</summary>
    public RateLimit Invitation { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) };

    /// <summary>POST of "forgot password", of a reset link and of an e-mail change link per client.</summary>
    public RateLimit PasswordReset { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Every POST of a visitor who is not signed in (the language switch, the forms above, any URL).</summary>
    public RateLimit AnonymousPost { get; set; } = new() { PermitLimit = 120, Window = TimeSpan.FromMinutes(1) };

    /// <summary>
    /// Failed sign-ins per client and account. Kept below Identity's lockout threshold, so one client cannot lock
    /// someone else's account: its next attempt is refused before the password is checked.
    /// </summary>
    public RateLimit AccountFailures { get; set; } = new() { PermitLimit = 4, Window = TimeSpan.FromMinutes(15) };

    /// <summary>
    /// Failed API key attempts (unknown, expired or revoked keys) per client; past it, requests with a key get 429 before
    /// the key is looked up.
    /// </summary>
    public RateLimit ApiKeyFailures { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    /// <summary>
    /// Scans started and reports uploaded through /api/v1 per user (issue 14): a CI pipeline uploads once per build, a
    /// person starts a scan now and then; a script in a loop is stopped here before it fills the queue.
    /// </summary>
    public RateLimit ScanApi { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    /// <summary>How repeated failures of one client reach the audit log.</summary>
    public AuditBurstOptions AuditBursts { get; set; } = new();
}
