using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Services.Scans;

/// <summary>What a scan page needs of the visitor.</summary>
public enum ScanRight
{
    /// <summary>Run summaries and trends: whoever may see the service (anyone, for a public service).</summary>
    Summary,

    /// <summary>Profiles, pages and findings: the service's team (owners, assigned partners), reviewers and admins.</summary>
    Detail,

    /// <summary>Edit profiles, scan now, cancel: the owning organisation's service owners and admins.</summary>
    Edit,
}

/// <summary>
/// A page about one service's scans. A service the visitor may not see answers 404 (as an unknown key); one they see
/// without the right the page needs answers 403, or sends an anonymous visitor to sign in.
/// </summary>
public abstract class ScanPageModel(ServiceDirectory directory, ServiceAccess access) : PageModel
{
    public Service Service { get; private set; } = default!;

    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>Profiles, pages and findings are shown.</summary>
    public bool CanReadDetail { get; private set; }

    /// <summary>Profiles can be edited, scans started and cancelled.</summary>
    public bool CanEdit { get; private set; }

    public string ServiceName => Service.Name(English);

    protected async Task<IActionResult?> LoadAsync(string key, ScanRight need)
    {
        var scope = await access.ScopeAsync(User.ToViewer(), HttpContext.RequestAborted);
        var service = await directory.FindAsync(key, scope, HttpContext.RequestAborted);
        if (service is null)
        {
            return NotFound();
        }

        Service = service;
        CanEdit = scope.CanEdit(service);
        CanReadDetail = CanEdit || scope.CanSelfAssess(service) || scope.SeesEveryService;
        var allowed = need switch
        {
            ScanRight.Edit => CanEdit,
            ScanRight.Detail => CanReadDetail,
            _ => true,
        };
        if (allowed)
        {
            return null;
        }

        return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
    }
}
