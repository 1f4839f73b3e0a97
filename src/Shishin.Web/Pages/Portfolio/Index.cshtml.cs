using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core.Assessments;
using Shishin.Core.Catalog;
using Shishin.Core.Organizations;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Portfolio;

public sealed class IndexModel(AssessmentReports reports, ServiceAccess access, OrganizationService organizations, CatalogService catalog, IStringLocalizer<SharedResource> l)
    : PortfolioPage(reports, access, organizations, catalog, l)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }
}
