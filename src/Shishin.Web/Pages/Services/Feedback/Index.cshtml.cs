using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Shishin.Core.CitizenFeedback;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services.Feedback;

/// <summary>
/// A service's feedback inbox for its team: submissions newest first, filtered by rating, Tokyo dates, reason, status,
/// tag and words of the comment (case-insensitive), a page at a time, all by a GET form that needs no JavaScript.
/// Comments are shown as stored, that is redacted.
/// </summary>
public sealed class IndexModel(ServiceDirectory directory, ServiceAccess access, FeedbackInbox inbox, IStringLocalizer<SharedResource> l)
    : ServicePageModel(directory, access)
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Satisfaction rating")]
    public string? Rating { get; set; }

    [BindProperty(SupportsGet = true)]
    [DataType(DataType.Date)]
    [Display(Name = "From")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [DataType(DataType.Date)]
    [Display(Name = "To")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Reason")]
    public string? Reason { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Tag")]
    public string? Tag { get; set; }

    [BindProperty(SupportsGet = true)]
    [StringLength(FeedbackInbox.MaxTextLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Words in the comment")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public FeedbackLabels Labels { get; } = new(l);

    public FeedbackPage Result { get; private set; } = new([], 1, FeedbackInbox.DefaultPageSize, 0);

    /// <summary>False when the filter has errors: the page then shows them, never an unfiltered list.</summary>
    public bool Ran { get; private set; }

    public IReadOnlyList<SelectListItem> RatingItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ReasonItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> StatusItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> TagItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string key)
    {
        if (await LoadAsync(key, ServiceRight.TeamDetail) is { } refused)
        {
            return refused;
        }

        var tags = await inbox.TagsInUseAsync(Service.Id, HttpContext.RequestAborted);
        RatingItems = [.. Enumerable.Range(1, 5).Reverse().Select(r => new SelectListItem(Labels.Rating(r), r.ToString(CultureInfo.InvariantCulture)))];
        ReasonItems = [.. FeedbackReasons.All.Select(r => new SelectListItem(English ? r.En : r.Ja, r.Code))];
        StatusItems = [.. FeedbackLabels.Statuses.Select(s => new SelectListItem(Labels.Status(s), FeedbackLabels.Key(s)))];
        TagItems = [.. tags.Select(t => new SelectListItem(t, t))];

        int? rating = null;
        if (!string.IsNullOrEmpty(Rating))
        {
            rating = int.TryParse(Rating, NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r is >= 1 and <= 5 ? r : null;
            if (rating is null)
            {
                ModelState.AddModelError(nameof(Rating), l["Choose a rating from the list."]);
            }
        }

        var status = FeedbackLabels.ParseStatus(Status);
        if (!string.IsNullOrEmpty(Status) && status is null)
        {
            ModelState.AddModelError(nameof(Status), l["Choose a status from the list."]);
        }

        if (!string.IsNullOrEmpty(Reason) && !FeedbackReasons.IsKnown(Reason))
        {
            ModelState.AddModelError(nameof(Reason), l["Choose a reason from the list."]);
        }

        if (!string.IsNullOrEmpty(Tag) && !tags.Contains(Tag, StringComparer.Ordinal))
        {
            ModelState.AddModelError(nameof(Tag), l["Choose a tag from the list."]);
        }

        if (!FeedbackDates.Validate(ModelState, l, nameof(From), From, nameof(To), To))
        {
            return Page();
        }

        Ran = true;
        Result = await inbox.ListAsync(Service.Id,
            new FeedbackQuery(rating, From, To, Reason, status, Tag, Q, Math.Max(1, PageNumber)), HttpContext.RequestAborted);
        return Page();
    }

    public string PageLink(int page)
    {
        var query = QueryHelpers.ParseQuery(Request.QueryString.Value).ToDictionary(q => q.Key, q => q.Value.ToString());
        query["pageNumber"] = page.ToString(CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(Url.Page("/Services/Feedback/Index", new { key = Service.Key })!, query!);
    }

    /// <summary>The comment as the list shows it: its start, the whole on the submission's page.</summary>
    public static string Excerpt(string comment) => comment.Length <= 160 ? comment : comment[..160] + "…";
}
