using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shishin.Core;
using Shishin.Core.Data;
using Shishin.Core.Jobs;

namespace Shishin.Cli;

/// <summary>
/// How the commands that use a database open it. Only they take <c>--provider</c> and <c>--connection</c> (a scan
/// has no database, so its help does not offer them). Without them the web app's configuration decides (environment
/// variables over its <c>appsettings</c> files, see <see cref="WebAppSettings"/>), and without that the data directory
/// every Shishin process shares (<see cref="DataDirectory"/>), so the CLI opens the web app's database from any
/// working directory. Each opening names the database on standard error first, which keeps
/// standard output clean for reports such as <c>catalog export --format json</c>.
/// </summary>
internal sealed class CliDatabase(IDictionary<string, string?>? settings, TextWriter error)
{
    private readonly Dictionary<Command, (Option<DatabaseProvider?> Provider, Option<string?> Connection)> options = [];

    /// <summary>Gives <paramref name="command"/> its own <c>--provider</c> and <c>--connection</c> options.</summary>
    public Command WithOptions(Command command)
    {
        var provider = new Option<DatabaseProvider?>("--provider") { Description = "Database provider: Sqlite or Postgres (default: Database__Provider or Database:Provider in the web app's appsettings, then Sqlite)." };
        var connection = new Option<string?>("--connection")
        {
            Description = "Connection string (default: ConnectionStrings__Shishin or the web app's appsettings, then shishin.db in the data directory: Shishin__DataDirectory, else data/ of the source checkout).",
        };
        command.Options.Add(provider);
        command.Options.Add(connection);
        options.Add(command, (provider, connection));
        return command;
    }

    /// <summary>
    /// The configuration the invoked command runs with: the web app's settings files, the test or caller's settings,
    /// environment variables, then <c>--provider</c> and <c>--connection</c>.
    /// </summary>
    public IConfigurationRoot Configuration(ParseResult parse)
    {
        var (providerOption, connectionOption) = options[parse.CommandResult.Command];
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (parse.GetValue(providerOption) is { } provider)
        {
            overrides["Database:Provider"] = provider.ToString();
        }

        if (parse.GetValue(connectionOption) is { Length: > 0 } connection && !string.IsNullOrWhiteSpace(connection))
        {
            overrides["ConnectionStrings:Shishin"] = connection;
        }

        var builder = new ConfigurationBuilder();
        if (WebAppSettings.Folder(Directory.GetCurrentDirectory(), AppContext.BaseDirectory) is { } folder)
        {
            // Optional and read once: a settings file edited while a command runs must not change its database.
            builder.SetBasePath(folder)
                .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false)
                .AddJsonFile($"appsettings.{WebAppSettings.EnvironmentName()}.json", optional: true, reloadOnChange: false);
        }

        return builder
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
    }

    /// <summary>The services of the database the invoked command names, after saying which database it is.</summary>
    public async Task<ServiceProvider> OpenAsync(ParseResult parse)
    {
        var configuration = Configuration(parse);
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(new TextWriterLoggerProvider(error)).SetMinimumLevel(LogLevel.Warning));
        services.AddShishinCore(configuration);
        // What a command queues (a notification, a scan schedule) goes into the same persistent store the nodes run.
        services.AddShishinJobs(configuration, JobsHost.Command);
        var built = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await error.WriteLineAsync($"Database: {built.GetRequiredService<DatabaseLocation>().Description}");
        return built;
    }
}
