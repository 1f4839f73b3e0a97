using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core.Assessments;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Assessments;

/// <summary>The panel's page: who sits on the panel, a comment and RAG per checkpoint, the overall result, publishing.</summary>
public sealed class ReviewModel(AssessmentService assessments, ServiceAccess access, IStringLocalizer<SharedResource> l)
    : AssessmentPage(assessments, access, l)
{
    /// <summary>The panel form: the chosen reviewers and their lead.</summary>
    [BindProperty]
    public List<Guid> Members { get; set; } = [];

    [BindProperty]
    public Guid? Lead { get; set; }

    /// <summary>One checkpoint's rating form.</summary>
    [BindProperty]
    public string? Rag { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public int Revision { get; set; }

    [BindProperty]
    public string? DoneWell { get; set; }

    [BindProperty]
    public string? ToImprove { get; set; }

    public IReadOnlyList<ReviewerOption> Reviewers { get; private set; } = [];

    /// <summary>The checkpoint whose posted rating is shown instead of the stored one (after a refused save).</summary>
    public string? PostedCheckpoint { get; private set; }

    /// <summary>The overall form's posted values are shown instead of the stored ones (after a refused save).</summary>
    public bool OverallPosted { get; private set; }

    public CheckpointResult? Theirs { get; private set; }

    public bool InReview => View.Assessment.Status == AssessmentStatus.InReview;

    public bool CanSetPanel => View.May.CanReview && View.Assessment.Status is AssessmentStatus.Submitted or AssessmentStatus.InReview;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadPageAsync(id) ?? Page();

    public async Task<IActionResult> OnPostPanelAsync(Guid id)
    {
        if (await LoadPageAsync(id) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        var set = await Assessments.AssignPanelAsync(Scope, id, Members, Lead, HttpContext.RequestAborted);
        return Done(id, set.Failure, L["The panel has been set."], "panel", "panel-members");
    }

    public async Task<IActionResult> OnPostRateAsync(Guid id, string? checkpoint)
    {
        if (await LoadPageAsync(id) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        var rag = Enum.TryParse<Rag>(Rag, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? parsed : (Rag?)null;
        var rated = await Assessments.RateAsync(Scope, id, checkpoint ?? "", Comment, rag, Revision, HttpContext.RequestAborted);
        if (rated.Succeeded)
        {
            TempData["Notice"] = L["{0} saved.", rated.Value!.CheckpointId].Value;
            return RedirectToPage("/Assessments/Review", null, new { id }, rated.Value.CheckpointId);
        }

        if (Refusal(rated.Failure) is { } refusal)
        {
            return refusal;
        }

        PostedCheckpoint = View.Result(checkpoint ?? "")?.CheckpointId;
        if (rated.Failure.Current is { } current)
        {
            Theirs = current;
            Revision = current.Revision;
        }

        ModelState.AddModelError(PostedCheckpoint is not null && rated.Failure.Field is not null ? $"{PostedCheckpoint}-comment" : string.Empty, Message(rated.Failure));
        return Page();
    }

    public async Task<IActionResult> OnPostOverallAsync(Guid id)
    {
        if (await LoadPageAsync(id) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        var rag = Enum.TryParse<Rag>(Rag, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? parsed : (Rag?)null;
        var set = await Assessments.SetOverallAsync(Scope, id, new OverallRating(rag, DoneWell, ToImprove), Revision, HttpContext.RequestAborted);
        OverallPosted = !set.Succeeded;
        if (set.Failure is { Error: AssessmentError.Conflict })
        {
            Revision = View.Assessment.Revision;
        }

        return Done(id, set.Failure, L["The overall result has been saved."], "overall",
            set.Failure?.Field switch { nameof(OverallRating.DoneWell) => "DoneWell", nameof(OverallRating.ToImprove) => "ToImprove", _ => null });
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id)
    {
        if (await LoadPageAsync(id) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        var published = await Assessments.PublishAsync(Scope, id, HttpContext.RequestAborted);
        if (published.Succeeded)
        {
            TempData["Notice"] = L["The report has been published."].Value;
            return RedirectToPage("/Assessments/Review", new { id });
        }

        if (Refusal(published.Failure) is { } refusal)
        {
            return refusal;
        }

        ModelState.AddModelError(string.Empty, Message(published.Failure));
        foreach (var checkpoint in published.Failure.Error == AssessmentError.Unrated ? published.Failure.Items : [])
        {
            ModelState.AddModelError($"{checkpoint}-rag", L["{0}: choose a rating.", checkpoint]);
        }

        return Page();
    }

    private async Task<IActionResult?> LoadPageAsync(Guid id)
    {
        if (await LoadAsync(id, may => may.CanReview) is { } refused)
        {
            return refused;
        }

        Reviewers = await Assessments.ListReviewersAsync(HttpContext.RequestAborted);
        return null;
    }

    private IActionResult Done(Guid id, AssessmentFailure? failure, string notice, string anchor, string? field)
    {
        if (failure is null)
        {
            TempData["Notice"] = notice;
            return RedirectToPage("/Assessments/Review", null, new { id }, anchor);
        }

        if (Refusal(failure) is { } refusal)
        {
            return refusal;
        }

        ModelState.AddModelError(field ?? string.Empty, Message(failure));
        return Page();
    }

    public string? ErrorOf(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    public bool IsPosted(string checkpointId) => string.Equals(PostedCheckpoint, checkpointId, StringComparison.OrdinalIgnoreCase);
}
