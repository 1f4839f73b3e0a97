using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;
using Shishin.Web.Infrastructure;
using Shishin.Web.Pages.Catalog;

namespace Shishin.Web.Pages.Proposals;

/// <summary>
/// Propose a change to a checkpoint or a new one. Without JavaScript the choice comes first, as a small GET form:
/// <c>?checkpoint=P3-01</c> opens the change form with the current texts to edit, <c>?owner=UX</c> the form for a
/// new checkpoint of that principle or theme.
/// </summary>
public sealed class NewModel(CatalogService catalog, ProposalService proposals, IStringLocalizer<SharedResource> l) : PageModel, ILanguageSwitchPage
{
    [BindProperty]
    public ProposalForm Input { get; set; } = new();

    /// <summary>The checkpoint chosen in the first step (query <c>checkpoint</c>).</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Checkpoint to change")]
    public string? Checkpoint { get; set; }

    /// <summary>The group chosen for a new checkpoint (query <c>owner</c>).</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Principle or theme of the new checkpoint")]
    public string? Owner { get; set; }

    public CatalogSnapshot? Current { get; private set; }
    public IReadOnlyList<CatalogGroup> Groups { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OwnerItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> CheckpointItems { get; private set; } = [];

    /// <summary>The checkpoint being changed, in the current version.</summary>
    public Checkpoint? Target { get; private set; }

    /// <summary>True while the person still chooses what to propose.</summary>
    public bool Choosing { get; private set; }

    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
    public string Language => English ? "en" : "ja";

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (Current is null)
        {
            Choosing = true;
            return;
        }

        if (!string.IsNullOrWhiteSpace(Checkpoint))
        {
            if (Current.Document.FindCheckpoint(Checkpoint.Trim()) is { Retired: false } checkpoint)
            {
                Target = checkpoint;
                Input = ProposalForm.ChangeOf(checkpoint);
                return;
            }

            ModelState.AddModelError(nameof(Checkpoint), l["Choose the checkpoint you want to change."]);
        }
        else if (!string.IsNullOrWhiteSpace(Owner))
        {
            if (CatalogGroup.Find(Groups, Owner) is { } group)
            {
                Input = new ProposalForm { Kind = ProposalKind.New, Owner = group.Code };
                return;
            }

            ModelState.AddModelError(nameof(Owner), l["Choose the principle or theme the new checkpoint belongs to."]);
        }

        Choosing = true;
    }

    public async Task<IActionResult> RedisplayAsync() => await CheckAsync() is { } refused ? refused : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await CheckAsync() is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid || ProposalActors.Of(User) is not { } proposer)
        {
            return Page();
        }

        var input = Input.ToInput(Current!.Document, Groups);
        try
        {
            var proposal = await proposals.CreateAsync(input, proposer);
            TempData["Notice"] = l["Thank you. Your proposal #{0} has been sent; you can follow it under My proposals.", proposal.Number].Value;
            return RedirectToPage("/Proposals/Details", new { id = proposal.Id });
        }
        catch (CatalogException e)
        {
            CatalogMessages.AddTo(ModelState, l, e, ProposalForm.FieldFor);
            return Page();
        }
    }

    /// <summary>Loads the page and puts the proposal's problems on its fields; a result when there is no form to show.</summary>
    private async Task<IActionResult?> CheckAsync()
    {
        await LoadAsync();
        if (Current is null || ProposalActors.Of(User) is null)
        {
            return RedirectToPage();
        }

        Target = Input.Kind == ProposalKind.Change && Input.CheckpointId is not null ? Current.Document.FindCheckpoint(Input.CheckpointId) : null;
        if (Input.Kind == ProposalKind.Change && Target is null)
        {
            return RedirectToPage("/Proposals/New");
        }

        CatalogMessages.AddTo(ModelState, l, ProposalService.Check(Input.ToInput(Current.Document, Groups), Current.Document), ProposalForm.FieldFor);
        return null;
    }

    private async Task LoadAsync()
    {
        Current = await catalog.GetCurrentAsync();
        var document = Current?.Document ?? new CatalogDocument();
        Groups = CatalogGroup.All(document, l, English);
        OwnerItems = CatalogGroup.Items(Groups, l);
        CheckpointItems =
        [
            .. Groups.SelectMany(g =>
            {
                var optgroup = new SelectListGroup { Name = g.Name };
                return document.CheckpointsOf(g.Principle, g.Theme).Where(c => !c.Retired)
                    .Select(c => new SelectListItem($"{c.Id} {c.Title.For(Language)}", c.Id) { Group = optgroup });
            }),
        ];
    }
}
