using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Shishin.Core.Assessments;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;
using Shishin.Web.Pages.Services;

namespace Shishin.Web.Pages.Actions;

/// <summary>
/// One action item: everyone who may read it sees it; the service's owners (and admins) change its status, owner and
/// due date. Won't do needs a reason. A save based on an older version changes nothing, keeps the input and says
/// what the other person changed.
/// </summary>
public sealed class EditModel(ActionItemService actions, ServiceAccess access, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ActionItemForm Input { get; set; } = new();

    public ActionItemDetail Detail { get; private set; } = default!;

    public ServiceLabels Labels { get; } = new(l);

    public IReadOnlyList<SelectListItem> StatusItems { get; private set; } = [];

    public IReadOnlyList<SelectListItem> OwnerItems { get; private set; } = [];

    /// <summary>After a conflict: what the other person's save changed, as "field: value now".</summary>
    public IReadOnlyList<string> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = ActionItemForm.From(Detail.Item);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!Detail.CanEdit)
        {
            return Forbid();
        }

        var status = ActionStatusKeys.Parse(Input.Status);
        if (!string.IsNullOrWhiteSpace(Input.Status) && status is null)
        {
            ModelState.AddModelError("Input.Status", l["Choose a status from the list."]);
        }

        if (!string.IsNullOrWhiteSpace(Input.DueOn) && Input.DueDate is null)
        {
            ModelState.AddModelError("Input.DueOn", l["Enter the due date as a date, for example 2026-03-31."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var scope = await access.ScopeAsync(User.ToViewer(), cancellationToken);
        var result = await actions.UpdateAsync(scope, id,
            new ActionItemUpdate(status!.Value, Input.OwnerId, Input.DueDate!.Value, Input.WontDoReason, Input.Revision), cancellationToken);
        switch (result.Outcome)
        {
            case ActionItemUpdateOutcome.Saved:
                TempData["Notice"] = l["The changes have been saved."].Value;
                return RedirectToPage("/Actions/Edit", new { id });
            case ActionItemUpdateOutcome.NotFound:
                return NotFound();
            case ActionItemUpdateOutcome.Forbidden:
                return Forbid();
            case ActionItemUpdateOutcome.Invalid:
                foreach (var issue in result.Issues)
                {
                    ModelState.AddModelError("Input." + issue.Field, l[issue.Message]);
                }

                return Page();
            default:
                var current = result.Current!;
                ModelState.AddModelError(string.Empty, l["Someone else changed this action item while you were editing it. Nothing was saved; your input is kept below. Check what they changed, then save again to apply your input."]);
                Changes = [.. result.ChangedFields.Select(f => Describe(f, current))];
                // The form now builds on the item as it is, so saving again applies the kept input on purpose.
                ModelState.Remove("Input.Revision");
                Input.Revision = current.Revision;
                Detail = Detail with { Item = current };
                return Page();
        }
    }

    private string Describe(string field, ActionItem current) => field switch
    {
        "Status" => l["Status: now {0}", Labels.ActionStatus(current.Status)],
        "OwnerId" => l["Owner: now {0}", Detail.Owners.FirstOrDefault(o => o.Id == current.OwnerId)?.Name ?? l["No owner"].Value],
        "DueOn" => l["Due date: now {0}", current.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
        _ => l["Why it will not be done: now “{0}”", current.WontDoReason],
    };

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var scope = await access.ScopeAsync(User.ToViewer(), cancellationToken);
        var detail = await actions.FindAsync(scope, id, cancellationToken);
        if (detail is null)
        {
            return false;
        }

        Detail = detail;
        StatusItems = [.. ActionStatusKeys.All.Select(s => new SelectListItem(Labels.ActionStatus(s), ActionStatusKeys.Key(s)))];
        OwnerItems = [.. detail.Owners.Select(o => new SelectListItem(o.Name, o.Id.ToString()))];
        return true;
    }
}
