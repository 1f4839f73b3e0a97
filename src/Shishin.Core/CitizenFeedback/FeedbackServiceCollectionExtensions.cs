using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Shishin.Core.CitizenFeedback;

public static class FeedbackServiceCollectionExtensions
{
    /// <summary>The intake: options, the service cache and the group-commit writer (a hosted service: web nodes only).</summary>
    public static IServiceCollection AddShishinFeedbackIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedbackOptions>().Bind(configuration.GetSection(FeedbackOptions.SectionName))
            .ValidateDataAnnotations().Validate(o => o.Queue is not null && o.RateLimit is not null).ValidateOnStart();
        services.AddSingleton<FeedbackTargets>();
        services.AddSingleton<FeedbackWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<FeedbackWriter>());
        return services;
    }
}
