using Microsoft.AspNetCore.Mvc.Rendering;

namespace Shishin.Web.Pages.Admin.Organizations;

/// <summary>What the shared field partial needs from the create and edit pages.</summary>
public interface IOrganizationFormPage
{
    OrganizationForm Input { get; }
    IReadOnlyList<SelectListItem> KindItems { get; }
    IReadOnlyList<SelectListItem> ParentItems { get; }
}
