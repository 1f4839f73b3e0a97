using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Services.Feedback;

/// <summary>
/// A CSV download of one service's feedback within the Tokyo dates given. The rows are read before the first byte is
/// written, so that a failing query still answers with an error, not a cut file.
/// </summary>
public abstract class FeedbackCsvPage(ServiceDirectory directory, ServiceAccess access, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : ServicePageModel(directory, access)
{
    [BindProperty(SupportsGet = true)]
    [DataType(DataType.Date)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [DataType(DataType.Date)]
    public DateOnly? To { get; set; }

    protected TimeProvider Clock => clock;

    protected IStringLocalizer<SharedResource> L => l;

    /// <summary>Who may download it.</summary>
    protected abstract ServiceRight Need { get; }

    /// <summary>The file name before its time stamp, e.g. <c>shishin-feedback-KEY</c>.</summary>
    protected abstract string FileStem { get; }

    /// <summary>The header, in the reader's language.</summary>
    protected abstract IEnumerable<string> Header { get; }

    /// <summary>The answer to a bad range; <see cref="PageModel.ModelState"/> holds the messages at their fields.</summary>
    protected abstract IActionResult InvalidRange();

    protected abstract Task<IEnumerable<IEnumerable<string?>>> RowsAsync(CancellationToken cancellationToken);

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        if (await LoadAsync(key, Need) is { } refused)
        {
            return refused;
        }

        if (!FeedbackDates.Validate(ModelState, l, nameof(From), From, nameof(To), To))
        {
            return InvalidRange();
        }

        var rows = await RowsAsync(cancellationToken);
        await using var writer = CsvDownload.Start(Response, FileStem, clock);
        await FeedbackCsv.WriteLineAsync(writer, Header);
        foreach (var row in rows)
        {
            await FeedbackCsv.WriteLineAsync(writer, row);
        }

        await writer.FlushAsync(cancellationToken);
        return new EmptyResult();
    }
}
