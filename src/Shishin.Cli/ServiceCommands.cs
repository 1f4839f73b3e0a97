using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Auditing;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Core.Services;

namespace Shishin.Cli;

/// <summary>
/// <c>shishin services import|export</c>: the service register as CSV (docs/service-csv.md). The command acts as the
/// system with an administrator's rights; who runs it is whoever may reach the database.
/// </summary>
internal static class ServiceCommands
{
    private static readonly ServiceScope System = new(
        new Viewer(null, new HashSet<string>(StringComparer.Ordinal) { Roles.Admin }), new HashSet<Guid>(), new HashSet<Guid>());

    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV file: UTF-8 (with or without BOM) or Shift_JIS as Excel writes it." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and report what would change, without changing anything." };
        var import = context.Database.WithOptions(new Command("import", "Create and update services from a CSV file; nothing is imported while any row is invalid.") { file, dryRun });
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            if (!path.Exists)
            {
                await context.Error.WriteLineAsync($"The file {path.FullName} does not exist.");
                return 2;
            }

            if (path.Length > ServiceCsv.MaxBytes)
            {
                await context.Error.WriteLineAsync($"{path}: the file is larger than {ServiceCsv.MaxBytes / (1024 * 1024)} MB; split it into several files.");
                return 2;
            }

            var content = await File.ReadAllBytesAsync(path.FullName, ct);
            await using var services = await context.Database.OpenAsync(parse);
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "cli";
            var report = await scope.ServiceProvider.GetRequiredService<ServiceCsvImporter>().ImportAsync(content, System, parse.GetValue(dryRun), ct);
            return await ReportAsync(context, path.ToString(), report);
        });

        var output = new Option<string?>("--output") { Description = "File to write (UTF-8 with BOM, CRLF); standard output without it." };
        var export = context.Database.WithOptions(new Command("export", "Write every service as CSV in the columns import reads.") { output });
        export.SetAction(async (parse, ct) =>
        {
            await using var services = await context.Database.OpenAsync(parse);
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
            await using var scope = services.CreateAsyncScope();
            var exporter = scope.ServiceProvider.GetRequiredService<ServiceCsvExporter>();
            var path = parse.GetValue(output);
            if (string.IsNullOrWhiteSpace(path))
            {
                await exporter.WriteAsync(System, context.Output, ct);
                return 0;
            }

            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            int count;
            await using (var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
            {
                count = await exporter.WriteAsync(System, writer, ct);
            }

            await context.Output.WriteLineAsync($"Exported {count} services to {path}.");
            return 0;
        });

        return new Command("services", "The service register as CSV: import and export.") { import, export };
    }

    private static async Task<int> ReportAsync(CliContext context, string file, ServiceImportReport report)
    {
        foreach (var error in report.Errors)
        {
            await context.Output.WriteLineAsync(error.Format(file));
        }

        if (!report.IsValid)
        {
            var lines = report.BadLines.Where(l => l > 0).ToList();
            await context.Error.WriteLineAsync(lines.Count > 0
                ? $"{report.Errors.Count} error(s) in {file} on line(s) {string.Join(", ", lines)}; nothing was imported."
                : $"{report.Errors.Count} error(s) in {file}; nothing was imported.");
            return 1;
        }

        await context.Output.WriteLineAsync(
            $"{file} ({report.Encoding}): {report.Created.Count} to create, {report.Updated.Count} to update, {report.Unchanged.Count} unchanged.");
        await context.Output.WriteLineAsync(report.DryRun
            ? "Dry run: nothing was changed."
            : $"Imported: {report.Created.Count} created, {report.Updated.Count} updated.");
        return 0;
    }
}
