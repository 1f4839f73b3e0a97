using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core.Assessments;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Assessments;

/// <summary>
/// The self-assessment: every checkpoint of the assessment is a form of its own that saves on its own (save as you go),
/// without JavaScript. After a save the page comes back at that checkpoint; a refused save keeps what was typed.
/// </summary>
public sealed class EditModel(AssessmentService assessments, ScanEvidence evidence, ServiceAccess access, IStringLocalizer<SharedResource> l)
    : AssessmentPage(assessments, access, l)
{
    /// <summary>What the latest scan suggests for the checkpoints of check types A and S, by checkpoint id.</summary>
    public IReadOnlyDictionary<string, ScanSuggestion> Suggestions { get; private set; } = new Dictionary<string, ScanSuggestion>();

    [BindProperty]
    public CheckpointForm Input { get; set; } = new();

    /// <summary>The checkpoint whose posted input is shown instead of the stored answer (after a refused save).</summary>
    public string? PostedCheckpoint { get; private set; }

    /// <summary>After a conflict: the answer as someone else stored it, shown beside the kept input.</summary>
    public CheckpointResult? Theirs { get; private set; }

    public bool Editable => View.Assessment.Status == AssessmentStatus.Draft && View.May.CanSelfAssess;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadWithEvidenceAsync(id) ?? Page();

    private async Task<IActionResult?> LoadWithEvidenceAsync(Guid id)
    {
        if (await LoadAsync(id, may => may.CanSelfAssess) is { } refused)
        {
            return refused;
        }

        Suggestions = await evidence.SuggestAsync(View.Service.Id, View.Groups.SelectMany(g => g.Checkpoints), HttpContext.RequestAborted);
        return null;
    }

    /// <summary>Whether the checkpoint is one the scanner measures (check type A or S with rules), with or without a scan yet.</summary>
    public static bool IsMeasured(Shishin.Core.Catalog.Checkpoint checkpoint) => ScanEvidence.IsMeasured(checkpoint);

    public async Task<IActionResult> OnPostSaveAsync(Guid id, string? checkpoint)
    {
        if (await LoadWithEvidenceAsync(id) is { } refused)
        {
            return refused;
        }

        // The form is checked by the workflow's rules below; binding problems (a mangled revision) become a conflict.
        ModelState.Clear();
        var checkpointId = checkpoint ?? "";
        var saved = await Assessments.SaveResultAsync(Scope, id, checkpointId,
            new CheckpointAnswer(Input.ParsedOutcome, Input.NotApplicableReason, Input.Evidence, Input.Links, Input.Note, Input.OverrideReason), Input.Revision, HttpContext.RequestAborted);
        if (saved.Succeeded)
        {
            TempData["Notice"] = L["{0} saved.", saved.Value!.CheckpointId].Value;
            return RedirectToPage("/Assessments/Edit", null, new { id }, saved.Value.CheckpointId);
        }

        if (Refusal(saved.Failure) is { } refusal)
        {
            return refusal;
        }

        PostedCheckpoint = View.Result(checkpointId)?.CheckpointId;
        var field = saved.Failure.Field switch
        {
            nameof(CheckpointAnswer.NotApplicableReason) => "reason",
            nameof(CheckpointAnswer.Evidence) => "evidence",
            nameof(CheckpointAnswer.Links) => "links",
            nameof(CheckpointAnswer.Note) => "note",
            nameof(CheckpointAnswer.OverrideReason) => "override",
            _ => null,
        };
        if (saved.Failure.Error == AssessmentError.Conflict && saved.Failure.Current is { } current)
        {
            Theirs = current;
            // Saving again applies the kept input over what is stored now, deliberately.
            Input.Revision = current.Revision;
        }

        ModelState.AddModelError(PostedCheckpoint is null || field is null ? string.Empty : $"{PostedCheckpoint}-{field}", Message(saved.Failure));
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id)
    {
        if (await LoadWithEvidenceAsync(id) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        var submitted = await Assessments.SubmitAsync(Scope, id, HttpContext.RequestAborted);
        if (submitted.Succeeded)
        {
            TempData["Notice"] = L["The self-assessment has been submitted for review."].Value;
            return RedirectToPage("/Assessments/Edit", new { id });
        }

        if (Refusal(submitted.Failure) is { } refusal)
        {
            return refusal;
        }

        ModelState.AddModelError(string.Empty, Message(submitted.Failure));
        if (submitted.Failure.Error == AssessmentError.Unanswered)
        {
            foreach (var checkpoint in submitted.Failure.Items)
            {
                ModelState.AddModelError($"{checkpoint}-outcome", L["{0}: choose an outcome.", checkpoint]);
            }
        }

        return Page();
    }

    /// <summary>What a checkpoint's form shows: the kept input of a refused save, or the stored answer.</summary>
    public CheckpointForm FormFor(string checkpointId) =>
        string.Equals(PostedCheckpoint, checkpointId, StringComparison.OrdinalIgnoreCase) ? Input
            : View.Result(checkpointId) is { } result ? CheckpointForm.From(result) : new CheckpointForm();

    /// <summary>The first unanswered checkpoint after the given one (wrapping round), for the "next unanswered" link.</summary>
    public string? NextUnanswered(string? after)
    {
        var unanswered = View.Unanswered;
        if (unanswered.Count == 0)
        {
            return null;
        }

        var order = View.Groups.SelectMany(g => g.Checkpoints).Select(c => c.Id).ToList();
        var position = after is null ? -1 : order.FindIndex(c => string.Equals(c, after, StringComparison.OrdinalIgnoreCase));
        return order.Skip(position + 1).Concat(order.Take(position + 1)).FirstOrDefault(c => unanswered.Contains(c) && !string.Equals(c, after, StringComparison.OrdinalIgnoreCase));
    }

    public string? ErrorOf(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;
}
