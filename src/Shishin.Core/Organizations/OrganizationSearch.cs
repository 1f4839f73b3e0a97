using System.Globalization;

namespace Shishin.Core.Organizations;

/// <summary>
/// The text match of the organisation list. People type names as their keyboard gives them: 'ＳＨＩＢＵＹＡ' finds
/// Shibuya City and 'アキル' finds あきる野市, so case, full- and half-width forms and kana type are ignored.
/// </summary>
public static class OrganizationSearch
{
    /// <summary>Longer search text is not a name anyone types; the forms refuse it before it gets here.</summary>
    public const int MaxLength = 100;

    private const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreWidth | CompareOptions.IgnoreKanaType;

    public static bool Matches(Organization organization, string search)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(search);
        var text = search.Trim();
        return text.Length == 0 || Contains(organization.NameJa, text) || Contains(organization.NameEn, text)
            || Contains(organization.Key, text) || Contains(organization.LocalGovernmentCode, text);
    }

    private static bool Contains(string? value, string text) =>
        value is not null && CultureInfo.InvariantCulture.CompareInfo.IndexOf(value, text, Loose) >= 0;
}
