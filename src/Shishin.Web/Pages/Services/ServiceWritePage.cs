using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Services;

/// <summary>
/// A page that changes one service. An internal service the visitor may not see answers 404, so its existence does
/// not leak; one they see but may not edit answers 403.
/// </summary>
public abstract class ServiceWritePage(ServiceRegistry registry, ServiceAccess access) : PageModel
{
    /// <summary>The service as stored when the request began.</summary>
    public Service Service { get; private set; } = default!;

    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    protected ServiceRegistry Registry => registry;

    protected ServiceScope Scope { get; private set; } = default!;

    /// <summary>Loads the service and checks the visitor's rights; a result to return at once when refused.</summary>
    protected async Task<IActionResult?> LoadAsync(string key)
    {
        Scope = await access.ScopeAsync(User.ToViewer(), HttpContext.RequestAborted);
        var service = await registry.FindAsync(key, HttpContext.RequestAborted);
        if (service is null || !Scope.CanSee(service))
        {
            return NotFound();
        }

        if (!Scope.CanEdit(service))
        {
            return Forbid();
        }

        Service = service;
        return null;
    }

    /// <summary>
    /// After a save: the service's page. It belongs to the register's read side; where that page is not part of the
    /// build, the edit page stands in, so a save never ends in an error.
    /// </summary>
    public static IActionResult ToDetails(PageModel page, string key)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Url.Page("/Services/Details", new { key }) is { } details
            ? page.LocalRedirect(details)
            : page.RedirectToPage("/Services/Edit", new { key });
    }

    protected static List<SelectListItem> ChannelOptions(ServiceLabels labels) =>
        [.. Enum.GetValues<ServiceChannel>().Select(c => new SelectListItem(labels.Channel(c), c.ToString().ToLowerInvariant()))];
}
