using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Shishin.Web.Infrastructure;

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
                     (nameof(options.ApiKeyFailures), options.ApiKeyFailures), (nameof(options.ScanApi), options.ScanApi),
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
