using Microsoft.EntityFrameworkCore;
using Shishin.Core.Data;

namespace Shishin.Core.Services;

/// <summary>
/// Writes the services a viewer may see as CSV in the columns the import reads (docs/service-csv.md), so that an
/// exported file imports without changes. RFC 4180 with CRLF line ends; cells a spreadsheet would run as formulas are
/// neutralised as in the audit CSV. The caller chooses the encoding (UTF-8 with a byte order mark, so that Excel reads
/// Japanese correctly).
/// </summary>
public sealed class ServiceCsvExporter(ShishinDbContext db)
{
    public async Task<int> WriteAsync(ServiceScope scope, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(writer);
        writer.NewLine = "\r\n";
        // Loaded before the first byte is written, so that a failing query can still answer with an error, not a cut file.
        var services = await scope.Visible(db.Services.AsNoTracking())
            .Include(s => s.OwnerOrganization).Include(s => s.Partners).ThenInclude(p => p.Organization)
            .OrderBy(s => s.Key).AsSplitQuery().ToListAsync(cancellationToken);
        await writer.WriteLineAsync(string.Join(',', ServiceCsv.Columns));
        foreach (var s in services)
        {
            string[] cells =
            [
                s.Key, s.NameJa, s.NameEn, s.OwnerOrganization?.Key ?? "", s.Phase.Key(), s.IsPublic ? "true" : "false",
                ServiceCsv.ChannelKey(s.Channel), s.EntryUrls, s.DescriptionJa, s.DescriptionEn,
                string.Join(' ', s.Partners.Select(p => p.Organization?.Key ?? "").Order(StringComparer.Ordinal)),
            ];
            await writer.WriteLineAsync(string.Join(',', cells.Select(ServiceCsv.Cell)));
        }

        await writer.FlushAsync(cancellationToken);
        return services.Count;
    }
}
