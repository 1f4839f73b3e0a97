using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;
using Shishin.Web.Infrastructure;
using Shishin.Web.Pages.Catalog;

namespace Shishin.Web.Pages.Admin.Catalog;

/// <summary>The publish form on the draft overview.</summary>
public sealed class PublishForm
{
    [Required(ErrorMessage = "Enter the version number.")]
    [StringLength(32, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Version number")]
    public string? Version { get; set; }

    [StringLength(CatalogValidator.MaxLongText, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Changelog (Japanese)")]
    public string? ChangelogJa { get; set; }

    [StringLength(CatalogValidator.MaxLongText, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Changelog (English)")]
    public string? ChangelogEn { get; set; }

    /// <summary>Set by the confirmation step's button: the person has seen what the version changes.</summary>
    public bool Confirmed { get; set; }
}

/// <summary>
/// The draft overview: start a draft, see and order its checkpoints and parameters, retire and restore them, publish
/// it, and retire old versions. Every action is a small form of its own carrying the draft's revision; when the
/// draft changed meanwhile the page shows why nothing happened, with the draft as it is now.
/// </summary>
public sealed class IndexModel(CatalogService catalog, ProposalService proposals, IStringLocalizer<SharedResource> l) : PageModel, ILanguageSwitchPage
{
    [BindProperty]
    public PublishForm Publish { get; set; } = new();

    public CatalogSnapshot? Draft { get; private set; }
    public CatalogSnapshot? Current { get; private set; }
    public CatalogSnapshot? Base { get; private set; }
    public IReadOnlyList<CatalogVersionInfo> Versions { get; private set; } = [];
    public IReadOnlyList<CatalogGroup> Groups { get; private set; } = [];
    public int OpenProposals { get; private set; }
    public int AcceptedIntoDraft { get; private set; }

    /// <summary>Set when the publish form was correct and the page asks to confirm, showing what the version changes.</summary>
    public CatalogPublishSummary? Confirmation { get; private set; }
    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
    public string Language => English ? "en" : "ja";

    /// <summary>The version suggested for publishing: the next minor version after the highest one.</summary>
    public string NextVersion { get; private set; } = "1.0.0";

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Publish = new PublishForm { Version = NextVersion };
    }

    public Task<IActionResult> OnPostStartAsync() =>
        RunAsync(async () => await catalog.CreateDraftAsync(), l["The draft has been started from the current version."], null);

    public Task<IActionResult> OnPostRetireAsync(int revision, string id) =>
        RunAsync(() => catalog.SetCheckpointRetiredAsync(revision, id, true), l["Checkpoint {0} has been retired in the draft.", id], "cp-" + id);

    public Task<IActionResult> OnPostRestoreAsync(int revision, string id) =>
        RunAsync(() => catalog.SetCheckpointRetiredAsync(revision, id, false), l["Checkpoint {0} has been restored in the draft.", id], "cp-" + id);

    public Task<IActionResult> OnPostMoveUpAsync(int revision, string id) =>
        RunAsync(() => catalog.MoveCheckpointAsync(revision, id, -1), null, "cp-" + id);

    public Task<IActionResult> OnPostMoveDownAsync(int revision, string id) =>
        RunAsync(() => catalog.MoveCheckpointAsync(revision, id, +1), null, "cp-" + id);

    public Task<IActionResult> OnPostRetireParameterAsync(int revision, string key) =>
        RunAsync(() => catalog.SetParameterRetiredAsync(revision, key, true), l["The parameter {0} has been retired in the draft.", key], "parameter-" + key);

    public Task<IActionResult> OnPostRestoreParameterAsync(int revision, string key) =>
        RunAsync(() => catalog.SetParameterRetiredAsync(revision, key, false), l["The parameter {0} has been restored in the draft.", key], "parameter-" + key);

    public Task<IActionResult> OnPostMoveParameterUpAsync(int revision, string key) =>
        RunAsync(() => catalog.MoveParameterAsync(revision, key, -1), null, "parameter-" + key);

    public Task<IActionResult> OnPostMoveParameterDownAsync(int revision, string key) =>
        RunAsync(() => catalog.MoveParameterAsync(revision, key, +1), null, "parameter-" + key);

    public Task<IActionResult> OnPostRetireVersionAsync(string version) =>
        RunAsync(() => catalog.RetireVersionAsync(version), l["Version {0} has been retired.", version], "versions");

    /// <summary>
    /// Publishing takes two steps: the form is checked and the page shows what the new version changes against the
    /// current one; only the confirmation's own button (which carries <see cref="PublishForm.Confirmed"/>) publishes.
    /// </summary>
    public async Task<IActionResult> OnPostPublishAsync(int revision)
    {
        var version = Publish.Version?.Trim() ?? "";
        var changelog = CheckChangelog();
        if (ModelState.IsValid)
        {
            try
            {
                if (!Publish.Confirmed)
                {
                    (_, var summary) = await catalog.CheckPublishAsync(revision, version, changelog);
                    await LoadAsync();
                    Confirmation = summary;
                    return Page();
                }

                var published = await catalog.PublishAsync(revision, version, changelog);
                TempData["Notice"] = l["Version {0} has been published.", published.Label].Value;
                return RedirectToPage("/Admin/Catalog/Index");
            }
            catch (CatalogException e)
            {
                AddPublishErrors(e);
            }
        }

        await LoadAsync();
        return Page();
    }

    /// <summary>The publish form shown again in another language, with its own checks but without publishing.</summary>
    public async Task<IActionResult> RedisplayAsync()
    {
        CheckChangelog();
        await LoadAsync();
        return Page();
    }

    private LocalizedText CheckChangelog()
    {
        var changelog = new LocalizedText(CheckpointForm.Text(Publish.ChangelogJa), CheckpointForm.Text(Publish.ChangelogEn));
        if (string.IsNullOrEmpty(changelog.Ja))
        {
            ModelState.AddModelError("Publish.ChangelogJa", l["Write the changelog in Japanese."]);
        }

        if (string.IsNullOrEmpty(changelog.En))
        {
            ModelState.AddModelError("Publish.ChangelogEn", l["Write the changelog in English."]);
        }

        return changelog;
    }

    /// <summary>Version problems go to the version field; every problem of the draft is listed with the item it is on.</summary>
    private void AddPublishErrors(CatalogException e)
    {
        if (e.Issues.Count == 0)
        {
            var field = e.Template.StartsWith("The version", StringComparison.Ordinal) ? "Publish.Version" : string.Empty;
            ModelState.AddModelError(field, CatalogMessages.Format(l, e));
            return;
        }

        ModelState.AddModelError(string.Empty, CatalogMessages.Format(l, e));
        foreach (var issue in e.Issues)
        {
            var message = CatalogMessages.Format(l, issue);
            switch (issue.Target)
            {
                case Checkpoint checkpoint:
                    ModelState.AddModelError(string.Empty, $"{checkpoint.Id}: {message}");
                    break;
                case CatalogParameter parameter:
                    ModelState.AddModelError(string.Empty, $"{parameter.Key}: {message}");
                    break;
                case CatalogDocument when issue.Field.StartsWith("changelog", StringComparison.Ordinal):
                    ModelState.AddModelError(issue.Field.EndsWith(".en", StringComparison.Ordinal) ? "Publish.ChangelogEn" : "Publish.ChangelogJa", message);
                    break;
                default:
                    ModelState.AddModelError(string.Empty, message);
                    break;
            }
        }
    }

    /// <summary>Runs one small action; on success goes back to the overview at the item, otherwise shows why.</summary>
    private async Task<IActionResult> RunAsync(Func<Task> action, string? notice, string? anchor)
    {
        // Only the publish form's fields are bound properties; they are not part of these actions.
        ModelState.Clear();
        try
        {
            await action();
        }
        catch (CatalogException e)
        {
            ModelState.AddModelError(string.Empty, CatalogMessages.Format(l, e));
            if (e.Kind == CatalogErrorKind.Conflict)
            {
                ModelState.AddModelError(string.Empty, l["Nothing was changed. The page now shows the draft as it is; make your change again if it is still needed."]);
            }

            await LoadAsync();
            Publish = new PublishForm { Version = NextVersion };
            return Page();
        }

        if (notice is not null)
        {
            TempData["Notice"] = notice;
        }

        return Redirect(anchor is null ? "/admin/catalog" : $"/admin/catalog#{anchor}");
    }

    private async Task LoadAsync()
    {
        Versions = await catalog.ListVersionsAsync();
        Draft = await catalog.GetDraftAsync();
        Current = await catalog.GetCurrentAsync();
        Base = Draft?.BasedOnId is { } baseId ? await catalog.GetByIdAsync(baseId) : null;
        Groups = CatalogGroup.All(Draft?.Document ?? Current?.Document ?? new CatalogDocument(), l, English);
        OpenProposals = (await proposals.ListAsync(ProposalStatus.Open)).Count;
        AcceptedIntoDraft = Draft is null ? 0 : (await proposals.ListAsync(appliedVersionId: Draft.Id)).Count;
        var highest = Versions.Select(v => SemanticVersion.TryParse(v.Version, out var s) ? s : default).DefaultIfEmpty().Max();
        NextVersion = new SemanticVersion(highest.Major, highest.Minor + 1, 0).ToString();
    }
}
