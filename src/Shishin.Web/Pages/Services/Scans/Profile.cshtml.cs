using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core.Scans;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services.Scans;

/// <summary>
/// Edits or deletes a scan profile. The form carries the revision it was loaded from: when someone else saved
/// meanwhile, the page says so and keeps the input, and the revision moves on so that saving again applies it.
/// </summary>
public sealed class ProfileModel(ServiceDirectory directory, ServiceAccess access, ScanProfiles profiles, IStringLocalizer<SharedResource> l)
    : ProfilePage(directory, access)
{
    protected override IStringLocalizer<SharedResource> Text => l;

    [BindProperty]
    public int Revision { get; set; }

    public ScanProfile Profile { get; private set; } = default!;

    /// <summary>After a conflict: the profile as stored now.</summary>
    public ScanProfile? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, Guid id)
    {
        if (await LoadProfileAsync(key, id) is { } refused)
        {
            return refused;
        }

        Input = ProfileForm.From(Profile);
        Revision = Profile.Revision;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, Guid id)
    {
        if (await LoadProfileAsync(key, id) is { } refused)
        {
            return refused;
        }

        if (!Check())
        {
            return Page();
        }

        var result = await profiles.UpdateAsync(Service.Id, id, Input.ToInput(), Revision, HttpContext.RequestAborted);
        switch (result.Outcome)
        {
            case ScanProfileOutcome.Saved:
                TempData["Notice"] = l["The scan profile has been saved."].Value;
                return RedirectToPage("/Services/Scans/Index", new { key });
            case ScanProfileOutcome.Conflict when result.Profile is { } current:
                Conflict(current);
                return Page();
            case ScanProfileOutcome.Invalid:
                AddErrors(result.Errors);
                return Page();
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(string key, Guid id)
    {
        if (await LoadProfileAsync(key, id) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        switch (await profiles.DeleteAsync(Service.Id, id, Revision, HttpContext.RequestAborted))
        {
            case ScanProfileOutcome.Saved:
                TempData["Notice"] = l["The scan profile has been deleted. Its runs are kept."].Value;
                return RedirectToPage("/Services/Scans/Index", new { key });
            case ScanProfileOutcome.Conflict:
                Input = ProfileForm.From(Profile);
                Conflict(Profile);
                return Page();
            default:
                return NotFound();
        }
    }

    private void Conflict(ScanProfile current)
    {
        ModelState.AddModelError(string.Empty, l["Someone else changed this scan profile in the meantime."]);
        ModelState.AddModelError(string.Empty, l["Your input is kept below. Check the profile as stored now, then save again to apply it."]);
        Current = current;
        Revision = current.Revision;
    }

    private async Task<IActionResult?> LoadProfileAsync(string key, Guid id)
    {
        if (await LoadAsync(key, ServiceRight.Edit) is { } refused)
        {
            return refused;
        }

        if (await profiles.FindAsync(Service.Id, id, HttpContext.RequestAborted) is not { } profile)
        {
            return NotFound();
        }

        Profile = profile;
        return null;
    }
}
