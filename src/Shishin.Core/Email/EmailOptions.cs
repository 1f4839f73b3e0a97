using Microsoft.Extensions.Options;

namespace Shishin.Core.Email;

/// <summary>How the SMTP connection is secured (<c>Email:Smtp:Security</c>).</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS, which must succeed (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>No encryption: only for a relay on the same host or a test server.</summary>
    None,
}

public sealed class SmtpOptions
{
    /// <summary>The SMTP server; when empty, e-mails are written as .eml files to the pickup folder instead.</summary>
    public string? Host { get; set; }

    /// <summary>0 picks the usual port of <see cref="Security"/>: 587, 465 or 25.</summary>
    public int Port { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public int EffectivePort => Port > 0 ? Port : Security switch
    {
        SmtpSecurity.SslOnConnect => 465,
        SmtpSecurity.None => 25,
        _ => 587,
    };
}

/// <summary>The <c>Email</c> configuration section (docs/configuration.md, ADR 0015).</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>The sender, e.g. <c>Shishin &lt;shishin@example.jp&gt;</c>; required when SMTP is configured.</summary>
    public string? From { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where e-mails go when SMTP is not configured; the data directory's <c>mail/</c> folder when empty.</summary>
    public string? PickupDirectory { get; set; }

    public bool SmtpConfigured => !string.IsNullOrWhiteSpace(Smtp.Host);
}

internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var failures = new List<string>();
        if (options.From is { Length: > 0 } from && !MimeKit.MailboxAddress.TryParse(from, out _))
        {
            failures.Add("Email:From must be an address such as \"Shishin <shishin@example.jp>\".");
        }

        if (options.SmtpConfigured)
        {
            if (string.IsNullOrWhiteSpace(options.From))
            {
                failures.Add("Email:From is required when Email:Smtp:Host is set.");
            }

            if (options.Smtp.Port is < 0 or > 65535)
            {
                failures.Add("Email:Smtp:Port must be between 1 and 65535 (or 0 for the usual port).");
            }

            if (!string.IsNullOrEmpty(options.Smtp.UserName) && string.IsNullOrEmpty(options.Smtp.Password))
            {
                failures.Add("Email:Smtp:Password is required with Email:Smtp:UserName.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
