using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core;
using Shishin.Core.Assessments;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Assessments;

/// <summary>
/// The team's answer to a published report: accept it, or challenge it with a reason within ten working days, which
/// returns it to the panel. After a Red result the team starts the reassessment of the red checkpoints here.
/// </summary>
public sealed class RespondModel(AssessmentService assessments, ServiceAccess access, IStringLocalizer<SharedResource> l, TimeProvider clock)
    : AssessmentPage(assessments, access, l)
{
    [BindProperty]
    public string? Reason { get; set; }

    public bool Open => View.Assessment is { Status: AssessmentStatus.Published, TeamResponse: TeamResponse.None, ResponseDueOn: { } due }
        && JapanTime.Today(clock) <= due;

    public bool CanReassess => View.Assessment is { Status: AssessmentStatus.Published, Rag: Rag.Red };

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id, may => may.CanRespond) ?? Page();

    public Task<IActionResult> OnPostAcceptAsync(Guid id) => RespondAsync(id, accept: true);

    public Task<IActionResult> OnPostChallengeAsync(Guid id) => RespondAsync(id, accept: false);

    public async Task<IActionResult> OnPostReassessAsync(Guid id)
    {
        if (await LoadAsync(id, may => may.CanRespond) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        var started = await Assessments.StartReassessmentAsync(Scope, id, HttpContext.RequestAborted);
        if (started.Succeeded)
        {
            TempData["Notice"] = L["The reassessment has been started with the red checkpoints."].Value;
            return RedirectToPage("/Assessments/Edit", new { id = started.Value!.Id });
        }

        if (Refusal(started.Failure) is { } refusal)
        {
            return refusal;
        }

        if (started.Failure.Error == AssessmentError.AlreadyOpen && started.Failure.Items.Count > 0 && Guid.TryParse(started.Failure.Items[0], out var open))
        {
            OpenAssessment = open;
        }

        ModelState.AddModelError(string.Empty, Message(started.Failure));
        return Page();
    }

    /// <summary>The assessment still open in this phase, when a reassessment was refused because of it.</summary>
    public Guid? OpenAssessment { get; private set; }

    private async Task<IActionResult> RespondAsync(Guid id, bool accept)
    {
        if (await LoadAsync(id, may => may.CanRespond) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        var responded = await Assessments.RespondAsync(Scope, id, accept, Reason, HttpContext.RequestAborted);
        if (responded.Succeeded)
        {
            TempData["Notice"] = accept ? L["You have accepted the report."].Value : L["The report has been returned to the panel with your reason."].Value;
            return RedirectToPage("/Assessments/Respond", new { id });
        }

        if (Refusal(responded.Failure) is { } refusal)
        {
            return refusal;
        }

        ModelState.AddModelError(responded.Failure.Field == "Reason" ? "Reason" : string.Empty, Message(responded.Failure));
        return Page();
    }
}
