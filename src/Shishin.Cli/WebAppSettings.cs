namespace Shishin.Cli;

/// <summary>
/// The settings files of the web app, so that <c>shishin</c> reads the same configuration as the Shishin it serves:
/// <c>appsettings.json</c> and <c>appsettings.{Environment}.json</c>, below the environment variables. The folder is
/// found the way the web app finds its content root (<see cref="Shishin.Web.Infrastructure"/> is not referenced, so
/// the rule is restated here): the working directory when it holds <c>appsettings.json</c> (a deployment folder),
/// else the web project of the source checkout the CLI was built in, else the CLI's own folder (published together).
/// </summary>
internal static class WebAppSettings
{
    private const string FileName = "appsettings.json";

    /// <summary>The marker of a source checkout's root, as in <c>DataDirectory</c>.</summary>
    private const string RepositoryMarker = "Shishin.slnx";

    /// <summary>
    /// The environment whose <c>appsettings.{name}.json</c> is read: <c>DOTNET_ENVIRONMENT</c>, then
    /// <c>ASPNETCORE_ENVIRONMENT</c>, else Production, as for the web app's host.
    /// </summary>
    public static string EnvironmentName() =>
        NonEmpty(Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT"))
        ?? NonEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"))
        ?? "Production";

    /// <summary>The folder whose settings files apply, or null when there is none.</summary>
    public static string? Folder(string workingDirectory, string programDirectory)
    {
        if (File.Exists(Path.Combine(workingDirectory, FileName)))
            return workingDirectory;
        for (var directory = new DirectoryInfo(programDirectory); directory is not null; directory = directory.Parent)
        {
            if (!File.Exists(Path.Combine(directory.FullName, RepositoryMarker)))
                continue;
            var webProject = Path.Combine(directory.FullName, "src", "Shishin.Web");
            if (File.Exists(Path.Combine(webProject, FileName)))
                return webProject;
            break;
        }

        return File.Exists(Path.Combine(programDirectory, FileName)) ? programDirectory : null;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
