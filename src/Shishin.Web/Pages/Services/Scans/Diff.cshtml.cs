using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Shishin.Core.Scans;
using Shishin.Core.Services;
using Shishin.Web.Pages.Catalog;

namespace Shishin.Web.Pages.Services.Scans;

/// <summary>
/// Any two finished runs of a service compared finding by finding: new, fixed and unchanged, per page and per rule.
/// Without a choice, the latest run against the one before it. For the team and reviewers (it lists findings).
/// </summary>
public sealed class DiffModel(ServiceDirectory directory, ServiceAccess access, ScanHistory history, ScanDiff diffs, IStringLocalizer<SharedResource> l)
    : ServicePageModel(directory, access)
{
    public const int RunsOffered = 100;

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Compare the run of")]
    public Guid? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "with the run of")]
    public Guid? To { get; set; }

    public ScanLabels Labels { get; } = new(l);
    public IReadOnlyList<SelectListItem> RunItems { get; private set; } = [];
    public ScanRun? Older { get; private set; }
    public ScanRun? Newer { get; private set; }
    public ScanDiffResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key)
    {
        if (await LoadAsync(key, ServiceRight.TeamDetail) is { } refused)
        {
            return refused;
        }

        var runs = await history.ComparableRunsAsync(Service.Id, RunsOffered, HttpContext.RequestAborted);
        RunItems = [.. runs.Select(r => new SelectListItem($"{CatalogLabels.Tokyo(r.FinishedAt)} · {Labels.Trigger(r)} · {Labels.Status(r.Status)}", r.Id.ToString()))];
        if (From is null && To is null && runs.Count >= 2)
        {
            (From, To) = (runs[1].Id, runs[0].Id);
        }

        if (From is null || To is null)
        {
            if (From is not null || To is not null)
            {
                ModelState.AddModelError(From is null ? nameof(From) : nameof(To), l["Choose a run."]);
            }

            return Page();
        }

        var from = runs.FirstOrDefault(r => r.Id == From) ?? await history.FindRunAsync(Service.Id, From.Value, HttpContext.RequestAborted);
        var to = runs.FirstOrDefault(r => r.Id == To) ?? await history.FindRunAsync(Service.Id, To.Value, HttpContext.RequestAborted);
        if (from is null || !from.IsFinished || from.DetailPruned)
        {
            ModelState.AddModelError(nameof(From), l["This run cannot be compared: it is unknown, unfinished, or its findings were removed by retention."]);
        }

        if (to is null || !to.IsFinished || to.DetailPruned)
        {
            ModelState.AddModelError(nameof(To), l["This run cannot be compared: it is unknown, unfinished, or its findings were removed by retention."]);
        }

        if (!ModelState.IsValid || from is null || to is null)
        {
            return Page();
        }

        // Older first, whichever way round they were chosen.
        (Older, Newer) = (from.FinishedAt ?? from.QueuedAt) <= (to.FinishedAt ?? to.QueuedAt) ? (from, to) : (to, from);
        Result = await diffs.CompareAsync(Older, Newer, HttpContext.RequestAborted);
        return Page();
    }
}
