using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Admin.Services;

/// <summary>
/// The services the visitor may see as CSV in the import's columns (docs/service-csv.md): UTF-8 with a byte order mark so
/// that Excel reads Japanese correctly. Open to everyone like the API: anonymous visitors get the public services only.
/// </summary>
public sealed class ExportModel(ServiceAccess access, ServiceCsvExporter exporter, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = await access.ScopeAsync(User.ToViewer(), cancellationToken);
        var name = $"shishin-services-{clock.GetUtcNow():yyyyMMdd-HHmmss}.csv";
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        // What one visitor may see differs from the next one's: never from a shared cache.
        Response.Headers.CacheControl = "private, no-store";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await exporter.WriteAsync(scope, writer, cancellationToken);
        return new EmptyResult();
    }
}
