using Shishin.Core.Organizations;
using Shishin.Core.Services;

namespace Shishin.Core.Assessments;

/// <summary>Which action items to list: one organisation with its sub-organisations (or all), a status, overdue ones only.</summary>
public sealed record ActionItemQuery(Guid? OrganizationId = null, ActionItemStatus? Status = null, bool OverdueOnly = false, Guid? ServiceId = null);

public sealed record ActionItemRow(ActionItem Item, Service Service, string? OwnerName);

/// <summary>How many overdue items an organisation's services have (the portfolio's overdue list per organisation).</summary>
public sealed record OverdueCount(Organization Organization, int Count);

public sealed record OwnerCandidate(Guid Id, string Name);

/// <summary>One item as its page shows it, with who may be made its owner and whether the viewer may change it.</summary>
public sealed record ActionItemDetail(ActionItem Item, Service Service, string? OwnerName, bool CanEdit, IReadOnlyList<OwnerCandidate> Owners);

/// <summary>A change to an item, based on the <see cref="Revision"/> the form showed.</summary>
public sealed record ActionItemUpdate(ActionItemStatus Status, Guid? OwnerId, DateOnly DueOn, string? WontDoReason, int Revision);

public enum ActionItemUpdateOutcome
{
    Saved,
    NotFound,
    Forbidden,
    Invalid,

    /// <summary>Someone else saved the item since the form was shown; nothing was changed.</summary>
    Conflict,
}

/// <summary>A problem with one field of an update; <see cref="Message"/> is the English text, a key of the UI's resources.</summary>
public sealed record ActionItemIssue(string Field, string Message);

/// <summary>
/// The result of an update. On a conflict, <see cref="Current"/> is the item as it is now and <see cref="ChangedFields"/>
/// names the fields (Status, OwnerId, DueOn, WontDoReason) whose current value differs from the one submitted.
/// </summary>
public sealed record ActionItemUpdateResult(ActionItemUpdateOutcome Outcome, IReadOnlyList<ActionItemIssue> Issues, ActionItem? Current, IReadOnlyList<string> ChangedFields)
{
    public static ActionItemUpdateResult Of(ActionItemUpdateOutcome outcome) => new(outcome, [], null, []);
}
