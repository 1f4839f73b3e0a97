using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Services.Feedback;

/// <summary>What a feedback page needs of the visitor.</summary>
public enum FeedbackRight
{
    /// <summary>Figures and published "you said, we did": whoever may see the service (anyone, for a public service).</summary>
    Summary,

    /// <summary>The inbox, submissions and their CSV: the service's team (owners, assigned partners), reviewers and admins.</summary>
    Read,

    /// <summary>Triage, "you said, we did" and settings: the owning organisation's service owners and admins.</summary>
    Edit,
}

/// <summary>
/// A page about one service's feedback. A service the visitor may not see answers 404 (as an unknown key); one they see
/// without the right the page needs answers 403, or sends an anonymous visitor to sign in.
/// </summary>
public abstract class FeedbackPageModel(ServiceDirectory directory, ServiceAccess access) : PageModel
{
    public Service Service { get; private set; } = default!;

    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The inbox and the submissions' comments are shown.</summary>
    public bool CanRead { get; private set; }

    /// <summary>Submissions can be triaged, improvements and settings edited.</summary>
    public bool CanEdit { get; private set; }

    public string ServiceName => Service.Name(English);

    protected async Task<IActionResult?> LoadAsync(string key, FeedbackRight need)
    {
        var scope = await access.ScopeAsync(User.ToViewer(), HttpContext.RequestAborted);
        var service = await directory.FindAsync(key, scope, HttpContext.RequestAborted);
        if (service is null)
        {
            return NotFound();
        }

        Service = service;
        CanEdit = scope.CanEdit(service);
        CanRead = FeedbackRights.CanRead(scope, service);
        var allowed = need switch
        {
            FeedbackRight.Edit => CanEdit,
            FeedbackRight.Read => CanRead,
            _ => true,
        };
        if (allowed)
        {
            return null;
        }

        return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
    }
}

/// <summary>Who reads submissions (comments included): the team, assigned partners, reviewers and admins.</summary>
public static class FeedbackRights
{
    public static bool CanRead(ServiceScope scope, Service service)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.SeesEveryService || scope.CanSelfAssess(service);
    }
}
