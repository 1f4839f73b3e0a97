using Shishin.Core.Services;

namespace Shishin.Core.Assessments;

/// <summary>Evidence links as typed: one absolute http(s) URL per line, blank lines ignored.</summary>
public static class EvidenceLinks
{
    public static (IReadOnlyList<string> Valid, IReadOnlyList<string> Invalid) Parse(string? text)
    {
        var lines = (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        return ([.. lines.Where(ServiceRules.IsValidEntryUrl)], [.. lines.Where(l => !ServiceRules.IsValidEntryUrl(l))]);
    }

    public static IReadOnlyList<string> Split(string? stored) => (stored ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
