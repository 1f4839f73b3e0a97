using System.ComponentModel.DataAnnotations;
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
    : FeedbackPageModel(directory, access)
{
    [BindProperty(SupportsGet = true)]
    [DataType(DataType.Date)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [DataType(DataType.Date)]
    public DateOnly? To { get; set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        if (await LoadAsync(key, FeedbackRight.Read) is { } refused)
        {
            return refused;
        }

        if (!FeedbackDates.Validate(ModelState, l, nameof(From), From, nameof(To), To))
        {
            return Redirect(Url.Page("/Services/Feedback/Index", new { key }) + Request.QueryString.ToUriComponent());
        }

        // Loaded before the first byte is written, so that a failing query still answers with an error, not a cut file.
        var items = await inbox.ExportAsync(Service.Id, From, To, cancellationToken);
        var labels = new FeedbackLabels(l);
        await using var writer = FeedbackCsv.Start(Response, $"shishin-feedback-{Service.Key}-{clock.GetUtcNow():yyyyMMdd-HHmmss}.csv");
        await FeedbackCsv.WriteLineAsync(writer,
        [
            l["ID"], l["Received (Japan time)"], l["Satisfaction rating"], l["Task completion"], l["Reasons"], l["Comment"], l["Language"],
            l["Page"], l["Sent through"], l["Status"], l["Tags"], l["Action item"],
        ]);
        foreach (var f in items)
        {
            await FeedbackCsv.WriteLineAsync(writer,
            [
                f.Id.ToString(), FeedbackCsv.Tokyo(f.ReceivedAt), FeedbackCsv.Number(f.Rating), labels.Task(f.TaskCompleted), f.Reasons, f.Comment,
                f.Language, f.PagePath, labels.Source(f.Source), labels.Status(f.Status), f.Tags, f.ActionItemId?.ToString(),
            ]);
        }

        await writer.FlushAsync(cancellationToken);
        return new EmptyResult();
    }
}
