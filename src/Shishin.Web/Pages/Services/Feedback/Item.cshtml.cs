using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Shishin.Core.Assessments;
using Shishin.Core.CitizenFeedback;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;
using FeedbackEntry = Shishin.Core.CitizenFeedback.Feedback;

namespace Shishin.Web.Pages.Services.Feedback;

/// <summary>
/// One submission, for the service's team; its owners triage it: status, tags, and the action item that answers it (one
/// of the service's, or a new one). A save based on an older revision changes nothing, keeps the input and shows the
/// submission as it is now. Each triage is audited.
/// </summary>
public sealed class ItemModel(ServiceDirectory directory, ServiceAccess access, FeedbackInbox inbox, IStringLocalizer<SharedResource> l)
    : ServicePageModel(directory, access)
{
    [BindProperty]
    [Display(Name = "Status")]
    public string? Status { get; set; }

    [BindProperty]
    [StringLength(FeedbackEntry.MaxTagsLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Tags")]
    public string? Tags { get; set; }

    [BindProperty]
    [Display(Name = "Action item")]
    public Guid? ActionItemId { get; set; }

    [BindProperty]
    [StringLength(FeedbackInbox.ActionTitleMaxLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Title of the new action item")]
    public string? ActionTitle { get; set; }

    [BindProperty]
    [DataType(DataType.Date)]
    [Display(Name = "Due date")]
    public DateOnly? ActionDueOn { get; set; }

    [BindProperty]
    public int Revision { get; set; }

    public FeedbackEntry Item { get; private set; } = default!;

    public ActionItem? LinkedAction { get; private set; }

    /// <summary>Set after a conflict: what someone else's save left.</summary>
    public FeedbackEntry? Current { get; private set; }

    public FeedbackLabels Labels { get; } = new(l);

    public IReadOnlyList<SelectListItem> StatusItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ActionItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string key, Guid id)
    {
        if (await LoadItemAsync(key, id, ServiceRight.TeamDetail) is { } refused)
        {
            return refused;
        }

        Status = FeedbackLabels.Key(Item.Status);
        Tags = Item.Tags;
        ActionItemId = Item.ActionItemId;
        Revision = Item.Revision;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, Guid id)
    {
        if (await LoadItemAsync(key, id, ServiceRight.Edit) is { } refused)
        {
            return refused;
        }

        // The other form's fields are not part of this one.
        ModelState.Remove(nameof(ActionTitle));
        ModelState.Remove(nameof(ActionDueOn));
        var status = FeedbackLabels.ParseStatus(Status);
        if (status is null)
        {
            ModelState.AddModelError(nameof(Status), l["Choose a status from the list."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var viewer = User.ToViewer();
        var result = await inbox.TriageAsync(Service.Id, id, new FeedbackTriage(status!.Value, Tags, ActionItemId, Revision), viewer.UserId, HttpContext.RequestAborted);
        return Outcome(key, id, result, l["The feedback has been updated."]);
    }

    public async Task<IActionResult> OnPostNewActionAsync(string key, Guid id)
    {
        if (await LoadItemAsync(key, id, ServiceRight.Edit) is { } refused)
        {
            return refused;
        }

        ModelState.Remove(nameof(Status));
        ModelState.Remove(nameof(Tags));
        ModelState.Remove(nameof(ActionItemId));
        if (ModelState.TryGetValue(nameof(ActionDueOn), out var entry) && entry.Errors.Count > 0)
        {
            entry.Errors.Clear();
            ModelState.AddModelError(nameof(ActionDueOn), l["Enter the due date as a date, for example 2026-03-31."]);
        }

        // Triage fields show what is stored, not the other form's leftovers.
        Status = FeedbackLabels.Key(Item.Status);
        Tags = Item.Tags;
        ActionItemId = Item.ActionItemId;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (result, action) = await inbox.OpenActionAsync(Service.Id, id, new FeedbackActionInput(ActionTitle, ActionDueOn, Revision),
            User.ToViewer().UserId, HttpContext.RequestAborted);
        if (action is not null)
        {
            TempData["Notice"] = l["The action item has been opened and linked to this feedback."].Value;
            return RedirectToPage("/Services/Feedback/Item", new { key, id });
        }

        return Outcome(key, id, result, "");
    }

    private IActionResult Outcome(string key, Guid id, FeedbackChangeResult result, string notice)
    {
        switch (result.Outcome)
        {
            case FeedbackChangeOutcome.Saved:
                TempData["Notice"] = notice;
                return RedirectToPage("/Services/Feedback/Item", new { key, id });
            case FeedbackChangeOutcome.NotFound:
                return NotFound();
            case FeedbackChangeOutcome.Invalid:
                foreach (var issue in result.Issues)
                {
                    ModelState.AddModelError(issue.Field, l[issue.Message]);
                }

                return Page();
            default:
                ModelState.AddModelError(string.Empty, l["Someone else changed this feedback while you were editing it. Nothing was saved; your input is kept below. Check what they changed, then save again to apply your input."]);
                Current = result.Current;
                // Saving again applies the kept input over what is stored now.
                ModelState.Remove(nameof(Revision));
                Revision = result.Current?.Revision ?? Revision;
                return Page();
        }
    }

    private async Task<IActionResult?> LoadItemAsync(string key, Guid id, ServiceRight need)
    {
        if (await LoadAsync(key, need) is { } refused)
        {
            return refused;
        }

        var item = await inbox.FindAsync(Service.Id, id, HttpContext.RequestAborted);
        if (item is null)
        {
            return NotFound();
        }

        Item = item;
        StatusItems = [.. FeedbackLabels.Statuses.Select(s => new SelectListItem(Labels.Status(s), FeedbackLabels.Key(s)))];
        var choices = await inbox.ActionChoicesAsync(Service.Id, item.ActionItemId, HttpContext.RequestAborted);
        LinkedAction = choices.FirstOrDefault(a => a.Id == item.ActionItemId);
        ActionItems = [.. choices.Select(a => new SelectListItem($"{a.Title} ({FeedbackLabels.Day(a.DueOn)})", a.Id.ToString()))];
        return null;
    }
}
