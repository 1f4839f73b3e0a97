using Microsoft.Data.Sqlite;
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

    /// <summary>The embedded default's database file in the data directory.</summary>
    public const string SqliteFileName = "shishin.db";

    /// <summary>The file that marks the root of a source checkout.</summary>
    private const string RepositoryMarker = "Shishin.slnx";

    public static string Resolve(IConfiguration configuration) => Resolve(configuration, AppContext.BaseDirectory);

    /// <summary>The rule of <see cref="Resolve(IConfiguration)"/> for a program that lives in <paramref name="programDirectory"/>.</summary>
    internal static string Resolve(IConfiguration configuration, string programDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[ConfigurationKey];
        if (!string.IsNullOrWhiteSpace(configured))
            return Path.GetFullPath(configured);
        var repository = FindRepositoryRoot(programDirectory);
        if (repository is not null)
            return Path.Combine(repository, "data");
        var userData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        // Without a home folder (some service accounts and containers) there is no safe guess; a relative path would
        // depend on the working directory again, which is what this class exists to avoid.
        if (string.IsNullOrEmpty(userData))
            throw new InvalidOperationException(
                $"There is no local application data folder to keep the database in. Set {ConfigurationKey} (Shishin__DataDirectory) or ConnectionStrings:Shishin.");
        return Path.Combine(userData, "shishin");
    }

    /// <summary>The embedded default's connection string: <c>shishin.db</c> in the data directory.</summary>
    public static string DefaultSqliteConnectionString(IConfiguration configuration) =>
        // The builder quotes what needs quoting, e.g. a ';' in a folder name.
        new SqliteConnectionStringBuilder { DataSource = Path.Combine(Resolve(configuration), SqliteFileName) }.ToString();

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
