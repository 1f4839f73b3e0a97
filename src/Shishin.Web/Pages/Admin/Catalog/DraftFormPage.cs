using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;
using Shishin.Web.Pages.Catalog;

namespace Shishin.Web.Pages.Admin.Catalog;

/// <summary>
/// A form page that edits one item of the draft. The draft's revision travels with the form; when someone else
/// changed the draft meanwhile, or it was published or discarded, the form comes back with the typed input and a
/// message instead of losing it.
/// </summary>
public abstract class DraftFormPage(CatalogService catalog, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string OverviewPath = "/admin/catalog";

    /// <summary>The draft revision the form was loaded from.</summary>
    [BindProperty]
    public int Revision { get; set; }

    /// <summary>The draft, or null when it is gone (then <see cref="Document"/> is the current published version).</summary>
    public CatalogSnapshot? Draft { get; private set; }

    public CatalogDocument Document { get; private set; } = new();

    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string Language => English ? "en" : "ja";

    protected CatalogService Catalog => catalog;

    protected IStringLocalizer<SharedResource> L => l;

    /// <summary>Loads the draft; false when there is none.</summary>
    protected async Task<bool> LoadDraftAsync()
    {
        Draft = await catalog.GetDraftAsync();
        Document = Draft?.Document ?? (await catalog.GetCurrentAsync())?.Document ?? new CatalogDocument();
        Loaded();
        return Draft is not null;
    }

    /// <summary>Called once the document is known, to prepare lists for the form.</summary>
    protected virtual void Loaded()
    {
    }

    /// <summary>
    /// Runs a save; a conflict or a vanished draft puts a message at the top of the form and keeps the input, with the
    /// revision moved on so that saving again applies the input to the draft as it is now.
    /// </summary>
    protected async Task<IActionResult> SaveAsync(Func<Task> save, Func<string, string?> fieldFor, string notice, string redirect)
    {
        ArgumentNullException.ThrowIfNull(save);
        try
        {
            await save();
        }
        catch (CatalogException e) when (e.Kind is CatalogErrorKind.Conflict or CatalogErrorKind.NotFound && e.Issues.Count == 0)
        {
            ModelState.AddModelError(string.Empty, CatalogMessages.Format(l, e));
            await LoadDraftAsync();
            if (Draft is not null)
            {
                ModelState.AddModelError(string.Empty, l["Your input is kept below. Check the draft, then save again to apply it."]);
                Revision = Draft.Revision;
            }

            return Page();
        }
        catch (CatalogException e)
        {
            CatalogMessages.AddTo(ModelState, l, e, fieldFor);
            return Page();
        }

        TempData["Notice"] = notice;
        return Redirect(redirect);
    }
}
