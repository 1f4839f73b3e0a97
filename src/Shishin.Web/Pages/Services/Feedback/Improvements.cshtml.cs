using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core.CitizenFeedback;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services.Feedback;

/// <summary>
/// The service's "you said, we did" items, drafts and published, for those who edit the service: add, edit, publish
/// and take back to draft. Publishing carries the revision shown, so an item someone changed meanwhile is not published
/// unseen.
/// </summary>
public sealed class ImprovementsModel(ServiceDirectory directory, ServiceAccess access, FeedbackImprovements improvements, IStringLocalizer<SharedResource> l)
    : ServicePageModel(directory, access)
{
    public IReadOnlyList<FeedbackImprovement> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string key)
    {
        if (await LoadAsync(key, ServiceRight.Edit) is { } refused)
        {
            return refused;
        }

        Items = await improvements.ListAsync(Service.Id, publishedOnly: false, cancellationToken: HttpContext.RequestAborted);
        return Page();
    }

    public Task<IActionResult> OnPostPublishAsync(string key, Guid id, int revision) => SetAsync(key, id, revision, publish: true);

    public Task<IActionResult> OnPostUnpublishAsync(string key, Guid id, int revision) => SetAsync(key, id, revision, publish: false);

    private async Task<IActionResult> SetAsync(string key, Guid id, int revision, bool publish)
    {
        if (await LoadAsync(key, ServiceRight.Edit) is { } refused)
        {
            return refused;
        }

        var result = await improvements.SetPublishedAsync(Service.Id, id, publish, revision, HttpContext.RequestAborted);
        TempData["Notice"] = result.Outcome switch
        {
            FeedbackChangeOutcome.Saved => publish ? l["The improvement has been published."].Value : l["The improvement is a draft again."].Value,
            FeedbackChangeOutcome.Conflict => l["Someone else changed this improvement in the meantime. Nothing was changed; check it and try again."].Value,
            _ => l["That improvement no longer exists."].Value,
        };
        return RedirectToPage("/Services/Feedback/Improvements", new { key });
    }
}
