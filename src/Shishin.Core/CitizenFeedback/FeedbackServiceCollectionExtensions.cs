using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Shishin.Core.CitizenFeedback;

public static class FeedbackServiceCollectionExtensions
{
    /// <summary>The intake: options and the group-commit writer (a hosted service: web nodes only). The service cache is core's.</summary>
    public static IServiceCollection AddShishinFeedbackIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedbackOptions>().Bind(configuration.GetSection(FeedbackOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => Valid(o.Queue) && Valid(o.RateLimit), "Feedback:Queue or Feedback:RateLimit has a value out of range (docs/feedback.md).")
            .ValidateOnStart();
        services.AddSingleton<FeedbackWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<FeedbackWriter>());
        return services;
    }

    private static bool Valid(object? section) =>
        section is not null && Validator.TryValidateObject(section, new ValidationContext(section), null, validateAllProperties: true);
}
