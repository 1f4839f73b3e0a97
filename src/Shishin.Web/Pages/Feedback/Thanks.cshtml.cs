using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shishin.Core.CitizenFeedback;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Feedback;

/// <summary>
/// Where the hosted form sends people after a submission (303, so reloading does not send it again): the thank-you, a
/// link back to the page they came from when that is a page of the service's registered origins or of this site, and a
/// link to the service's public "you said, we did".
/// </summary>
[AllowAnonymous]
public sealed class ThanksModel(FeedbackTargets targets) : PageModel
{
    public string Key { get; private set; } = "";

    /// <summary>The page to go back to, when it passed <see cref="SafeReturnUrl"/>; otherwise null and no link.</summary>
    public string? BackUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] string? key, string? returnUrl)
    {
        if (string.IsNullOrWhiteSpace(key) || await targets.FindAsync(key, HttpContext.RequestAborted) is not { AcceptsFeedback: true } target)
        {
            return NotFound();
        }

        Key = key;
        BackUrl = SafeReturnUrl(target, returnUrl);
        return Page();
    }

    /// <summary>
    /// <paramref name="returnUrl"/> as a link target when it is a page of an origin registered for the service (its entry
    /// URLs' and its extra origins) or a path on this site; null for anything else, so neither the form nor this page
    /// can be used to send people to a site of someone's choosing.
    /// </summary>
    internal static string? SafeReturnUrl(FeedbackTarget target, string? returnUrl)
    {
        if (LocalUrl.IsLocal(returnUrl))
        {
            return returnUrl;
        }

        return returnUrl is { Length: <= LocalUrl.MaxLength } && target.AllowsOrigin(returnUrl) && Uri.TryCreate(returnUrl.Trim(), UriKind.Absolute, out var uri)
            ? uri.AbsoluteUri
            : null;
    }
}
