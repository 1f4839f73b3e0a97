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
        await using var writer = CsvDownload.Start(Response, "shishin-services", clock);
        await exporter.WriteAsync(scope, writer, cancellationToken);
        return new EmptyResult();
    }
}
