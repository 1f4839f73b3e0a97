using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;
using Shishin.Core.Identity;
using Shishin.Web.Pages.Catalog;

namespace Shishin.Web.Pages.Proposals;

/// <summary>The comment, accept and decline forms of the proposal page.</summary>
public sealed class ProposalActionForm
{
    [Display(Name = "Your comment")]
    [StringLength(ProposalService.MaxTextLength, ErrorMessage = "Use at most {1} characters.")]
    public string? Comment { get; set; }

    [Display(Name = "Note to the proposer (optional)")]
    [StringLength(2000, ErrorMessage = "Use at most {1} characters.")]
    public string? Note { get; set; }

    [Display(Name = "Reason for declining")]
    [StringLength(2000, ErrorMessage = "Use at most {1} characters.")]
    public string? Reason { get; set; }
}

/// <summary>
/// One proposal with its comments and decision. Accepted proposals are public (#7 オープン) because the changelog
/// links to them; every other proposal is for signed-in people only, so anonymous visitors are asked to sign in.
/// </summary>
[AllowAnonymous]
public sealed class DetailsModel(CatalogService catalog, ProposalService proposals, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ProposalActionForm Input { get; set; } = new();

    public ChangeProposal Proposal { get; private set; } = default!;

    /// <summary>The version the proposer was reading; the "before" side of a change.</summary>
    public CatalogSnapshot? Base { get; private set; }

    /// <summary>The version the accepted change went into: the draft, or the version it was published as.</summary>
    public CatalogSnapshot? Applied { get; private set; }

    public ProposalList List { get; private set; } = default!;

    public bool SignedIn => User.Identity?.IsAuthenticated == true;
    public bool IsAdmin => User.IsInRole(Roles.Admin);
    public bool IsProposer => ProposalActors.Of(User)?.UserId == Proposal.ProposerId;
    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
    public string Language => English ? "en" : "ja";

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostCommentAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        if (ProposalActors.Of(User) is not { } author)
        {
            return Challenge();
        }

        if (string.IsNullOrWhiteSpace(Input.Comment))
        {
            ModelState.AddModelError("Input.Comment", l["Write a comment."]);
        }

        return await ActAsync(() => proposals.CommentAsync(id, Input.Comment!, author), l["Your comment has been added."], "Input.Comment", "#comments");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        if (ProposalActors.Of(User) is not { } proposer)
        {
            return Challenge();
        }

        // Only the proposer sees the button; anyone else posting it is refused outright.
        if (!IsProposer)
        {
            return Forbid();
        }

        ModelState.Clear();
        return await ActAsync(() => proposals.WithdrawAsync(id, proposer), l["The proposal has been withdrawn."], null, "");
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        if (ProposalActors.Of(User) is not { } admin)
        {
            return Challenge();
        }

        if (!IsAdmin)
        {
            return Forbid();
        }

        return await ActAsync(() => proposals.AcceptAsync(id, Input.Note, admin), l["The proposal has been accepted and applied to the draft."], "Input.Note", "");
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        if (ProposalActors.Of(User) is not { } admin)
        {
            return Challenge();
        }

        if (!IsAdmin)
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(Input.Reason))
        {
            ModelState.AddModelError("Input.Reason", l["Give the reason for declining, so the proposer can learn from it."]);
        }

        return await ActAsync(() => proposals.DeclineAsync(id, Input.Reason!, admin), l["The proposal has been declined."], "Input.Reason", "");
    }

    /// <summary>The "before" text of a change: the checkpoint's text in the version the proposer was reading.</summary>
    public Checkpoint? BaseCheckpoint => Proposal.Kind == ProposalKind.Change && Proposal.CheckpointId is { } cp ? Base?.Document.FindCheckpoint(cp) : null;

    private async Task<IActionResult> ActAsync(Func<Task> action, string notice, string? field, string anchor)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await action();
        }
        catch (CatalogException e)
        {
            ModelState.AddModelError(e.Kind == CatalogErrorKind.Invalid && e.Issues.Count == 0 && field is not null ? field : string.Empty, CatalogMessages.Format(l, e));
            foreach (var issue in e.Issues)
            {
                ModelState.AddModelError(string.Empty, CatalogMessages.Format(l, issue));
            }

            await LoadAsync(Proposal.Id);
            return Page();
        }

        TempData["Notice"] = notice;
        return RedirectToPage("/Proposals/Details", null, new { id = Proposal.Id }, anchor.TrimStart('#'));
    }

    /// <summary>Loads the proposal; returns the refusal (404, or sign-in for a proposal that is not public) or null.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        if (await proposals.GetAsync(id) is not { } proposal)
        {
            return NotFound();
        }

        if (proposal.Status != ProposalStatus.Accepted && !SignedIn)
        {
            return Challenge();
        }

        Proposal = proposal;
        Base = await catalog.GetByIdAsync(proposal.BaseVersionId);
        Applied = proposal.AppliedVersionId is { } applied ? await catalog.GetByIdAsync(applied) : null;
        List = await ProposalList.LoadAsync(catalog, [proposal], l);
        return null;
    }
}
