using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services;

/// <summary>
/// Moves a service to another phase as of the day the team entered it (Japan date, today by default), with a note;
/// each change is appended to the service's phase history and the same phase again is refused.
/// </summary>
public sealed class PhaseModel(ServiceRegistry registry, ServiceAccess access, IStringLocalizer<SharedResource> l)
    : ServiceWritePage(registry, access)
{
    [BindProperty]
    public PhaseForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> PhaseItems { get; private set; } = [];

    public ServiceLabels Labels { get; } = new(l);

    public async Task<IActionResult> OnGetAsync(string key)
    {
        if (await LoadAsync(key) is { } refused)
        {
            return refused;
        }

        Input.EnteredOn = Registry.TodayInJapan();
        Lists();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key)
    {
        if (await LoadAsync(key) is { } refused)
        {
            return refused;
        }

        Lists();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await Registry.ChangePhaseAsync(key, Input.ToInput(), Scope, HttpContext.RequestAborted);
        switch (result.Outcome)
        {
            case RegistryOutcome.Saved:
                TempData["Notice"] = l["The phase has been changed."].Value;
                return ToDetails(this, key);
            case RegistryOutcome.Conflict:
                // The service moved on meanwhile (another phase change or an edit): show it as it is now, input kept.
                ModelState.AddModelError(string.Empty, l["Someone else changed this service in the meantime."]);
                if (result.Value is null || await LoadAsync(key) is not null)
                {
                    return NotFound();
                }

                return Page();
            case RegistryOutcome.NotFound:
                return NotFound();
            case RegistryOutcome.Forbidden:
                return Forbid();
            default:
                ServiceMessages.AddTo(ModelState, l, result.Errors);
                return Page();
        }
    }

    private void Lists() =>
        PhaseItems = [.. Enum.GetValues<ServicePhase>().Select(p => new SelectListItem(Labels.Phase(p), p.Key()))];
}
