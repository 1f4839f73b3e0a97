namespace Shishin.Scanning.Journeys;

/// <summary>
/// What a scan with a session or a journey reads before the browser starts: the storage state narrowed to the start
/// URLs, the parsed steps file, the sign-out filter and the secrets to redact. Reading it first means a bad file
/// fails the scan at once, with its own message, before any request is made.
/// </summary>
internal sealed record SessionSetup(string? AuthState, Journey? Journey, SignOutLinks? SignOut, Redactor Redactor)
{
    /// <exception cref="ScanException">The storage state or the steps file cannot be used.</exception>
    /// <exception cref="ArgumentException">A header cannot be sent; the message names it, never its value.</exception>
    public static SessionSetup Load(ScanOptions options)
    {
        if (options.Headers.FirstOrDefault(h => !h.IsValid) is { } invalid)
        {
            throw new ArgumentException($"The header '{invalid.Name}' has a name or value that cannot be sent, or is one the browser sets itself.", nameof(options));
        }

        var authState = options.AuthStatePath is { } authPath ? Journeys.AuthState.Load(authPath, options.StartUrls) : null;
        var journey = options.StepsPath is { } stepsPath ? StepsFile.Load(stepsPath, options.StartUrls) : null;
        var secrets = options.Headers.Select(h => h.Value).Concat(journey?.Secrets ?? []);
        return new SessionSetup(authState, journey, SignOutLinks.For(options), new Redactor(secrets));
    }
}
