using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Auditing;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Admin.Audit;

/// <summary>The filtered audit log as CSV (UTF-8 with BOM so that spreadsheet software reads Japanese correctly).</summary>
public sealed class ExportModel(AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public AuditFilter Filter { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Filter.Validate(ModelState, l))
        {
            // The audit page runs the same checks and shows each message at its field.
            return Redirect(Url.Page("/Admin/Audit/Index") + Request.QueryString.ToUriComponent());
        }

        await using var writer = CsvDownload.Start(Response, "shishin-audit", clock);
        await audit.WriteCsvAsync(Filter.ToQuery(), writer, Columns, cancellationToken);
        await writer.FlushAsync(cancellationToken);
        return new EmptyResult();
    }

    // The header in the reader's language; the time column says it is Japan time, like the page's.
    private string[] Columns =>
    [
        l["Event ID"], l["Time (Tokyo)"], l["Actor ID"], l["Actor"], l["Action"], l["Entity type"], l["Entity ID"],
        l["Before"], l["After"], l["Client IP"], l["Correlation ID"],
    ];
}
