using Shishin.Core.Assessments;

namespace Shishin.Web.Pages.Actions;

/// <summary>The status codes of addresses and forms (<c>?status=in-progress</c>).</summary>
public static class ActionStatusKeys
{
    private static readonly (ActionItemStatus Status, string Key)[] Keys =
    [
        (ActionItemStatus.Open, "open"),
        (ActionItemStatus.InProgress, "in-progress"),
        (ActionItemStatus.Done, "done"),
        (ActionItemStatus.WontDo, "wont-do"),
    ];

    public static IEnumerable<ActionItemStatus> All => Keys.Select(k => k.Status);

    public static string Key(ActionItemStatus status) => Keys.First(k => k.Status == status).Key;

    public static ActionItemStatus? Parse(string? key) =>
        Keys.Where(k => string.Equals(k.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase)).Select(k => (ActionItemStatus?)k.Status).FirstOrDefault();
}
