namespace Shishin.Scanning;

/// <summary>Identifies the scanner to the sites it visits.</summary>
internal static class ScannerInfo
{
    /// <summary>The scanner's version, taken from the assembly.</summary>
    public static string Version { get; } =
        typeof(ScannerInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>The User-Agent product token that site owners can allow, e.g. <c>Shishin/0.1.0</c>.</summary>
    public static string UserAgentProduct => $"Shishin/{Version}";

    /// <summary>The page that explains the scanner to site owners; it is named in the User-Agent.</summary>
    public static Uri InfoUrl { get; } = new("https://github.com/shishin-project/shishin");

    /// <summary>Where Shishin's own rules (<c>page.*</c>, <c>security.*</c>, <c>performance.*</c>) are explained.</summary>
    internal static Uri RulesDocumentationUrl { get; } = new("https://github.com/shishin-project/shishin/blob/main/docs/scanner-rules.md");
}
