using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core.CitizenFeedback;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services.Feedback;

/// <summary>
/// A service's feedback as CSV for its team, oldest first, within the Tokyo dates given (all when none): comments as
/// stored, that is redacted. A bad range goes back to the inbox, which shows the same messages at its fields.
/// </summary>
public sealed class ExportModel(ServiceDirectory directory, ServiceAccess access, FeedbackInbox inbox, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : FeedbackCsvPage(directory, access, clock, l)
{
    protected override ServiceRight Need => ServiceRight.TeamDetail;

    protected override string FileStem => $"shishin-feedback-{Service.Key}";

    protected override IEnumerable<string> Header =>
    [
        L["ID"], L["Received (Japan time)"], L["Satisfaction rating"], L["Task completion"], L["Reasons"], L["Comment"], L["Language"],
        L["Page"], L["Sent through"], L["Status"], L["Tags"], L["Action item"],
    ];

    protected override IActionResult InvalidRange() =>
        Redirect(Url.Page("/Services/Feedback/Index", new { key = Service.Key }) + Request.QueryString.ToUriComponent());

    protected override async Task<IEnumerable<IEnumerable<string?>>> RowsAsync(CancellationToken cancellationToken)
    {
        var items = await inbox.ExportAsync(Service.Id, From, To, cancellationToken);
        var labels = new FeedbackLabels(L);
        return items.Select(IEnumerable<string?> (f) =>
        [
            f.Id.ToString(), FeedbackCsv.Tokyo(f.ReceivedAt), FeedbackCsv.Number(f.Rating), labels.Task(f.TaskCompleted), f.Reasons, f.Comment,
            f.Language, f.PagePath, labels.Source(f.Source), labels.Status(f.Status), f.Tags, f.ActionItemId?.ToString(),
        ]);
    }
}
