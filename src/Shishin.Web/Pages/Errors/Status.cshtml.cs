using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Shishin.Web.Pages.Errors;

/// <summary>
/// Every error a person sees: localised, with a reference to quote and never a stack trace. Requests to /api get
/// RFC 9457 problem details instead of a page.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";
    public string CorrelationId { get; private set; } = "";

    // No parameters and no bound properties: a re-executed POST must never read its body, which may be over the
    // size limit or carry a refused antiforgery token (reading either throws).
    public IActionResult OnGet() => Render();

    public IActionResult OnPost() => Render();

    // An API call with PUT, PATCH or DELETE that is refused (401, 403) is re-executed here with its own method.
    public IActionResult OnPut() => Render();

    public IActionResult OnPatch() => Render();

    public IActionResult OnDelete() => Render();

    private IActionResult Render()
    {
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var routeCode) ? routeCode : 404;
        // Visited directly rather than re-executed: show the page for the code asked, but answer 404 for nonsense.
        var reExecute = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var exception = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var originalPath = reExecute?.OriginalPath ?? exception?.Path ?? HttpContext.Request.Path.Value ?? "";
        if (exception is not null)
        {
            // Kestrel's own refusals (a body over the limit, a malformed request) keep their 4xx status.
            code = exception.Error is BadHttpRequestException bad ? bad.StatusCode : 500;
        }

        if (code is < 400 or > 599)
        {
            code = 404;
        }

        CorrelationId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        (Title, Message) = code switch
        {
            401 or 403 => (l["You do not have access to this page"].Value, l["Sign in with an account that has access, or ask an administrator."].Value),
            404 => (l["Page not found"].Value, l["Check the address, or go to the home page."].Value),
            405 => (l["This action is not allowed here"].Value, l["Go back and try again from the page."].Value),
            413 => (l["The data sent is too large"].Value, l["Send less data at once and try again."].Value),
            429 => (l["Too many requests"].Value, l["Wait a moment and try again."].Value),
            >= 500 => (l["Sorry, there is a problem with the service"].Value, l["Try again later. Nothing you entered was saved unless a page said so."].Value),
            _ => (l["The request could not be handled"].Value, l["Go back and check what you entered."].Value),
        };

        Response.StatusCode = code;
        if (originalPath.StartsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            var problem = new ProblemDetails { Status = code, Title = Title, Detail = Message, Instance = originalPath };
            problem.Extensions["correlationId"] = CorrelationId;
            return new ObjectResult(problem) { StatusCode = code, ContentTypes = { "application/problem+json" } };
        }

        return Page();
    }
}
