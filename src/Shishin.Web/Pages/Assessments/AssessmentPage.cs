using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Assessments;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;
using Shishin.Web.Pages.Services;

namespace Shishin.Web.Pages.Assessments;

/// <summary>
/// A page of one assessment's workflow. Who may not see the service gets 404 (its existence must not leak); who may see
/// it but not use this page gets 403; a refused step comes back as a message on the page, never a 500 (a step the
/// viewer's role may not take, such as a partner submitting, says so on the page with status 403).
/// </summary>
public abstract class AssessmentPage(AssessmentService assessments, ServiceAccess access, IStringLocalizer<SharedResource> l) : PageModel
{
    public AssessmentView View { get; private set; } = default!;

    public ServiceLabels Labels { get; } = new(l);

    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string Language => English ? "en" : "ja";

    protected AssessmentService Assessments => assessments;

    protected IStringLocalizer<SharedResource> L => l;

    protected ServiceScope Scope { get; private set; } = default!;

    /// <summary>Loads the assessment; returns 404 or 403 when the viewer may not see it or may not use this page.</summary>
    protected async Task<IActionResult?> LoadAsync(Guid id, Func<AssessmentPermissions, bool> mayUse)
    {
        ArgumentNullException.ThrowIfNull(mayUse);
        Scope = await access.ScopeAsync(User.ToViewer(), HttpContext.RequestAborted);
        var found = await assessments.GetAsync(Scope, id, HttpContext.RequestAborted);
        if (!found.Succeeded)
        {
            return NotFound();
        }

        View = found.Value!;
        return mayUse(View.May) ? null : Forbid();
    }

    /// <summary>
    /// 404 for an assessment that is gone; null for the rest, which the page shows as messages. A forbidden step is
    /// one of those messages too, so that the viewer, who may use the page, learns why this step is not theirs, but
    /// answered with 403 (like the generic page it replaces) so that clients and logs still see a refusal.
    /// </summary>
    protected IActionResult? Refusal(AssessmentFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (failure.Error == AssessmentError.Forbidden)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return failure.Error == AssessmentError.NotFound ? NotFound() : null;
    }

    protected string Message(AssessmentFailure failure) => AssessmentMessages.For(l, failure, View?.Assessment.Status);

    public string ServiceName => View.Service.Name(English);

    public string CheckpointTitle(Shishin.Core.Catalog.Checkpoint checkpoint) => checkpoint?.Title.For(Language) ?? "";

    public string GroupTitle(CheckpointGroup group) => group switch
    {
        { Principle: { } p } => $"{p.Number}. {p.Label.For(Language)}",
        { Theme: { } t } => t.Name.For(Language),
        _ => "",
    };

    public static string TokyoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Tokyo(DateTime? utc) => utc is { } time ? Catalog.CatalogMessages.Tokyo(time) : "";
}
