using System.Text.RegularExpressions;

namespace Shishin.Scanning;

/// <summary>
/// An extra HTTP request header the browser sends to the start URLs' origins only (<see cref="ScanOptions.Headers"/>),
/// such as an API gateway's key. Its value is a secret: <see cref="ToString"/> leaves it out, so that it cannot reach a log.
/// </summary>
/// <param name="Name">The header's name, an RFC 9110 token.</param>
/// <param name="Value">The header's value: visible ASCII, spaces and tabs, no line breaks.</param>
public sealed partial record ScanHeader(string Name, string Value)
{
    // Headers the browser owns: overriding them would break the page or the scan's own identity.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Cookie", "Content-Length", "Transfer-Encoding", "Connection", "Upgrade", "Origin", "Referer", "User-Agent",
    };

    /// <summary>
    /// Reads <c>Name: value</c> (as given to <c>shishin scan --header</c>). Returns <see langword="null"/> when the text
    /// is no valid header or names one the browser must set itself (Host, Cookie, User-Agent and the like).
    /// </summary>
    /// <param name="text">The text to read.</param>
    public static ScanHeader? Parse(string? text)
    {
        var separator = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || separator <= 0)
        {
            return null;
        }

        var header = new ScanHeader(text[..separator].Trim(), text[(separator + 1)..].Trim());
        return header.IsValid ? header : null;
    }

    /// <summary>True when the name is a token the browser lets a client set and the value holds no line break or control character.</summary>
    public bool IsValid => NamePattern().IsMatch(Name) && !Reserved.Contains(Name) && ValuePattern().IsMatch(Value);

    /// <summary>The name alone: the value never appears in logs or exception messages.</summary>
    public override string ToString() => $"{Name}: …";

    [GeneratedRegex(@"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[\x20-\x7E\t]*$")]
    private static partial Regex ValuePattern();
}
