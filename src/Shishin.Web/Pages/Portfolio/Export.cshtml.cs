using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core;
using Shishin.Core.Assessments;
using Shishin.Core.Catalog;
using Shishin.Core.Organizations;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Portfolio;

/// <summary>
/// The portfolio as CSV with the page's filter and order: UTF-8 with BOM so that spreadsheet software reads Japanese,
/// cells neutralised against formula injection like the audit CSV. Met and applicable are separate columns, because a
/// spreadsheet would read "3/5" as a date.
/// </summary>
public sealed class ExportModel(AssessmentReports reports, ServiceAccess access, OrganizationService organizations, CatalogService catalog, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
    : PortfolioPage(reports, access, organizations, catalog, localizer)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var l = Localizer;
        await LoadAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            // The portfolio page runs the same check and shows the message at its field.
            return Redirect(Url.Page("/Portfolio/Index") + Request.QueryString.ToUriComponent());
        }

        var english = Catalog.CatalogLabels.English;
        var name = $"shishin-portfolio-{clock.GetUtcNow():yyyyMMdd-HHmmss}.csv";
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var header = new List<string> { l["Service key"], l["Service"], l["Organisation"], l["Phase"], l["Published (Tokyo)"], l["Overall rating"], l["Met"], l["Applicable"] };
        foreach (var column in Result.Columns)
        {
            var title = ColumnName(column);
            header.AddRange([l["{0}: met", title], l["{0}: applicable", title], l["{0}: rating", title]]);
        }

        await WriteLineAsync(writer, header);
        foreach (var row in Result.Rows)
        {
            var latest = row.Latest;
            var cells = new List<string?>
            {
                row.Service.Key, row.Service.Name(english), row.Service.OwnerOrganization?.Name(english),
                latest is null ? "" : CatalogLabels.Phase(latest.Phase),
                latest is null ? "" : Catalog.CatalogLabels.Tokyo(latest.PublishedAt),
                latest is null ? "" : Labels.Rating(latest.Rag),
                Number(latest?.Total.Met), Number(latest?.Total.Applicable),
            };
            foreach (var column in Result.Columns)
            {
                var cell = row.Cell(column.Key);
                cells.AddRange([Number(cell?.Met), Number(cell?.Applicable), cell is null ? "" : Labels.Rating(cell.Rag)]);
            }

            await WriteLineAsync(writer, cells);
        }

        await writer.FlushAsync(cancellationToken);
        return new EmptyResult();
    }

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static Task WriteLineAsync(StreamWriter writer, IEnumerable<string?> cells) =>
        writer.WriteAsync(string.Join(',', cells.Select(Csv.Cell)) + "\r\n");
}
