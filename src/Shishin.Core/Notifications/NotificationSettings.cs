using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shishin.Core.Data;
using Shishin.Core.Scans;
using Shishin.Core.Services;
using Shishin.Scanning.Safety;

namespace Shishin.Core.Notifications;

/// <summary>A subscription with its service, for the account's list.</summary>
public sealed record MySubscription(NotificationSubscription Subscription, string ServiceKey, string NameJa, string NameEn);

/// <summary>A webhook just created, with its secret in clear: shown once, never stored so.</summary>
public sealed record NewWebhook(NotificationWebhook Webhook, string Secret);

/// <summary>
/// What the notification pages change: a person's subscription to a service, and a service's webhooks. The pages
/// check who may do what (seeing the service to subscribe, editing it for webhooks); this class checks the input.
/// </summary>
public sealed class NotificationSettings(
    ShishinDbContext db, WebhookSecrets secrets, WebhookSender sender, NotificationMail mail, IOptions<ScanningOptions> scanning, TimeProvider clock)
{
    public const int MaxWebhooksPerService = 10;

    public bool EmailConfigured => mail.Configured;

    public Task<NotificationSubscription?> SubscriptionAsync(Guid userId, Guid serviceId, CancellationToken cancellationToken = default) =>
        db.NotificationSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId && s.ServiceId == serviceId, cancellationToken);

    public async Task SubscribeAsync(Guid userId, Guid serviceId, IReadOnlyCollection<NotificationKind> kinds, NotificationMode mode, string language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var now = clock.GetUtcNow().UtcDateTime;
        var subscription = await db.NotificationSubscriptions.FirstOrDefaultAsync(s => s.UserId == userId && s.ServiceId == serviceId, cancellationToken);
        if (subscription is null)
        {
            subscription = new NotificationSubscription { UserId = userId, ServiceId = serviceId, CreatedAt = now };
            db.NotificationSubscriptions.Add(subscription);
        }

        subscription.Kinds = NotificationKinds.Of(kinds);
        subscription.Mode = mode;
        subscription.Language = NotificationKinds.LanguageOf(language);
        subscription.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> UnsubscribeAsync(Guid userId, Guid serviceId, CancellationToken cancellationToken = default)
    {
        var subscription = await db.NotificationSubscriptions.FirstOrDefaultAsync(s => s.UserId == userId && s.ServiceId == serviceId, cancellationToken);
        if (subscription is null)
        {
            return false;
        }

        db.NotificationSubscriptions.Remove(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<MySubscription>> MineAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var rows = await db.NotificationSubscriptions.AsNoTracking().Where(s => s.UserId == userId)
            .Select(s => new { Subscription = s, s.Service!.Key, s.Service.NameJa, s.Service.NameEn }).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new MySubscription(r.Subscription, r.Key, r.NameJa, r.NameEn))];
    }

    public async Task<IReadOnlyList<NotificationWebhook>> WebhooksAsync(Guid serviceId, CancellationToken cancellationToken = default) =>
        (await db.NotificationWebhooks.AsNoTracking().Where(w => w.ServiceId == serviceId).ToListAsync(cancellationToken)).OrderBy(w => w.CreatedAt).ToList();

    /// <summary>The service's latest webhook and e-mail deliveries with their status and attempts.</summary>
    public async Task<IReadOnlyList<NotificationDelivery>> RecentDeliveriesAsync(Guid serviceId, int count = 20, CancellationToken cancellationToken = default) =>
        await db.NotificationDeliveries.AsNoTracking().Include(d => d.Event).Where(d => d.ServiceId == serviceId)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(count).ToListAsync(cancellationToken);

    /// <summary>Null when the address may be used; otherwise why not, in the page's words (a key of the page's resources).</summary>
    public string? CheckUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return "Enter the full address, starting with https://.";
        }

        var allowPrivate = scanning.Value.AllowPrivateNetworks;
        if (uri.Scheme != Uri.UriSchemeHttps && !(allowPrivate && uri.Scheme == Uri.UriSchemeHttp))
        {
            return "Enter the full address, starting with https://.";
        }

        if (url.Trim().Length > 2048)
        {
            return "Use at most 2,048 characters.";
        }

        return new GuardedHandler(allowPrivate).CheckForm(url.Trim()) is null
            ? null
            : "This address cannot be reached from Shishin: use a public address on port 443.";
    }

    public async Task<NewWebhook> CreateWebhookAsync(Guid serviceId, string url, IReadOnlyCollection<NotificationKind> kinds, Guid? createdBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(kinds);
        var secret = WebhookSecrets.NewSecret();
        var webhook = new NotificationWebhook
        {
            ServiceId = serviceId, Url = url.Trim(), ProtectedSecret = secrets.Protect(secret), SecretPrefix = WebhookSecrets.Hint(secret),
            Kinds = NotificationKinds.Of(kinds), Enabled = true, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedById = createdBy,
        };
        db.NotificationWebhooks.Add(webhook);
        await db.SaveChangesAsync(cancellationToken);
        return new NewWebhook(webhook, secret);
    }

    public async Task<int> WebhookCountAsync(Guid serviceId, CancellationToken cancellationToken = default) =>
        await db.NotificationWebhooks.CountAsync(w => w.ServiceId == serviceId, cancellationToken);

    public async Task<bool> SetEnabledAsync(Guid serviceId, Guid webhookId, bool enabled, CancellationToken cancellationToken = default)
    {
        var webhook = await db.NotificationWebhooks.FirstOrDefaultAsync(w => w.Id == webhookId && w.ServiceId == serviceId, cancellationToken);
        if (webhook is null)
        {
            return false;
        }

        webhook.Enabled = enabled;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> DeleteWebhookAsync(Guid serviceId, Guid webhookId, CancellationToken cancellationToken = default)
    {
        var webhook = await db.NotificationWebhooks.FirstOrDefaultAsync(w => w.Id == webhookId && w.ServiceId == serviceId, cancellationToken);
        if (webhook is null)
        {
            return false;
        }

        db.NotificationWebhooks.Remove(webhook);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Posts a signed test payload once, now, and says what the receiver answered; nothing is recorded or retried.</summary>
    public async Task<WebhookAttempt?> TestAsync(Service service, Guid webhookId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        var webhook = await db.NotificationWebhooks.AsNoTracking().FirstOrDefaultAsync(w => w.Id == webhookId && w.ServiceId == service.Id, cancellationToken);
        if (webhook is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        return await sender.PostAsync(webhook.Url, secrets.Unprotect(webhook.ProtectedSecret), WebhookPayloads.Test(service, now.UtcDateTime), "Test",
            Guid.CreateVersion7(), now, cancellationToken);
    }
}
