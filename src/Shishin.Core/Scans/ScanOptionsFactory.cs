using Shishin.Core.Services;
using Shishin.Scanning;
using Shishin.Scanning.Reports;
using Shishin.Scanning.Rules;

namespace Shishin.Core.Scans;

/// <summary>The scanner's options for a run of a profile: the profile, with a request's overrides and the platform's settings.</summary>
public static class ScanOptionsFactory
{
    public static ScanOptions Build(ScanProfile profile, Service service, ScanRunOverrides? overrides, ScanningOptions settings)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(settings);
        return new ScanOptions
        {
            StartUrls = StartUrls(profile, service, overrides),
            MaxPages = overrides?.MaxPages ?? profile.MaxPages,
            MaxDepth = profile.MaxDepth,
            Include = profile.IncludeList(),
            Exclude = profile.ExcludeList(),
            Mobile = profile.Mobile,
            Rules = profile.Wcag22 ? ScanOptions.PlatformRules : RuleProfiles.Wcag2aa | RuleProfiles.BestPractice,
            AllowPrivate = settings.AllowPrivateNetworks,
            // Scans of the platform run on any port of an intranet or fixture site once private networks are allowed.
            AllowedPorts = settings.AllowPrivateNetworks ? null : new HashSet<int> { 80, 443 },
            BrowserPath = string.IsNullOrWhiteSpace(settings.BrowserPath) ? null : settings.BrowserPath,
            Language = ReportLanguage.English,
        };
    }

    /// <summary>The run's start URLs: the request's, else the profile's, else the service's entry URLs; only absolute http(s).</summary>
    public static IReadOnlyList<Uri> StartUrls(ScanProfile profile, Service service, ScanRunOverrides? overrides)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(service);
        if (overrides?.StartUrls is { Count: > 0 } requested)
        {
            return requested;
        }

        var text = profile.StartUrlList() is { Count: > 0 } own ? own : service.EntryUrlList();
        return [.. text.Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>().Where(u => u.Scheme is "http" or "https")];
    }
}
