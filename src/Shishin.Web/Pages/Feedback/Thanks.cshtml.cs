using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shishin.Core.CitizenFeedback;

namespace Shishin.Web.Pages.Feedback;

/// <summary>Where the hosted form sends people after a submission when there is no registered page to go back to.</summary>
[AllowAnonymous]
public sealed class ThanksModel(FeedbackTargets targets) : PageModel
{
    public async Task<IActionResult> OnGetAsync([FromRoute] string? key) =>
        !string.IsNullOrWhiteSpace(key) && await targets.FindAsync(key, HttpContext.RequestAborted) is { AcceptsFeedback: true } ? Page() : NotFound();
}
