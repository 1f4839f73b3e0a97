using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services.Canvas;

/// <summary>Every saved revision of the canvas, newest first, with a GET form to compare any two.</summary>
[AllowAnonymous]
public sealed class HistoryModel(CanvasService canvases, ServiceAccess access, IStringLocalizer<SharedResource> l) : CanvasPageModel(canvases, access, l)
{
    public IReadOnlyList<CanvasRevisionInfo> Revisions { get; private set; } = [];

    /// <summary>The compare form's choices; it starts with the revision before the current one and the current one.</summary>
    public IReadOnlyList<SelectListItem> FromItems { get; private set; } = [];

    public IReadOnlyList<SelectListItem> ToItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadServiceAsync(cancellationToken))
        {
            return NotFound();
        }

        Revisions = await Canvases.ListAsync(Service.Id, cancellationToken);
        if (Revisions.Count >= 2)
        {
            FromItems = DiffModel.Items(Revisions, Labels, Revisions[1].Number);
            ToItems = DiffModel.Items(Revisions, Labels, Revisions[0].Number);
        }

        return Page();
    }
}
