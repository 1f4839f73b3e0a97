using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core.CitizenFeedback;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services.Feedback;

/// <summary>Changes a "you said, we did" item, draft or published (a published one changes on the public page at once).</summary>
public sealed class EditImprovementModel(ServiceDirectory directory, ServiceAccess access, FeedbackImprovements improvements, FeedbackInbox inbox,
    IStringLocalizer<SharedResource> l) : ImprovementPage(directory, access, improvements, inbox, l)
{
    public FeedbackImprovement Item { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string key, Guid id)
    {
        if (await LoadItemAsync(key, id) is { } refused)
        {
            return refused;
        }

        Input = ImprovementForm.From(Item);
        Revision = Item.Revision;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, Guid id) => await LoadItemAsync(key, id) ?? await SaveAsync(key, id);

    private async Task<IActionResult?> LoadItemAsync(string key, Guid id)
    {
        if (await LoadFormAsync(key) is { } refused)
        {
            return refused;
        }

        var item = await Improvements.FindAsync(Service.Id, id, HttpContext.RequestAborted);
        if (item is null)
        {
            return NotFound();
        }

        Item = item;
        KeepThemes(item.Themes.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return null;
    }
}
