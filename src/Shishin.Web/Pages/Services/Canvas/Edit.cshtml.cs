using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Services.Canvas;

/// <summary>
/// Edit the canvas as one form; every save is a new revision. The form carries the revision it started from: when
/// someone saved in between, nothing is written, the page says so and shows what they changed, and the editor's own
/// text stays in the form to save again. Hypotheses are repeated fieldsets; "add a hypothesis" posts the form back with
/// one more empty row, so it works without JavaScript.
/// </summary>
public sealed class EditModel(CanvasService canvases, ServiceAccess access, IStringLocalizer<SharedResource> l)
    : CanvasPageModel(canvases, access, l), ILanguageSwitchPage
{
    private readonly IStringLocalizer<SharedResource> l = l;

    [BindProperty]
    public CanvasForm Input { get; set; } = new();

    /// <summary>On a conflict: the revision someone else saved meanwhile (null if the form's base was not a real revision).</summary>
    public CanvasRevision? Theirs { get; private set; }

    /// <summary>On a conflict: what changed from the revision the editor started from to <see cref="Theirs"/>.</summary>
    public CanvasDiffResult? TheirChanges { get; private set; }

    public bool Conflict { get; private set; }

    public CanvasMarks Marks { get; } = new(l);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await RefuseAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var latest = await Canvases.GetLatestAsync(Service.Id, cancellationToken);
        Input = CanvasForm.From(latest?.Canvas ?? new ServiceCanvas(), latest?.Number ?? 0);
        EnsureAnEmptyRow();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await RefuseAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        CheckHypothesisCount();
        if (!ModelState.IsValid)
        {
            EnsureAnEmptyRow();
            return Page();
        }

        var result = await Canvases.SaveAsync(Service.Id, Input.BaseRevision, Input.ToCanvas(), CanvasAuthors.Of(User), cancellationToken);
        switch (result.Status)
        {
            case CanvasSaveStatus.Saved:
                TempData["Notice"] = l["The canvas has been saved as revision {0}.", result.Revision!.Number].Value;
                return RedirectToPage("/Services/Canvas/Index", new { key = Key });
            case CanvasSaveStatus.Unchanged:
                TempData["Notice"] = l["Nothing had changed, so no new revision was saved."].Value;
                return RedirectToPage("/Services/Canvas/Index", new { key = Key });
            case CanvasSaveStatus.Conflict:
                await ShowConflictAsync(result.Revision, cancellationToken);
                break;
            default:
                // The form's own checks are the same as Core's, so this is only reached if the two ever drift apart.
                ModelState.AddModelError("", l["The canvas could not be saved: a text is too long or there are too many hypotheses."]);
                break;
        }

        EnsureAnEmptyRow();
        return Page();
    }

    /// <summary>Shows the form again with one more empty hypothesis; nothing is saved.</summary>
    public async Task<IActionResult> OnPostAddHypothesisAsync(CancellationToken cancellationToken)
    {
        if (await RefuseAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Input.Hypotheses.Count >= CanvasFields.MaxHypotheses)
        {
            ModelState.AddModelError(HypothesesKey, l["You can record up to {0} hypotheses.", CanvasFields.MaxHypotheses]);
        }
        else
        {
            Input.Hypotheses.Add(new HypothesisForm());
        }

        return Page();
    }

    public async Task<IActionResult> RedisplayAsync()
    {
        if (await RefuseAsync(HttpContext.RequestAborted) is { } refused)
        {
            return refused;
        }

        EnsureAnEmptyRow();
        return Page();
    }

    /// <summary>The id of the new row after "add a hypothesis", so the browser scrolls to it.</summary>
    public string NextRowId => $"hypothesis-{Input.Hypotheses.Count + 1}";

    private const string HypothesesKey = "Input.Hypotheses";

    private async Task<IActionResult?> RefuseAsync(CancellationToken cancellationToken)
    {
        if (!await LoadServiceAsync(cancellationToken))
        {
            return NotFound();
        }

        return CanEdit ? null : Forbid();
    }

    private void CheckHypothesisCount()
    {
        if (Input.FilledHypotheses > CanvasFields.MaxHypotheses)
        {
            ModelState.AddModelError(HypothesesKey, l["You can record up to {0} hypotheses.", CanvasFields.MaxHypotheses]);
        }
    }

    private void EnsureAnEmptyRow()
    {
        if (Input.Hypotheses.Count == 0)
        {
            Input.Hypotheses.Add(new HypothesisForm());
        }
    }

    private async Task ShowConflictAsync(CanvasRevision? latest, CancellationToken cancellationToken)
    {
        Conflict = true;
        Theirs = latest;
        var started = Input.BaseRevision > 0 ? await Canvases.GetAsync(Service.Id, Input.BaseRevision, cancellationToken) : null;
        if (latest is not null)
        {
            TheirChanges = CanvasDiff.Compare(started?.Canvas ?? new ServiceCanvas(), latest.Canvas);
        }

        // Saving again is a deliberate choice after seeing their changes: it builds on the latest revision.
        Input.BaseRevision = latest?.Number ?? 0;
    }
}
