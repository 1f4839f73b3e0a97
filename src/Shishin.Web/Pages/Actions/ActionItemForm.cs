using System.ComponentModel.DataAnnotations;
using Shishin.Core.Assessments;

namespace Shishin.Web.Pages.Actions;

/// <summary>The change form of an action item; <see cref="Revision"/> is the version of the item the form was based on.</summary>
public sealed class ActionItemForm
{
    [Required(ErrorMessage = "Choose a status.")]
    [Display(Name = "Status")]
    public string Status { get; set; } = ActionStatusKeys.Key(ActionItemStatus.Open);

    [Display(Name = "Owner")]
    public Guid? OwnerId { get; set; }

    // Text in the ISO form a date input sends and expects (yyyy-MM-dd), whatever the reader's culture; parsed by DueDate.
    [Required(ErrorMessage = "Enter the due date.")]
    [Display(Name = "Due date")]
    public string? DueOn { get; set; }

    public DateOnly? DueDate =>
        DateOnly.TryParseExact(DueOn?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : null;

    [StringLength(ActionItemService.ReasonMaxLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Why it will not be done")]
    public string? WontDoReason { get; set; }

    public int Revision { get; set; }

    public static ActionItemForm From(ActionItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new()
        {
            Status = ActionStatusKeys.Key(item.Status),
            OwnerId = item.OwnerId,
            DueOn = item.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            WontDoReason = item.WontDoReason,
            Revision = item.Revision,
        };
    }
}
