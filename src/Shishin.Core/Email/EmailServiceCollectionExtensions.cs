using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Shishin.Core.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>The e-mail sender of the web host and the worker, configured by the <c>Email</c> section.</summary>
    public static IServiceCollection AddShishinEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddSingleton<EmailSender>();
        return services;
    }
}
