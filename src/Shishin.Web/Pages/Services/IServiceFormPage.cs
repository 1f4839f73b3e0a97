using Microsoft.AspNetCore.Mvc.Rendering;
using Shishin.Core.Organizations;

namespace Shishin.Web.Pages.Services;

/// <summary>What the shared fields of the add and edit forms need from their page.</summary>
public interface IServiceFormPage
{
    ServiceForm Input { get; }
    IReadOnlyList<SelectListItem> OrganizationItems { get; }
    IReadOnlyList<Organization> PartnerCompanies { get; }
    IReadOnlyList<SelectListItem> ChannelItems { get; }
    bool English { get; }
}
