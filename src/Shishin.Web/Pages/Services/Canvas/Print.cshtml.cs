using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services.Canvas;

/// <summary>The canvas as one A4 landscape sheet (the print style sheet lays the blocks out as a grid), readable on screen too.</summary>
[AllowAnonymous]
public sealed class PrintModel(CanvasService canvases, ServiceAccess access, IStringLocalizer<SharedResource> l) : CanvasPageModel(canvases, access, l)
{
    [BindProperty(SupportsGet = true)]
    public int? Revision { get; set; }

    public CanvasRevision? Shown { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || !await LoadServiceAsync(cancellationToken))
        {
            return NotFound();
        }

        Shown = Revision is { } number
            ? await Canvases.GetAsync(Service.Id, number, cancellationToken)
            : await Canvases.GetLatestAsync(Service.Id, cancellationToken);
        return Revision is not null && Shown is null ? NotFound() : Page();
    }
}
