using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;

namespace Shishin.Web.Infrastructure;

public static class PublicUrlExtensions
{
    public static IServiceCollection AddPublicUrl(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublicUrlOptions>()
            .Bind(configuration.GetSection(PublicUrlOptions.SectionName))
            .Validate(o => PublicUrlOptions.IsValid(o.PublicUrl),
                "Shishin:PublicUrl must be the absolute http or https address where people reach Shishin, such as " +
                "https://shishin.example.jp/ (no query, fragment or user name). Development uses http://localhost:5080.")
            .ValidateOnStart();
        // The document's servers list would otherwise echo the request's scheme and Host.
        services.Configure<OpenApiOptions>("v1", o => o.AddDocumentTransformer((document, context, _) =>
        {
            var url = context.ApplicationServices.GetRequiredService<IOptions<PublicUrlOptions>>().Value.BaseUri.ToString().TrimEnd('/');
            document.Servers = [new Microsoft.OpenApi.OpenApiServer { Url = url }];
            return Task.CompletedTask;
        }));
        return services;
    }
}
