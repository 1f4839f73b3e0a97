using System.Globalization;
using Microsoft.Extensions.Localization;
using Shishin.Core.CitizenFeedback;

namespace Shishin.Web.Pages.Services.Feedback;

/// <summary>The words of the feedback pages for stored values: statuses, task completion, reasons, figures.</summary>
public sealed class FeedbackLabels(IStringLocalizer<SharedResource> l)
{
    public static IReadOnlyList<FeedbackStatus> Statuses { get; } = Enum.GetValues<FeedbackStatus>();

    public string Status(FeedbackStatus status) => status switch
    {
        FeedbackStatus.New => l["Not yet triaged"],
        FeedbackStatus.InProgress => l["Being handled"],
        FeedbackStatus.Answered => l["Answered"],
        _ => l["Will not be fixed"],
    };

    public static string StatusTag(FeedbackStatus status) => status switch
    {
        FeedbackStatus.New => "tag tag--warning",
        FeedbackStatus.Answered => "tag tag--success",
        FeedbackStatus.WontFix => "tag tag--neutral",
        _ => "tag",
    };

    /// <summary>The status's code in forms and links (new, in-progress, answered, wont-fix).</summary>
    public static string Key(FeedbackStatus status) => status switch
    {
        FeedbackStatus.New => "new",
        FeedbackStatus.InProgress => "in-progress",
        FeedbackStatus.Answered => "answered",
        _ => "wont-fix",
    };

    public static FeedbackStatus? ParseStatus(string? key) => Statuses.Cast<FeedbackStatus?>().FirstOrDefault(s => Key(s!.Value) == key);

    public string Task(FeedbackTaskCompletion task) => task switch
    {
        FeedbackTaskCompletion.Yes => l["Completed"],
        FeedbackTaskCompletion.Partly => l["Partly completed"],
        _ => l["Not completed"],
    };

    public string Source(FeedbackSource source) => source switch
    {
        FeedbackSource.Api => l["API"],
        FeedbackSource.Widget => l["Feedback widget"],
        _ => l["Feedback form"],
    };

    public static string Reason(string code, bool english) =>
        FeedbackReasons.Find(code) is { } reason ? (english ? reason.En : reason.Ja) : code;

    /// <summary>A theme of an improvement: a reason's label, or the tag as written.</summary>
    public static string Theme(string theme, bool english) => Reason(theme, english);

    public string Rating(int rating) => l["{0} of 5", rating];

    public string Language(string language) => language == "en" ? l["English"] : l["Japanese"];

    /// <summary>A share (0 to 1) as a percentage, or "not measured".</summary>
    public string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", CultureInfo.CurrentCulture) + "%" : l["Not measured"];

    public string Mean(double? mean) => mean is { } m ? m.ToString("0.00", CultureInfo.CurrentCulture) : l["Not measured"];

    public static string Count(int count) => count.ToString("#,0", CultureInfo.CurrentCulture);

    /// <summary>A figure for a chart's data attribute (invariant); empty when not measured.</summary>
    public static string Data(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "";

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
