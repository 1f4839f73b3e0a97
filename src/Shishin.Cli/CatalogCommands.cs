using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Auditing;
using Shishin.Core.Catalog;
using Shishin.Core.Data;

namespace Shishin.Cli;

/// <summary><c>shishin catalog validate|export|import</c>: the guideline catalogue as files.</summary>
internal static class CatalogCommands
{
    public static Command Create(CliContext context)
    {
        var validateDirectory = new Argument<DirectoryInfo>("directory") { Description = "Folder of catalogue YAML files, e.g. catalog/." };
        var previousOption = new Option<string?>("--previous")
        {
            Description = "The version before this one, whose ids must all still be there (retired, never removed): a folder of YAML files, "
                + "a JSON export, or 'none'. Default: the newest version of Shishin's own catalogue that is older than the folder's.",
        };
        var validate = new Command("validate", "Check a catalogue folder as it would ship: every rule of the format, the preamble, purpose, structure "
            + "and changelog, and stable ids against the previous version; every error is reported as file:line:column.") { validateDirectory, previousOption };
        validate.SetAction(async (parse, ct) =>
        {
            var directory = parse.GetRequiredValue(validateDirectory);
            if (!directory.Exists)
            {
                await context.Error.WriteLineAsync($"The folder {directory.FullName} does not exist.");
                return 2;
            }

            var previousPath = parse.GetValue(previousOption);
            CatalogDocument? explicitPrevious = null;
            if (previousPath is not null && previousPath != "none")
            {
                var (loaded, problem) = LoadPrevious(previousPath);
                if (loaded is null)
                {
                    await context.Error.WriteLineAsync(problem);
                    return 2;
                }

                explicitPrevious = loaded;
            }

            CatalogDocument? previous = null;
            var result = CatalogYamlReader.ReadDirectory(directory.FullName, document =>
            {
                previous = previousPath is null ? DefaultCatalog.Previous(document.Version) : explicitPrevious;
                return CatalogValidator.ValidateShipped(document)
                    .Concat(previous is null ? [] : CatalogValidator.ValidateSuccessor(previous, document));
            });
            if (!await ReportAsync(context, parse.GetRequiredValue(validateDirectory).ToString(), result))
            {
                return 1;
            }

            var document = result.Document!;
            await context.Output.WriteLineAsync(
                $"{directory} is valid: version {document.Version}, {document.Principles.Count} principles, {document.Themes.Count} themes, " +
                $"{document.Checkpoints.Count} checkpoints, {document.Parameters.Count} parameters" +
                (previous is null ? "." : $"; every id of version {previous.Version} is still there."));
            return 0;
        });

        var format = new Option<string>("--format") { Description = "yaml (a folder), json or csv (the checkpoint list).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("yaml", "json", "csv");
        var outputPath = new Option<string?>("--output") { Description = "File (json, csv) or folder (yaml) to write; json and csv go to standard output without it." };
        var version = new Option<string?>("--version") { Description = "Version to export, or 'draft' (default: the current published version)." };
        var export = context.Database.WithOptions(new Command("export", "Write a catalogue version from the database as YAML, JSON or CSV.") { format, outputPath, version });
        export.SetAction(async (parse, ct) =>
        {
            var chosenFormat = parse.GetRequiredValue(format);
            var path = parse.GetValue(outputPath);
            if (chosenFormat == "yaml" && string.IsNullOrWhiteSpace(path))
            {
                await context.Error.WriteLineAsync("--format yaml writes a folder; name it with --output.");
                return 2;
            }

            await using var services = await context.Database.OpenAsync(parse);
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
            await using var scope = services.CreateAsyncScope();
            var catalog = scope.ServiceProvider.GetRequiredService<CatalogService>();
            var requested = parse.GetValue(version);
            var snapshot = requested is null ? await catalog.GetCurrentAsync(ct) : await catalog.GetVersionAsync(requested, ct);
            if (snapshot is null)
            {
                await context.Error.WriteLineAsync($"There is no catalogue version {requested ?? "published"}.");
                return 1;
            }

            switch (chosenFormat)
            {
                case "yaml":
                    CatalogYamlWriter.WriteDirectory(snapshot.Document, path!);
                    break;
                case "json":
                    await WriteAsync(context, path, writer => writer.WriteAsync(JsonSerializer.Serialize(snapshot.Document, CatalogJson.Indented)));
                    break;
                default:
                    await WriteAsync(context, path, writer => CatalogCsv.WriteAsync(snapshot.Document.Checkpoints, writer, ct));
                    break;
            }

            if (path is not null)
            {
                await context.Output.WriteLineAsync($"Exported catalogue {snapshot.Label} ({snapshot.Document.Checkpoints.Count} checkpoints) to {path}.");
            }

            return 0;
        });

        var importDirectory = new Argument<DirectoryInfo>("directory") { Description = "Folder of catalogue YAML files." };
        var import = context.Database.WithOptions(new Command("import", "Validate a catalogue folder and load it into the database as the new draft.") { importDirectory });
        import.SetAction(async (parse, ct) =>
        {
            var directory = parse.GetRequiredValue(importDirectory);
            if (!directory.Exists)
            {
                await context.Error.WriteLineAsync($"The folder {directory.FullName} does not exist.");
                return 2;
            }

            var result = CatalogYamlReader.ReadDirectory(directory.FullName);
            if (!await ReportAsync(context, directory.ToString(), result))
            {
                return 1;
            }

            await using var services = await context.Database.OpenAsync(parse);
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "cli";
            try
            {
                var draft = await scope.ServiceProvider.GetRequiredService<CatalogService>().ImportAsync(result.Document!, ct);
                await context.Output.WriteLineAsync(
                    $"Imported {draft.Document.Checkpoints.Count} checkpoints as the new draft. Review it under /admin/catalog and publish it there.");
                return 0;
            }
            catch (CatalogException ex)
            {
                await context.Error.WriteLineAsync(ex.Message);
                return 1;
            }
        });

        return new Command("catalog", "The guideline catalogue: validate, export and import.") { validate, export, import };
    }

    private static (CatalogDocument? Document, string Problem) LoadPrevious(string path)
    {
        if (Directory.Exists(path))
        {
            var read = CatalogYamlReader.ReadDirectory(path);
            return read.Succeeded ? (read.Document, "") : (null, $"The previous version in {path} is not valid: {read.Errors[0]}");
        }

        if (!File.Exists(path))
        {
            return (null, $"The previous version {path} does not exist.");
        }

        try
        {
            return (CatalogJson.Deserialize(File.ReadAllText(path)), "");
        }
        catch (JsonException e)
        {
            return (null, $"The previous version {path} is not a catalogue JSON export: {e.Message}");
        }
    }

    private static async Task<bool> ReportAsync(CliContext context, string directory, CatalogReadResult result)
    {
        foreach (var error in result.Errors)
        {
            var file = error.File.Length == 0 ? directory : Path.Combine(directory, error.File);
            await context.Output.WriteLineAsync(error.Line > 0 ? $"{file}:{error.Line}:{error.Column}: {error.Message}" : $"{file}: {error.Message}");
        }

        if (result.Errors.Count > 0)
        {
            await context.Error.WriteLineAsync($"{result.Errors.Count} error(s) in {directory}.");
            return false;
        }

        return true;
    }

    private static async Task WriteAsync(CliContext context, string? path, Func<TextWriter, Task> write)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            await write(context.Output);
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
        await write(writer);
    }
}
