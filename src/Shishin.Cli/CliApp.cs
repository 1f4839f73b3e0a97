using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shishin.Core;
using Shishin.Core.Data;
using Shishin.Core.Identity;

namespace Shishin.Cli;

/// <summary>
/// The <c>shishin</c> command. Exit codes: 0 success, 1 the operation was refused (for <c>scan</c>: findings at or
/// above <c>--fail-on</c>), 2 usage or environment error.
/// </summary>
public static class CliApp
{
    /// <summary>
    /// How long a command may take to finish after Ctrl+C (or SIGTERM) before the process ends anyway: long enough for
    /// a scan to stop (within 5 seconds) and still write its partial report.
    /// </summary>
    private static readonly TimeSpan TerminationGrace = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(
        string[] args,
        TextReader input,
        TextWriter output,
        TextWriter error,
        IDictionary<string, string?>? settings = null,
        CancellationToken cancellationToken = default)
    {
        var database = new CliDatabase(settings, error);
        // Live displays only on a real terminal; tests and CI pass other writers or redirect the streams.
        var context = new CliContext(output, error, database)
        {
            OutputIsTerminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected,
            ErrorIsTerminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected,
        };

        var migrate = database.WithOptions(new Command("migrate", "Apply pending migrations and load reference data (roles, organisations)."));
        migrate.SetAction(async (parse, ct) =>
        {
            await using var services = await database.OpenAsync(parse);
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
            await output.WriteLineAsync("Database is up to date.");
            return 0;
        });
        var db = new Command("db", "Database maintenance.") { migrate };

        var email = new Option<string>("--email") { Description = "Email address of the new administrator.", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name (default: the email address)." };
        var create = database.WithOptions(new Command("create", "Create an administrator. The password is read from standard input, never from arguments.") { email, name });
        create.SetAction(async (parse, ct) =>
        {
            var password = await input.ReadLineAsync(ct);
            if (string.IsNullOrEmpty(password))
            {
                await error.WriteLineAsync("No password on standard input. Example: printf '%s\\n' \"$PASSWORD\" | shishin admin create --email admin@example.jp");
                return 2;
            }

            await using var services = await database.OpenAsync(parse);
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
            await using var scope = services.CreateAsyncScope();
            var actor = scope.ServiceProvider.GetRequiredService<Shishin.Core.Auditing.AuditActor>();
            actor.Name = "cli";
            var address = parse.GetRequiredValue(email);
            var result = await scope.ServiceProvider.GetRequiredService<UserAdministrationService>()
                .CreateWithPasswordAsync(address, parse.GetValue(name) ?? address, password, [Roles.Admin]);
            if (!result.Succeeded)
            {
                foreach (var e in result.Errors)
                {
                    await error.WriteLineAsync($"{e.Code}: {e.Description}");
                }

                return 1;
            }

            await output.WriteLineAsync($"Administrator {address} created. Two-step verification must be set up at first sign-in.");
            return 0;
        });
        var admin = new Command("admin", "Accounts.") { create };

        var root = new RootCommand("Shishin (指針): the Tokyo Digital Service 10 Principles at work.") { db, admin, CatalogCommands.Create(context), ScanCommand.Create(context), ApiKeyCommands.Create(context), DemoCommands.Create(context), WorkerCommand.Create(context) };
        root.Subcommands.Add(ServiceCommands.Create(context));

        var parseResult = root.Parse(args);
        try
        {
            var exit = await parseResult.InvokeAsync(
                new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = TerminationGrace },
                cancellationToken);
            // System.CommandLine reports parse errors with 1, which this command keeps for refused operations.
            return parseResult.Errors.Count > 0 ? 2 : exit;
        }
        catch (InvalidOperationException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 2;
        }
    }
}

/// <summary>What every command needs: where to write, and how the commands that use a database open it.</summary>
internal sealed record CliContext(TextWriter Output, TextWriter Error, CliDatabase Database)
{
    /// <summary>Whether <see cref="Output"/> is the console's standard output on a terminal (not redirected).</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>Whether <see cref="Error"/> is the console's standard error on a terminal (not redirected).</summary>
    public bool ErrorIsTerminal { get; init; }
}
