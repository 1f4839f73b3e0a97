using System.Diagnostics;

namespace Shishin.Scanning.Browser;

/// <summary>
/// Finds and ends the browser processes of one scan. Each browser is started with a marker switch on its command
/// line; after the scan, any process that still carries it (and everything below it) is killed, so that a browser
/// that would not close, or one orphaned by a crash of the Playwright driver, does not outlive the scan.
/// Works where /proc exists (Linux); elsewhere it does nothing and relies on Playwright's own clean-up.
/// </summary>
internal static class ProcessReaper
{
    /// <summary>The ids of running processes whose command line contains <paramref name="marker"/>.</summary>
    public static List<int> FindMarked(string marker)
    {
        var found = new List<int>();
        if (!Directory.Exists("/proc"))
        {
            return found;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline"));
                if (commandLine.Contains(marker, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked, or is not ours to read.
            }
        }

        return found;
    }

    /// <summary>Kills every process marked with <paramref name="marker"/> and its descendants; returns how many marked processes there were.</summary>
    public static int KillMarked(string marker)
    {
        var marked = FindMarked(marker);
        foreach (var pid in marked)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }
        }

        return marked.Count;
    }

    /// <summary>True when the current process runs as root, where Chromium's sandbox cannot start.</summary>
    public static bool RunningAsRoot()
    {
        try
        {
            return File.Exists("/proc/self/status")
                && File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal)) is { } uid
                && uid.Split('\t', StringSplitOptions.RemoveEmptyEntries) is [_, var real, var effective, ..]
                && (real == "0" || effective == "0");
        }
        catch (IOException)
        {
            return false;
        }
    }
}
