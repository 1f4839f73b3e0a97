using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core.Scans;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services.Scans;

/// <summary>Adds a scan profile to a service; its schedule is set up when it is saved.</summary>
public sealed class NewProfileModel(ServiceDirectory directory, ServiceAccess access, ScanProfiles profiles, IStringLocalizer<SharedResource> l)
    : ProfilePage(directory, access)
{
    protected override IStringLocalizer<SharedResource> Text => l;

    public async Task<IActionResult> OnGetAsync(string key)
    {
        if (await LoadAsync(key, ServiceRight.Edit) is { } refused)
        {
            return refused;
        }

        var defaults = new ScanProfile();
        Input = ProfileForm.From(defaults);
        Input.Name = (await profiles.ListAsync(Service.Id, HttpContext.RequestAborted)).Count == 0 ? l["Public site"] : "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key)
    {
        if (await LoadAsync(key, ServiceRight.Edit) is { } refused)
        {
            return refused;
        }

        if (!Check())
        {
            return Page();
        }

        var result = await profiles.CreateAsync(Service.Id, Input.ToInput(), HttpContext.RequestAborted);
        if (result.Outcome != ScanProfileOutcome.Saved)
        {
            AddErrors(result.Errors);
            return Page();
        }

        TempData["Notice"] = l["The scan profile has been saved."].Value;
        return RedirectToPage("/Services/Scans/Index", new { key });
    }
}
