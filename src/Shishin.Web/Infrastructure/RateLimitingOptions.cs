using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

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

    /// <summary>How repeated failures of one client reach the audit log.</summary>
    public AuditBurstOptions AuditBursts { get; set; } = new();
}

public sealed class RateLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

public sealed class AuditBurstOptions
{
    /// <summary>The first failures of a burst written one row each; the rest become one row with their count.</summary>
    public int WrittenEach { get; set; } = 3;

    /// <summary>A burst lasts this long from its first failure; its summary row is written when it closes.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>Refuses to start with limits that would block everything or leave lockout reachable from one client.</summary>
internal sealed class RateLimitingOptionsValidator(IOptions<IdentityOptions> identity) : IValidateOptions<RateLimitingOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitingOptions options)
    {
        var failures = new List<string>();
        foreach (var (key, limit) in new[]
                 {
                     (nameof(options.SignIn), options.SignIn), (nameof(options.TwoFactor), options.TwoFactor),
                     (nameof(options.Setup), options.Setup), (nameof(options.Invitation), options.Invitation), (nameof(options.PasswordReset), options.PasswordReset),
                     (nameof(options.AnonymousPost), options.AnonymousPost), (nameof(options.AccountFailures), options.AccountFailures),
                 })
        {
            if (limit is null || limit.PermitLimit < 1 || limit.Window <= TimeSpan.Zero)
            {
                failures.Add($"{RateLimitingOptions.SectionName}:{key} needs PermitLimit of 1 or more and a positive Window.");
            }
        }

        var lockout = identity.Value.Lockout.MaxFailedAccessAttempts;
        if (options.AccountFailures is { } account && account.PermitLimit >= lockout)
        {
            failures.Add($"{RateLimitingOptions.SectionName}:AccountFailures:PermitLimit must be below the lockout threshold ({lockout}).");
        }

        if (options.AuditBursts is null || options.AuditBursts.WrittenEach < 1 || options.AuditBursts.Window <= TimeSpan.Zero)
        {
            failures.Add($"{RateLimitingOptions.SectionName}:AuditBursts needs WrittenEach of 1 or more and a positive Window.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
