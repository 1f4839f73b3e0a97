using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Shishin.Core.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// The notifier, its e-mail and webhook senders, the pages' settings and the jobs that deliver. Quartz itself (and the
    /// digest's cron trigger) is registered once, by <c>AddShishinJobs</c>, so every process queues into the same store.
    /// </summary>
    public static IServiceCollection AddShishinNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>();
        services.AddSingleton<NotificationMail>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookSecrets>();
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationSettings>();
        services.AddScoped<DispatchNotificationJob>();
        services.AddScoped<WebhookDeliveryJob>();
        services.AddScoped<EmailDeliveryJob>();
        services.AddScoped<NotificationDigestJob>();
        return services;
    }
}
