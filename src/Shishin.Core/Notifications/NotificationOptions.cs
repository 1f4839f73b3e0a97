using Microsoft.Extensions.Options;
using Shishin.Core.Email;

namespace Shishin.Core.Notifications;

/// <summary>The SMTP server of notification e-mails (<c>Notifications:Smtp</c>).</summary>
public sealed class NotificationSmtpOptions
{
    /// <summary>When empty, notification e-mail is off: nothing is sent or kept (webhooks still work).</summary>
    public string? Host { get; set; }

    /// <summary>0 picks the usual port of <see cref="Security"/>: 587, 465 or 25.</summary>
    public int Port { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>Shishin &lt;notice@example.jp&gt;</c>; required with <see cref="Host"/>.</summary>
    public string? From { get; set; }
}

/// <summary>Retries of notification e-mails the SMTP server did not take (<c>Notifications:Email</c>).</summary>
public sealed class EmailRetryOptions
{
    /// <summary>Attempts in all, the first one included, before an e-mail is given up as failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before the second attempt; it doubles before each further one (1 min, 2 min, 4 min, 8 min).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);
}

public sealed class WebhookOptions
{
    /// <summary>Attempts in all, the first one included, before a delivery is given up as failed.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait before the second attempt; it doubles before each further one (30 s, 1 min, 2 min, …).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>The <c>Notifications</c> configuration section (docs/notifications.md).</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    public NotificationSmtpOptions Smtp { get; set; } = new();

    public WebhookOptions Webhooks { get; set; } = new();

    public EmailRetryOptions Email { get; set; } = new();

    /// <summary>The wait before attempt <paramref name="next"/> (2 and more): the retry delay doubled for each attempt after the second.</summary>
    public static TimeSpan DelayBefore(int next, TimeSpan retryDelay) => retryDelay * Math.Pow(2, Math.Max(0, next - 2));

    public bool EmailConfigured => !string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>The same settings in the shape of the account e-mail's, so that one sender serves both.</summary>
    internal EmailOptions AsEmailOptions() => new()
    {
        From = Smtp.From,
        Smtp = new SmtpOptions { Host = Smtp.Host, Port = Smtp.Port, Security = Smtp.Security, UserName = Smtp.UserName, Password = Smtp.Password },
    };
}

internal sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var failures = new List<string>();
        // The account e-mail's rules apply as they are; only the names of the settings differ.
        var email = new EmailOptionsValidator().Validate(name, options.AsEmailOptions());
        if (email.Failed)
        {
            failures.AddRange(email.Failures.Select(f => f.Replace("Email:Smtp:", "Notifications:Smtp:", StringComparison.Ordinal)
                .Replace("Email:From", "Notifications:Smtp:From", StringComparison.Ordinal)));
        }

        if (options.Webhooks.MaxAttempts is < 1 or > 20)
        {
            failures.Add("Notifications:Webhooks:MaxAttempts must be between 1 and 20.");
        }

        if (options.Webhooks.RetryDelay <= TimeSpan.Zero || options.Webhooks.Timeout <= TimeSpan.Zero)
        {
            failures.Add("Notifications:Webhooks:RetryDelay and Timeout must be positive.");
        }

        if (options.Email.MaxAttempts is < 1 or > 20)
        {
            failures.Add("Notifications:Email:MaxAttempts must be between 1 and 20.");
        }

        if (options.Email.RetryDelay <= TimeSpan.Zero)
        {
            failures.Add("Notifications:Email:RetryDelay must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
