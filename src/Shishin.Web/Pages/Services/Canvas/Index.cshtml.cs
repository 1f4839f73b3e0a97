using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services.Canvas;

/// <summary>A service's canvas: the current revision, or an earlier one with <c>?revision=N</c>, for anyone who may see the service.</summary>
[AllowAnonymous]
public sealed class IndexModel(CanvasService canvases, ServiceAccess access, IStringLocalizer<SharedResource> l) : CanvasPageModel(canvases, access, l)
{
    /// <summary>An earlier revision to read; none means the current one.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Revision { get; set; }

    /// <summary>The revision shown; null while the service has no canvas.</summary>
    public CanvasRevision? Shown { get; private set; }

    /// <summary>The newest revision's number (0 for none): an older one shown says so and links to the current.</summary>
    public int Latest { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // A revision number that is not a number, or that the service does not have, is a page that does not exist.
        if (!ModelState.IsValid || !await LoadServiceAsync(cancellationToken))
        {
            return NotFound();
        }

        var latest = await Canvases.GetLatestAsync(Service.Id, cancellationToken);
        Latest = latest?.Number ?? 0;
        Shown = Revision is { } number && number != Latest ? await Canvases.GetAsync(Service.Id, number, cancellationToken) : latest;
        return Revision is not null && Shown is null ? NotFound() : Page();
    }
}
