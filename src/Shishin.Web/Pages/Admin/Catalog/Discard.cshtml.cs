using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;
using Shishin.Web.Pages.Catalog;

namespace Shishin.Web.Pages.Admin.Catalog;

/// <summary>Throwing the draft away is final, so it asks for a deliberate confirmation on a page of its own.</summary>
public sealed class DiscardModel(CatalogService catalog, ProposalService proposals, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public int Revision { get; set; }

    [BindProperty]
    [Display(Name = "I understand that every change in the draft is lost.")]
    public bool Confirm { get; set; }

    public CatalogSnapshot Draft { get; private set; } = default!;
    public CatalogDiffResult? Changes { get; private set; }
    public int AcceptedIntoDraft { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return Redirect(DraftFormPage.OverviewPath);
        }

        Revision = Draft.Revision;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return Redirect(DraftFormPage.OverviewPath);
        }

        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), l["Tick the box to confirm that the draft is to be thrown away."]);
            return Page();
        }

        try
        {
            await catalog.DiscardDraftAsync(Revision);
        }
        catch (CatalogException e)
        {
            ModelState.AddModelError(string.Empty, CatalogMessages.Format(l, e));
            Revision = Draft.Revision;
            return Page();
        }

        TempData["Notice"] = l["The draft has been discarded."].Value;
        return Redirect(DraftFormPage.OverviewPath);
    }

    private async Task<bool> LoadAsync()
    {
        if (await catalog.GetDraftAsync() is not { } draft)
        {
            return false;
        }

        Draft = draft;
        Changes = draft.BasedOnId is { } baseId ? await catalog.DiffAsync((await catalog.GetByIdAsync(baseId))?.Label ?? "", CatalogService.DraftLabel) : null;
        AcceptedIntoDraft = (await proposals.ListAsync(appliedVersionId: draft.Id)).Count;
        return true;
    }
}
