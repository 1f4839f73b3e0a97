using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Shishin.Core.Data;

namespace Shishin.Core.Email;

/// <summary>
/// Sends Shishin's e-mails (ADR 0015): over SMTP with MailKit when <c>Email:Smtp:Host</c> is set, otherwise as .eml
/// files in the pickup folder (the data directory's <c>mail/</c>), so a new instance works without a mail server and
/// an administrator can still open every message. It never throws for a delivery problem: the caller's action has
/// already happened and is told <see cref="EmailDelivery.Failed"/>, which is logged without the message's content.
/// </summary>
public sealed partial class EmailSender(IOptions<EmailOptions> options, IConfiguration configuration, ILogger<EmailSender> logger)
{
    private const string PickupFrom = "Shishin <shishin@localhost>";
    private readonly List<Task> background = [];

    // Resolved once: the data directory's lookup walks up the folders from the program, and the sender is a singleton.
    private readonly Lazy<string> pickupDirectory = new(() => options.Value.PickupDirectory is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.Combine(DataDirectory.Resolve(configuration), "mail"));

    public bool SmtpConfigured => options.Value.SmtpConfigured;

    /// <summary>The folder .eml files are written to while SMTP is not configured.</summary>
    public string PickupDirectory => pickupDirectory.Value;

    public async Task<EmailDelivery> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        MimeMessage mime;
        try
        {
            mime = ToMime(message);
        }
        catch (ParseException)
        {
            LogBadAddress(logger, message.Subject);
            return EmailDelivery.Failed;
        }

        using (mime)
        {
            return SmtpConfigured ? await SendSmtpAsync(mime, cancellationToken) : await SaveAsync(mime, cancellationToken);
        }
    }

    /// <summary>
    /// Sends without making the request wait, for e-mails whose sending must not be seen in the response time (a
    /// reset link or a lockout notice exists only for a real account). The outcome is logged.
    /// </summary>
    public void SendInBackground(EmailMessage message)
    {
        var task = Task.Run(() => SendAsync(message));
        lock (background)
        {
            background.RemoveAll(t => t.IsCompleted);
            background.Add(task);
        }
    }

    /// <summary>Waits for e-mails sent in the background (at shutdown and in tests).</summary>
    public Task DrainAsync()
    {
        lock (background)
        {
            return Task.WhenAll(background.ToList());
        }
    }

    private MimeMessage ToMime(EmailMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(options.Value.From is { Length: > 0 } from ? from : PickupFrom));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();
        return mime;
    }

    private async Task<EmailDelivery> SendSmtpAsync(MimeMessage mime, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        try
        {
            using var client = new SmtpClient();
            var security = smtp.Security switch
            {
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                SmtpSecurity.None => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(smtp.Host!, smtp.EffectivePort, security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }

            await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return EmailDelivery.Sent;
        }
        catch (Exception e) when (e is IOException or SocketException or ProtocolException or CommandException or AuthenticationException
                                       or SslHandshakeException or TimeoutException or OperationCanceledException or InvalidOperationException)
        {
            // The exception's type and message name the server's answer; they hold neither the password nor the body.
            LogSmtpFailure(logger, e, smtp.Host!, smtp.EffectivePort, mime.Subject ?? "");
            return EmailDelivery.Failed;
        }
    }

    private async Task<EmailDelivery> SaveAsync(MimeMessage mime, CancellationToken cancellationToken)
    {
        var directory = PickupDirectory;
        try
        {
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, $"{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid():N}.eml");
            await mime.WriteToAsync(path, cancellationToken);
            LogSaved(logger, directory);
            return EmailDelivery.SavedToFolder;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogSaveFailure(logger, e, directory);
            return EmailDelivery.Failed;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "E-mail \"{Subject}\" could not be sent through {Host}:{Port}.")]
    private static partial void LogSmtpFailure(ILogger logger, Exception exception, string host, int port, string subject);

    [LoggerMessage(Level = LogLevel.Error, Message = "E-mail \"{Subject}\" has an address that is not valid; it was not sent.")]
    private static partial void LogBadAddress(ILogger logger, string subject);

    [LoggerMessage(Level = LogLevel.Information, Message = "SMTP is not configured (Email:Smtp:Host); an e-mail was saved in {Directory}.")]
    private static partial void LogSaved(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Error, Message = "An e-mail could not be saved in {Directory}.")]
    private static partial void LogSaveFailure(ILogger logger, Exception exception, string directory);
}
