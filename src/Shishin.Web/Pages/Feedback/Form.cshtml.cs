using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Shishin.Core.CitizenFeedback;
using Shishin.Core.Data;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Feedback;

/// <summary>
/// The hosted feedback form, working without JavaScript. Its POST also takes a plain HTML form on the service's own
/// page (another origin), so it asks for no antiforgery token (ADR 0024-feedback-intake: anonymous, no session, nothing
/// to forge; rate-limited and origin-checked instead). Valid: 303 to our thank-you page, which links back to
/// <c>returnUrl</c> when its origin is registered for the service. Invalid: this page again with a message at each field.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[DisableRateLimiting]
[RequestSizeLimit(FeedbackApi.MaxBodyBytes)]
public sealed class FormModel(
    FeedbackTargets targets, FeedbackClientLimits limits, FeedbackIntake intake, ShishinDbContext db, IOptions<PublicUrlOptions> publicUrl,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public string Key { get; private set; } = "";

    public string ServiceName { get; private set; } = "";

    public bool English { get; } = Thread.CurrentThread.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string? Rating { get; private set; }

    public string? TaskCompleted { get; private set; }

    public IReadOnlyList<string> Reasons { get; private set; } = [];

    public string? Comment { get; private set; }

    public string? PagePath { get; private set; }

    public string? ReturnUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] string? key, string? pagePath, string? returnUrl)
    {
        if (await LoadAsync(key) is null)
        {
            return NotFound();
        }

        PagePath = pagePath;
        ReturnUrl = returnUrl;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string? key)
    {
        var target = await LoadAsync(key);
        if (target is null)
        {
            return NotFound();
        }

        // A browser names the page a form was sent from; a page elsewhere may not file feedback for this service. No
        // Origin, or "null" (a page with Referrer-Policy no-referrer), is let through: the rate limit still applies and
        // such a post cannot choose where it is sent back to.
        var origin = Request.Headers.Origin.ToString();
        if (origin.Length > 0 && origin != "null" && !target.AllowsOrigin(origin)
            && FeedbackTargets.NormalizeOrigin(origin) != FeedbackTargets.NormalizeOrigin(publicUrl.Value.BaseUri.AbsoluteUri))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var form = Request.HasFormContentType ? await Request.ReadFormAsync(HttpContext.RequestAborted) : null;
        string? Field(string name) => form is not null && form.TryGetValue(name, out var value) && value.Count > 0 ? value[0] : null;
        Rating = Field(FeedbackValidator.Fields.Rating);
        TaskCompleted = Field(FeedbackValidator.Fields.TaskCompleted);
        Reasons = form is null ? [] : [.. form[FeedbackValidator.Fields.Reasons].OfType<string>()];
        Comment = Field(FeedbackValidator.Fields.Comment);
        PagePath = Field(FeedbackValidator.Fields.PagePath);
        ReturnUrl = Field("returnUrl");

        if (limits.Refuse(FeedbackIntake.ClientOf(HttpContext)) is { } wait)
        {
            ShishinRateLimiting.SetRetryAfter(Response, wait);
            ModelState.AddModelError(string.Empty, l["Please wait a little before sending more feedback."]);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var typeErrors = new List<FeedbackFieldError>();
        int? rating = null;
        if (!string.IsNullOrEmpty(Rating))
        {
            if (int.TryParse(Rating, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var r))
            {
                rating = r;
            }
            else
            {
                typeErrors.Add(new(FeedbackValidator.Fields.Rating, FeedbackProblem.OutOfRange));
            }
        }

        var language = Field(FeedbackValidator.Fields.Language) is { Length: > 0 } given ? given : English ? "en" : "ja";
        var submission = new FeedbackSubmission(rating, string.IsNullOrEmpty(TaskCompleted) ? null : TaskCompleted, Reasons, Comment, language,
            string.IsNullOrEmpty(PagePath) ? null : PagePath);
        var result = await intake.SubmitAsync(target, submission, typeErrors, !string.IsNullOrWhiteSpace(Field(FeedbackIntake.HoneypotField)),
            FeedbackIntake.ClientOf(HttpContext), FeedbackSource.Form);
        switch (result.Outcome)
        {
            case IntakeOutcome.Accepted:
                // The thank-you page, which links back to returnUrl when it is safe; never a redirect to returnUrl itself.
                Response.Headers.Location = Url.Page("/Feedback/Thanks", new { key, returnUrl = ThanksModel.SafeReturnUrl(target, ReturnUrl) });
                return StatusCode(StatusCodes.Status303SeeOther);
            case IntakeOutcome.Invalid:
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError(error.Field, FeedbackMessages.Message(l, error));
                }

                return Page();
            default:
                ShishinRateLimiting.SetRetryAfter(Response, result.RetryAfter);
                ModelState.AddModelError(string.Empty, l["Nothing was saved. Please send it again in a few seconds."]);
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return Page();
        }
    }

    public string? ErrorOf(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    private async Task<FeedbackTarget?> LoadAsync(string? key)
    {
        // The key comes from the route only (a form field named "key" must not choose the service); model binding turns
        // a blank segment into null.
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        var target = await targets.FindAsync(key, HttpContext.RequestAborted);
        if (target is not { AcceptsFeedback: true })
        {
            return null;
        }

        Key = key;
        var names = await db.Services.AsNoTracking().Where(s => s.Id == target.ServiceId).Select(s => new { s.NameJa, s.NameEn }).FirstOrDefaultAsync(HttpContext.RequestAborted);
        if (names is null)
        {
            return null;
        }

        ServiceName = English ? names.NameEn : names.NameJa;
        return target;
    }
}
