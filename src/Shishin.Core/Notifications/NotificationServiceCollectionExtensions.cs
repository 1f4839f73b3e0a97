using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace Shishin.Core.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>The notifier, its e-mail and webhook senders, the pages' settings and the Quartz jobs that deliver.</summary>
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
        services.AddScoped<NotificationDigestJob>();
        services.AddQuartz(q => q.AddJob<NotificationDigestJob>(j => j.WithIdentity(NotificationDigestJob.Key))
            .AddTrigger(t => t.ForJob(NotificationDigestJob.Key)
                .WithIdentity(NotificationDigestJob.MorningTrigger)
                .WithCronSchedule(NotificationDigestJob.Cron, c => c.InTimeZone(JapanTime.Zone))));
        return services;
    }
}
