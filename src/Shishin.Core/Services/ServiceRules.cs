using System.Text.RegularExpressions;

namespace Shishin.Core.Services;

/// <summary>The rules every way into the register (forms, API, CSV import, demo data) checks the same way.</summary>
public static partial class ServiceRules
{
    public const int KeyMaxLength = 64;

    /// <summary>Lower-case ASCII letters, digits and single hyphens inside: safe in URLs, file names and CSV.</summary>
    public static bool IsValidKey(string? key) => key is { Length: > 0 and <= KeyMaxLength } && KeyPattern().IsMatch(key);

    /// <summary>An absolute http or https URL with a host and no credentials.</summary>
    public static bool IsValidEntryUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0 && uri.UserInfo.Length == 0;

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
