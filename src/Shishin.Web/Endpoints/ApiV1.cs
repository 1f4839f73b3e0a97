using Shishin.Web.Pages.Admin.Services;
using Shishin.Web.Pages.Assessments;
using Shishin.Web.Pages.Catalog;
using Shishin.Web.Pages.Feedback;
using Shishin.Web.Pages.Organizations;
using Shishin.Web.Pages.Services;
using Shishin.Web.Pages.Services.Scans;

namespace Shishin.Web.Endpoints;

/// <summary>
/// The <c>/api/v1</c> group that every feature's endpoints share; each feature maps its own endpoints from its folder
/// under Pages, next to the pages that show the same data.
/// </summary>
public static class ApiV1
{
    public static void MapApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("v1");

        api.MapOrganizationApi();
        api.MapCatalogApi();
        api.MapServiceWriteApi();
        api.MapServiceImportApi();
        api.MapServiceReadApi();
        api.MapAssessmentApi();
        api.MapScanReadApi();
        api.MapScanWriteApi();
        api.MapFeedbackApi();
    }
}
