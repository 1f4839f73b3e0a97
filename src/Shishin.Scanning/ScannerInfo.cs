namespace Shishin.Scanning;

/// <summary>Identifies the scanner to the sites it visits.</summary>
public static class ScannerInfo
{
    /// <summary>The scanner's version, taken from the assembly.</summary>
    public static string Version { get; } =
        typeof(ScannerInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>The User-Agent suffix that site owners can allow, e.g. <c>Shishin/0.1.0</c>.</summary>
    public static string UserAgentProduct => $"Shishin/{Version}";
}
