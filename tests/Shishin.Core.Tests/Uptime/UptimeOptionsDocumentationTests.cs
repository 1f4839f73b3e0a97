using System.Globalization;
using Shishin.Core.Uptime;

namespace Shishin.Core.Tests.Uptime;

/// <summary>Operators read the settings in docs/configuration.md: every Uptime option has its row there, with its real default.</summary>
public class UptimeOptionsDocumentationTests
{
    [Fact]
    public void ConfigurationDoc_EveryUptimeOption_HasARowWithItsDefault()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "configuration.md"));
        var defaults = new UptimeOptions();

        var missing = typeof(UptimeOptions).GetProperties()
            .Select(p => $"| `{UptimeOptions.SectionName}:{p.Name}` | `{Text(p.GetValue(defaults))}` |")
            .Where(row => !doc.Contains(row, StringComparison.Ordinal))
            .ToList();

        Assert.True(missing.Count == 0, "Rows missing from docs/configuration.md: " + string.Join(" ", missing));
    }

    private static string Text(object? value) => value switch
    {
        bool b => b ? "true" : "false",
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Shishin.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Shishin.slnx not found above the test's directory.");
    }
}
