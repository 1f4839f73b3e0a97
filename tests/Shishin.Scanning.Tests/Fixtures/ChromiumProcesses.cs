using System.Diagnostics;

namespace Shishin.Scanning.Tests.Fixtures;

/// <summary>The Chromium processes that descend from this test process (via Playwright's driver), read from /proc; not those of .NET processes it started.</summary>
public static class ChromiumProcesses
{
    /// <summary>Every live Chromium process below this process.</summary>
    public static List<int> OfThisProcess() => DescendantsNamed("chrom");

    /// <summary>Every live process below this process whose name contains <paramref name="fragment"/>.</summary>
    public static List<int> DescendantsNamed(string fragment)
    {
        var parents = new Dictionary<int, int>();
        var names = new Dictionary<int, string>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var close = stat.LastIndexOf(')');
                var fields = stat[(close + 2)..].Split(' ');
                if (fields[0] == "Z")
                {
                    continue;
                }

                parents[pid] = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
                names[pid] = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..close];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // Gone while we looked.
            }
        }

        var self = Environment.ProcessId;
        return parents.Keys
            .Where(pid => names[pid].Contains(fragment, StringComparison.OrdinalIgnoreCase) && Descends(pid))
            .ToList();

        // A browser below another .NET process (a `shishin worker` that a test started) belongs to that process, whose
        // own shutdown is what such a test checks; this process's scans are the ones run in it.
        bool Descends(int pid)
        {
            for (var current = pid; parents.TryGetValue(current, out var parent) && current > 1; current = parent)
            {
                if (parent == self)
                {
                    return true;
                }

                if (names.TryGetValue(parent, out var name) && name == "dotnet")
                {
                    return false;
                }
            }

            return false;
        }
    }

    /// <summary>The browser (main) processes among them: those without a --type= switch.</summary>
    public static List<int> BrowserProcessesOfThisProcess() =>
        OfThisProcess().Where(pid =>
        {
            try
            {
                var commandLine = File.ReadAllText($"/proc/{pid}/cmdline");
                return !commandLine.Contains("--type=", StringComparison.Ordinal);
            }
            catch (IOException)
            {
                return false;
            }
        }).ToList();

    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return !stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static void Kill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Already gone.
        }
    }
}
