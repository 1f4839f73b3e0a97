using System.Text;
using Shishin.Core.Organizations;

namespace Shishin.Core.Services;

/// <summary>
/// Finds the organisation a CSV cell names: by key (any case), by 全国地方公共団体コード with its check digit (131016), or
/// by the five digits without it (13101) that many lists print, when exactly one organisation has them. Full-width
/// digits read as ASCII ones.
/// </summary>
internal sealed class OrganizationLookup(IReadOnlyList<Organization> organizations)
{
    private readonly Dictionary<string, Organization> byKey =
        organizations.ToDictionary(o => o.Key, StringComparer.OrdinalIgnoreCase);

    public Organization? ByKey(string key) => byKey.GetValueOrDefault(key);

    public (Organization? Organization, ServiceCsvProblem? Problem) Find(string text)
    {
        var value = text.Normalize(NormalizationForm.FormKC).Trim();
        if (value.Length == 0)
        {
            return (null, ServiceCsvProblem.UnknownOrganization);
        }

        if (byKey.TryGetValue(value, out var found))
        {
            return (found, null);
        }

        if (value.All(char.IsAsciiDigit) && value.Length is 5 or 6)
        {
            var matches = organizations.Where(o => o.LocalGovernmentCode is { } code
                && (value.Length == 6 ? code == value : code.StartsWith(value, StringComparison.Ordinal))).ToList();
            return matches.Count switch
            {
                1 => (matches[0], null),
                0 => (null, ServiceCsvProblem.UnknownOrganization),
                _ => (null, ServiceCsvProblem.AmbiguousOrganization),
            };
        }

        return (null, ServiceCsvProblem.UnknownOrganization);
    }
}
