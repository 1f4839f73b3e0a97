using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core.CitizenFeedback;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services.Feedback;

/// <summary>Adds a "you said, we did" item as a draft.</summary>
public sealed class NewImprovementModel(ServiceDirectory directory, ServiceAccess access, FeedbackImprovements improvements, FeedbackInbox inbox,
    IStringLocalizer<SharedResource> l) : ImprovementPage(directory, access, improvements, inbox, l)
{
    public async Task<IActionResult> OnGetAsync(string key) => await LoadFormAsync(key) ?? Page();

    public async Task<IActionResult> OnPostAsync(string key) => await LoadFormAsync(key) ?? await SaveAsync(key, null);
}
