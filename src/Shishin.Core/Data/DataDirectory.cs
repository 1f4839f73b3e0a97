using Microsoft.Extensions.Configuration;

namespace Shishin.Core.Data;

/// <summary>
/// Where Shishin keeps its files on the embedded default: the SQLite database, and later e-mails written to disk.
/// The web app and the CLI resolve it the same way, whatever directory they are started from, so both open the same
/// database: <c>Shishin:DataDirectory</c> when set (relative paths are taken from the working directory); otherwise
/// the <c>data/</c> folder at the root of the source checkout the program was built in (found from the program's own
/// location, never from the working directory); otherwise, for a published build, the user's local application data
/// folder (<c>~/.local/share/shishin</c> on Linux).
/// </summary>
public static class DataDirectory
{
    public const string ConfigurationKey = "Shishin:DataDirectory";

    /// <summary>The file that marks the root of a source checkout.</summary>
    private const string RepositoryMarker = "Shishin.slnx";

    public static string Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[ConfigurationKey];
        if (!string.IsNullOrWhiteSpace(configured))
            return Path.GetFullPath(configured);
        var repository = FindRepositoryRoot(AppContext.BaseDirectory);
        if (repository is not null)
            return Path.Combine(repository, "data");
        return Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "shishin");
    }

    /// <summary>The embedded default's connection string: <c>shishin.db</c> in the data directory.</summary>
    public static string DefaultSqliteConnectionString(IConfiguration configuration) =>
        $"Data Source={Path.Combine(Resolve(configuration), "shishin.db")}";

    private static string? FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, RepositoryMarker)))
                return directory.FullName;
        }
        return null;
    }
}
