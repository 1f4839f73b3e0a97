using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core.CitizenFeedback;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Services.Feedback;

/// <summary>
/// The form of a "you said, we did" item, new or existing, for those who edit the service. Themes are chosen from the
/// reasons of the feedback form and the tags the team uses. A save based on an older revision keeps the input and shows
/// the item as stored now.
/// </summary>
public abstract class ImprovementPage(ServiceDirectory directory, ServiceAccess access, FeedbackImprovements improvements, FeedbackInbox inbox,
    IStringLocalizer<SharedResource> l) : ServicePageModel(directory, access)
{
    [BindProperty]
    public ImprovementForm Input { get; set; } = new();

    [BindProperty]
    public int Revision { get; set; }

    /// <summary>Reason codes and tags a theme may be, with their labels.</summary>
    public IReadOnlyList<(string Value, string Label)> ThemeChoices { get; private set; } = [];

    /// <summary>Set after a conflict: the item as someone else's save left it.</summary>
    public FeedbackImprovement? Current { get; private set; }

    protected FeedbackImprovements Improvements => improvements;

    protected async Task<IActionResult?> LoadFormAsync(string key)
    {
        if (await LoadAsync(key, ServiceRight.Edit) is { } refused)
        {
            return refused;
        }

        var tags = await inbox.TagsInUseAsync(Service.Id, HttpContext.RequestAborted);
        ThemeChoices =
        [
            .. FeedbackReasons.All.Select(r => (r.Code, English ? r.En : r.Ja)),
            .. tags.Where(t => !FeedbackReasons.IsKnown(t)).Select(t => (t, l["Tag: {0}", t].Value)),
        ];
        return null;
    }

    /// <summary>Themes kept on an item stay choices even when no feedback carries the tag any more.</summary>
    protected void KeepThemes(IEnumerable<string> themes) =>
        ThemeChoices = [.. ThemeChoices, .. themes.Where(t => ThemeChoices.All(c => c.Value != t)).Select(t => (t, l["Tag: {0}", t].Value))];

    protected async Task<IActionResult> SaveAsync(string key, Guid? id)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await improvements.SaveAsync(Service.Id, id, Input.ToInput(), Revision, User.ToViewer().UserId, HttpContext.RequestAborted);
        switch (result.Outcome)
        {
            case FeedbackChangeOutcome.Saved:
                TempData["Notice"] = l["The improvement has been saved."].Value;
                return RedirectToPage("/Services/Feedback/Improvements", new { key });
            case FeedbackChangeOutcome.NotFound:
                return NotFound();
            case FeedbackChangeOutcome.Invalid:
                foreach (var issue in result.Issues)
                {
                    ModelState.AddModelError(issue.Field == "Themes" ? "themes" : "Input." + issue.Field, l[issue.Message]);
                }

                return Page();
            default:
                ModelState.AddModelError(string.Empty, l["Someone else changed this improvement while you were editing it. Nothing was saved; your input is kept below. Check what they changed, then save again to apply your input."]);
                Current = result.Current;
                ModelState.Remove(nameof(Revision));
                Revision = result.Current?.Revision ?? Revision;
                return Page();
        }
    }
}
