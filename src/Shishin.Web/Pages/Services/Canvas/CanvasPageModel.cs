using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Services.Canvas;

/// <summary>
/// What every canvas page shares: the service named by the route's key, if this visitor may see it. A service that
/// does not exist and one the visitor may not see answer alike (404), so an internal service's existence does not leak.
/// </summary>
public abstract class CanvasPageModel(CanvasService canvases, ServiceAccess access, IStringLocalizer<SharedResource> l) : PageModel
{
    protected CanvasService Canvases { get; } = canvases;

    public Service Service { get; private set; } = default!;

    public ServiceScope Scope { get; private set; } = default!;

    public bool CanEdit { get; private set; }

    public CanvasLabels Labels { get; } = new(l);

    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string ServiceName => Service.Name(English);

    /// <summary>The route's key; route values only, so a form field of the same name cannot point a post at another service.</summary>
    public string Key => RouteData.Values["key"] as string ?? "";

    /// <summary>Loads the service and the visitor's rights; false when the page must answer 404.</summary>
    protected async Task<bool> LoadServiceAsync(CancellationToken cancellationToken)
    {
        if (await Canvases.FindServiceAsync(Key, cancellationToken) is not { } service)
        {
            return false;
        }

        Scope = await access.ScopeAsync(User.ToViewer(), cancellationToken);
        if (!Scope.CanSee(service))
        {
            return false;
        }

        Service = service;
        CanEdit = Scope.CanEdit(service);
        return true;
    }
}
