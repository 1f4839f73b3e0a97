using System.Text.RegularExpressions;

namespace Shishin.Scanning;

/// <summary>
/// A cookie the browser sends to the scanned site's own hosts (<see cref="ScanOptions.Cookies"/>), such as a
/// signed-in session. Its value is a secret: <see cref="ToString"/> leaves it out, so that it cannot reach a log.
/// </summary>
/// <param name="Name">The cookie's name, an RFC 6265 token.</param>
/// <param name="Value">The cookie's value, RFC 6265 cookie-octets (no spaces, quotes, commas, semicolons or backslashes).</param>
public sealed partial record ScanCookie(string Name, string Value)
{
    /// <summary>
    /// Reads <c>name=value</c> (as given to <c>shishin scan --cookie</c>); the value may contain further <c>=</c>.
    /// Returns <see langword="null"/> when the text is no valid cookie.
    /// </summary>
    /// <param name="text">The text to read.</param>
    public static ScanCookie? Parse(string? text)
    {
        var separator = text?.IndexOf('=', StringComparison.Ordinal) ?? -1;
        if (text is null || separator <= 0)
        {
            return null;
        }

        var cookie = new ScanCookie(text[..separator].Trim(), text[(separator + 1)..].Trim());
        return cookie.IsValid ? cookie : null;
    }

    /// <summary>True when the name is a token and the value holds only the characters a cookie may carry.</summary>
    public bool IsValid => NamePattern().IsMatch(Name) && ValuePattern().IsMatch(Value);

    /// <summary>The name alone: the value never appears in logs or exception messages.</summary>
    public override string ToString() => $"{Name}=…";

    [GeneratedRegex(@"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$")]
    private static partial Regex ValuePattern();
}
