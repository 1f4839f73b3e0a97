using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Shishin.Core.Organizations;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Services;

/// <summary>
/// Adds a service to the register: an admin in any organisation, a service owner in one of their own (only those are
/// offered, and a posted other one is refused). Everyone else may not add services (403).
/// </summary>
public sealed class NewModel(ServiceRegistry registry, ServiceAccess access, OrganizationService organizations, IStringLocalizer<SharedResource> l)
    : PageModel, IServiceFormPage
{
    [BindProperty]
    public ServiceForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> OrganizationItems { get; private set; } = [];
    public IReadOnlyList<Organization> PartnerCompanies { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ChannelItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> PhaseItems { get; private set; } = [];
    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = await access.ScopeAsync(User.ToViewer(), HttpContext.RequestAborted);
        if (!await LoadAsync(scope))
        {
            return Forbid();
        }

        // One organisation needs no choice.
        if (OrganizationItems.Count == 1)
        {
            Input.Organization = OrganizationItems[0].Value;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var scope = await access.ScopeAsync(User.ToViewer(), HttpContext.RequestAborted);
        if (!await LoadAsync(scope))
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Only the organisations offered may be posted: another is refused here with a message, as the registry would.
        if (!string.IsNullOrWhiteSpace(Input.Organization) && OrganizationItems.All(o => o.Value != Input.Organization.Trim())
            && await organizations.FindByKeyAsync(Input.Organization.Trim(), HttpContext.RequestAborted) is { Kind: not OrganizationKind.Partner })
        {
            ModelState.AddModelError("Input.Organization", l["You can add services only to your own organisations."]);
            return Page();
        }

        var result = await registry.CreateAsync(Input.ToInput(), scope, HttpContext.RequestAborted);
        switch (result.Outcome)
        {
            case RegistryOutcome.Saved:
                TempData["Notice"] = l["The service has been added."].Value;
                return ServiceWritePage.ToDetails(this, result.Value!.Key);
            case RegistryOutcome.Forbidden:
                ModelState.AddModelError("Input.Organization", l["You can add services only to your own organisations."]);
                return Page();
            default:
                ServiceMessages.AddTo(ModelState, l, result.Errors);
                return Page();
        }
    }

    /// <summary>Fills the lists; false when the visitor may add services nowhere.</summary>
    private async Task<bool> LoadAsync(ServiceScope scope)
    {
        if (!(scope.Viewer.IsAdmin || (scope.Viewer.IsServiceOwner && scope.OwnedOrganizationIds.Count > 0)))
        {
            return false;
        }

        var labels = new ServiceLabels(l);
        var all = await organizations.ListAsync(HttpContext.RequestAborted);
        OrganizationItems = [.. all.Where(o => o.Kind != OrganizationKind.Partner && scope.CanCreateIn(o.Id)).Select(o => new SelectListItem(o.Name(English), o.Key))];
        PartnerCompanies = [.. all.Where(o => o.Kind == OrganizationKind.Partner)];
        ChannelItems = [.. Enum.GetValues<ServiceChannel>().Select(c => new SelectListItem(labels.Channel(c), c.ToString().ToLowerInvariant()))];
        PhaseItems = [.. Enum.GetValues<ServicePhase>().Select(p => new SelectListItem(labels.Phase(p), p.Key()))];
        return OrganizationItems.Count > 0;
    }
}
