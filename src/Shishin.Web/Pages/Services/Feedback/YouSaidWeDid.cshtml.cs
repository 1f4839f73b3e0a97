using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Shishin.Core.CitizenFeedback;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services.Feedback;

/// <summary>
/// "You said, we did" (#7, #8): the improvements a service's team made in answer to feedback, published ones only, the
/// latest first, in the reader's language (Japanese where no English was written). Public for a public service.
/// </summary>
[AllowAnonymous]
public sealed class YouSaidWeDidModel(ServiceDirectory directory, ServiceAccess access, FeedbackImprovements improvements)
    : ServicePageModel(directory, access)
{
    public IReadOnlyList<FeedbackImprovement> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string key)
    {
        if (await LoadAsync(key, ServiceRight.Summary) is { } refused)
        {
            return refused;
        }

        Items = await improvements.ListAsync(Service.Id, publishedOnly: true, cancellationToken: HttpContext.RequestAborted);
        return Page();
    }
}
