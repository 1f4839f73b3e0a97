using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Assessments;
using Shishin.Core.Catalog;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Assessments;

/// <summary>Starts a self-assessment of a service in a phase (the service's current phase unless chosen otherwise).</summary>
public sealed class StartModel(AssessmentService assessments, ServiceAccess access, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public string? Phase { get; set; }

    public Service Service { get; private set; } = default!;

    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The open assessment of the chosen phase, when starting another was refused because of it.</summary>
    public Guid? OpenAssessment { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key)
    {
        if (await LoadAsync(key) is { } refused)
        {
            return refused;
        }

        Phase = Service.Phase.ToLifecyclePhase() is { } current ? CatalogCodes.Code(current) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key)
    {
        if (await LoadAsync(key) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        if (Phase is null || !CatalogCodes.Phases.TryGetValue(Phase, out var phase))
        {
            ModelState.AddModelError("Phase", l["Choose a phase."]);
            return Page();
        }

        var scope = await access.ScopeAsync(User.ToViewer(), HttpContext.RequestAborted);
        var started = await assessments.StartAsync(scope, key, phase, HttpContext.RequestAborted);
        if (started.Succeeded)
        {
            TempData["Notice"] = l["The self-assessment has been started."].Value;
            return RedirectToPage("/Assessments/Edit", new { id = started.Value!.Id });
        }

        switch (started.Failure.Error)
        {
            case AssessmentError.NotFound:
                return NotFound();
            case AssessmentError.Forbidden:
                return Forbid();
            case AssessmentError.AlreadyOpen when started.Failure.Items.Count > 0 && Guid.TryParse(started.Failure.Items[0], out var open):
                OpenAssessment = open;
                break;
        }

        ModelState.AddModelError(started.Failure.Error == AssessmentError.NoCheckpointsForPhase ? "Phase" : string.Empty, AssessmentMessages.For(l, started.Failure));
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string key)
    {
        var scope = await access.ScopeAsync(User.ToViewer(), HttpContext.RequestAborted);
        var found = await assessments.ServiceToStartAsync(scope, key, HttpContext.RequestAborted);
        if (!found.Succeeded)
        {
            return found.Failure.Error == AssessmentError.Forbidden ? Forbid() : NotFound();
        }

        Service = found.Value!;
        return null;
    }
}
