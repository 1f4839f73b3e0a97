using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Shishin.Core.Services;
using Shishin.Web.Pages.Catalog;

namespace Shishin.Web.Pages.Services.Canvas;

/// <summary>
/// What changed between two revisions (<c>?from=N&amp;to=M</c>), field by field. Without a choice it shows what the
/// current revision changed; a revision that is not a number or does not exist is a field message, never an error page.
/// </summary>
[AllowAnonymous]
public sealed class DiffModel(CanvasService canvases, ServiceAccess access, IStringLocalizer<SharedResource> l) : CanvasPageModel(canvases, access, l)
{
    private readonly IStringLocalizer<SharedResource> l = l;

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Compare revision")]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "with revision")]
    public int? To { get; set; }

    public IReadOnlyList<CanvasRevisionInfo> Revisions { get; private set; } = [];

    public IReadOnlyList<SelectListItem> FromItems { get; private set; } = [];

    public IReadOnlyList<SelectListItem> ToItems { get; private set; } = [];

    public CanvasRevision? Before { get; private set; }

    public CanvasRevision? After { get; private set; }

    public CanvasDiffResult? Result { get; private set; }

    public CanvasMarks Marks { get; } = new(l);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadServiceAsync(cancellationToken))
        {
            return NotFound();
        }

        Revisions = await Canvases.ListAsync(Service.Id, cancellationToken);
        var chosen = Request.Query.ContainsKey("from") || Request.Query.ContainsKey("to");
        if (!chosen && Revisions.Count >= 2)
        {
            (From, To) = (Revisions[1].Number, Revisions[0].Number);
        }

        if (chosen || Revisions.Count >= 2)
        {
            Before = await FindAsync(nameof(From), From, cancellationToken);
            After = await FindAsync(nameof(To), To, cancellationToken);
        }

        FromItems = Items(Revisions, Labels, From);
        ToItems = Items(Revisions, Labels, To);
        if (Before is not null && After is not null)
        {
            Result = CanvasDiff.Compare(Before.Canvas, After.Canvas);
        }

        return Page();
    }

    private async Task<CanvasRevision?> FindAsync(string field, int? number, CancellationToken cancellationToken)
    {
        if (ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0)
        {
            // Not a number: model binding has said so in the reader's language.
            return null;
        }

        if (number is null)
        {
            ModelState.AddModelError(field, l["Choose a revision."]);
            return null;
        }

        var revision = await Canvases.GetAsync(Service.Id, number.Value, cancellationToken);
        if (revision is null)
        {
            ModelState.AddModelError(field, l["There is no revision {0} of this canvas.", number.Value]);
        }

        return revision;
    }

    /// <summary>The revisions as choices, newest first, with <paramref name="selected"/> chosen.</summary>
    public static IReadOnlyList<SelectListItem> Items(IEnumerable<CanvasRevisionInfo> revisions, CanvasLabels labels, int? selected)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return
        [
            .. revisions.Select(r => new SelectListItem(
                $"{labels.Revision(r.Number)} ({r.AuthorName}, {CatalogLabels.Tokyo(r.CreatedAt)})",
                r.Number.ToString(CultureInfo.InvariantCulture),
                r.Number == selected)),
        ];
    }
}
