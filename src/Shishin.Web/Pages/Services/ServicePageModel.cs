using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Services;

/// <summary>What a page about one service needs of the visitor.</summary>
public enum ServiceRight
{
    /// <summary>Summaries, trends, figures and what is published: whoever may see the service (anyone, for a public one).</summary>
    Summary,

    /// <summary>Scan profiles, pages and findings, the feedback inbox: see <see cref="ServiceScope.SeesTeamDetail"/>.</summary>
    TeamDetail,

    /// <summary>Edit profiles and settings, scan, triage: the owning organisation's service owners and admins.</summary>
    Edit,
}

/// <summary>
/// A page about one part of a service (its scans, its feedback). A service the visitor may not see answers 404 (as an
/// unknown key); one they see without the right the page needs answers 403, or sends an anonymous visitor to sign in.
/// </summary>
public abstract class ServicePageModel(ServiceDirectory directory, ServiceAccess access) : PageModel
{
    public Service Service { get; private set; } = default!;

    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The team's view is shown (<see cref="ServiceRight.TeamDetail"/>).</summary>
    public bool CanReadTeamDetail { get; private set; }

    /// <summary>The page's edits are offered (<see cref="ServiceRight.Edit"/>).</summary>
    public bool CanEdit { get; private set; }

    public string ServiceName => Service.Name(English);

    protected async Task<IActionResult?> LoadAsync(string key, ServiceRight need)
    {
        var scope = await access.ScopeAsync(User.ToViewer(), HttpContext.RequestAborted);
        var service = await directory.FindAsync(key, scope, HttpContext.RequestAborted);
        if (service is null)
        {
            return NotFound();
        }

        Service = service;
        CanEdit = scope.CanEdit(service);
        CanReadTeamDetail = scope.SeesTeamDetail(service);
        var allowed = need switch
        {
            ServiceRight.Edit => CanEdit,
            ServiceRight.TeamDetail => CanReadTeamDetail,
            _ => true,
        };
        if (allowed)
        {
            return null;
        }

        return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
    }
}
