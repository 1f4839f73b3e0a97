using Microsoft.AspNetCore.OpenApi;
using Shishin.Core.CitizenFeedback;

namespace Shishin.Web.Pages.Feedback;

public static class FeedbackWebExtensions
{
    /// <summary>The citizen feedback intake: the group-commit writer and what the API and the form share.</summary>
    public static IServiceCollection AddShishinFeedbackIntake(this IServiceCollection services, IConfiguration configuration)
    {
        FeedbackServiceCollectionExtensions.AddShishinFeedbackIntake(services, configuration);
        services.AddSingleton<FeedbackClientLimits>();
        services.AddSingleton<RecentSubmissions>();
        services.AddSingleton<FeedbackIntake>();
        services.Configure<OpenApiOptions>("v1", o => o.AddSchemaTransformer(FeedbackApi.DescribeRequestAsync));
        return services;
    }
}
