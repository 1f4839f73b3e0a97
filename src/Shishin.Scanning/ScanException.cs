namespace Shishin.Scanning;

/// <summary>Why a scan could not run at all (as opposed to a page that failed, which is a <see cref="PageError"/>).</summary>
public enum ScanFailure
{
    /// <summary>No Chromium-family browser was found; the message says how to install one.</summary>
    BrowserNotFound,

    /// <summary>A browser was found but could not be started.</summary>
    BrowserLaunchFailed,

    /// <summary>The storage state file (<see cref="ScanOptions.AuthStatePath"/>) cannot be read or is no Playwright storage state.</summary>
    InvalidAuthState,

    /// <summary>The steps file (<see cref="ScanOptions.StepsPath"/>) cannot be read or has errors; the message names file, line and column.</summary>
    InvalidSteps,
}

/// <summary>A scan that could not run. A command-line front end exits with <see cref="ExitCode"/>.</summary>
public sealed class ScanException : Exception
{
    /// <summary>The exit code for a scan that could not run: 2, as for a usage error.</summary>
    public const int ExitCode = 2;

    /// <summary>Creates the exception.</summary>
    public ScanException(ScanFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    /// <summary>Creates the exception with a generic message (required by the usual exception pattern).</summary>
    public ScanException()
        : this(ScanFailure.BrowserLaunchFailed, "The scan could not run.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ScanException(string message)
        : this(ScanFailure.BrowserLaunchFailed, message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    public ScanException(string message, Exception innerException)
        : this(ScanFailure.BrowserLaunchFailed, message, innerException)
    {
    }

    /// <summary>What went wrong.</summary>
    public ScanFailure Failure { get; }
}
