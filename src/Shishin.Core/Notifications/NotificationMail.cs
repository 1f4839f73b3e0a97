using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shishin.Core.Email;

namespace Shishin.Core.Notifications;

/// <summary>
/// Notification e-mail: the account e-mail's <see cref="EmailSender"/> (ADR 0015) on the <c>Notifications:Smtp</c>
/// settings. Unlike account e-mail there is no pickup folder: while no server is configured nothing is sent or kept,
/// because thousands of unread .eml files help nobody.
/// </summary>
public sealed class NotificationMail(IOptions<NotificationOptions> options, IConfiguration configuration, ILogger<EmailSender> logger)
{
    private readonly Lazy<EmailSender> sender = new(() => new EmailSender(Options.Create(options.Value.AsEmailOptions()), configuration, logger));

    public bool Configured => options.Value.EmailConfigured;

    /// <summary>The site's address for links (<c>Shishin:PublicUrl</c>); null leaves links out.</summary>
    public Uri? Link(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (configuration["Shishin:PublicUrl"] is not { Length: > 0 } publicUrl || !Uri.TryCreate(publicUrl.EndsWith('/') ? publicUrl : publicUrl + "/", UriKind.Absolute, out var baseUri))
        {
            return null;
        }

        // "./" keeps a first segment such as "//host" from being read as an authority (as PublicUrlOptions.Link does).
        return new Uri(baseUri, "./" + path.TrimStart('/'));
    }

    public async Task<EmailDelivery> SendAsync(EmailMessage message, CancellationToken cancellationToken = default) =>
        Configured ? await sender.Value.SendAsync(message, cancellationToken) : EmailDelivery.Failed;
}
