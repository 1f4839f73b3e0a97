using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Shishin.Core.Identity;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Admin.Services;

/// <summary>
/// The two service CSV pages live under /Admin with the other administration pages, but are not for administrators
/// only: service owners import the services of their own organisations, and the export is open to everyone (each sees
/// what their scope allows; anonymous visitors the public services, as the API shows them — #7 オープン). Registered
/// after the folder's Admin policy, whose requirement these conventions replace.
/// </summary>
public static class ServiceCsvPageConventions
{
    /// <summary>A 5 MB file plus the rest of the multipart form.</summary>
    public const long ImportRequestLimit = ServiceCsv.MaxBytes + (64 * 1024);

    public static void Apply(PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        conventions.AddPageApplicationModelConvention("/Admin/Services/Import", model =>
        {
            WithoutAdminPolicy(model);
            model.EndpointMetadata.Add(new AuthorizeAttribute { Roles = $"{Roles.Admin},{Roles.ServiceOwner}" });
            // The body limit middleware reads this from the endpoint; the default limit is far smaller.
            model.EndpointMetadata.Add(new RequestSizeLimitAttribute(ImportRequestLimit));
        });
        conventions.AddPageApplicationModelConvention("/Admin/Services/Export", model =>
        {
            WithoutAdminPolicy(model);
            model.EndpointMetadata.Add(new AllowAnonymousAttribute());
        });
    }

    private static void WithoutAdminPolicy(PageApplicationModel model)
    {
        foreach (var admin in model.EndpointMetadata.Where(m => m is AuthorizeAttribute { Policy: Policies.Admin }).ToList())
        {
            model.EndpointMetadata.Remove(admin);
        }
    }
}
