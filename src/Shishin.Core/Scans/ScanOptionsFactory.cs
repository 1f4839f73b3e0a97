using Shishin.Core.Services;
using Shishin.Scanning;
using Shishin.Scanning.Reports;
using Shishin.Scanning.Rules;
using Shishin.Scanning.Safety;

namespace Shishin.Core.Scans;

/// <summary>The scanner's options for a run of a profile: the profile, with a request's overrides and the platform's settings.</summary>
public static class ScanOptionsFactory
{
    public static ScanOptions Build(ScanProfile profile, Service service, ScanRunOverrides? overrides, ScanningOptions settings)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(settings);
        var startUrls = StartUrls(profile, service, overrides);
        return new ScanOptions
        {
            StartUrls = startUrls,
            MaxPages = overrides?.MaxPages ?? profile.MaxPages,
            MaxDepth = profile.MaxDepth,
            Include = profile.IncludeList(),
            Exclude = profile.ExcludeList(),
            Mobile = profile.Mobile,
            Rules = profile.Wcag22 ? ScanOptions.PlatformRules : RuleProfiles.Wcag2aa | RuleProfiles.BestPractice,
            AllowPrivate = settings.AllowPrivateNetworks,
            AllowedPorts = AllowedPorts(startUrls, settings),
            BrowserPath = string.IsNullOrWhiteSpace(settings.BrowserPath) ? null : settings.BrowserPath,
            Language = ReportLanguage.English,
        };
    }

    /// <summary>
    /// The ports a run may reach, as in the CLI: 80, 443 and the start URLs' own (the service team named them; the
    /// addresses are still checked, so only public hosts are reached on them); any port of an intranet or fixture site
    /// once private networks are allowed.
    /// </summary>
    public static IReadOnlySet<int>? AllowedPorts(IEnumerable<Uri> startUrls, ScanningOptions settings)
    {
        ArgumentNullException.ThrowIfNull(startUrls);
        ArgumentNullException.ThrowIfNull(settings);
        return settings.AllowPrivateNetworks ? null : new HashSet<int>([80, 443, .. startUrls.Select(u => u.Port)]);
    }

    /// <summary>
    /// The start URLs a run with these settings would be refused by the SSRF guard, before any browser starts (see
    /// <see cref="Scanner.CheckStartUrlsAsync"/>); <paramref name="resolve"/> also resolves the host names.
    /// </summary>
    public static Task<IReadOnlyList<BlockedRequest>> RefusedStartUrlsAsync(IReadOnlyList<Uri> startUrls, ScanningOptions settings, bool resolve, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new ScanOptions { StartUrls = startUrls, AllowPrivate = settings.AllowPrivateNetworks, AllowedPorts = AllowedPorts(startUrls, settings) };
        return Scanner.CheckStartUrlsAsync(options, resolve, cancellationToken);
    }

    /// <summary>
    /// Why a run fails when the guard refuses every one of its start URLs: each URL with the guard's reason, and the
    /// setting that opens private networks when it is off (English, like every run error).
    /// </summary>
    public static string Refusal(IReadOnlyList<BlockedRequest> refused, ScanningOptions settings)
    {
        ArgumentNullException.ThrowIfNull(refused);
        ArgumentNullException.ThrowIfNull(settings);
        var each = string.Join("; ", refused.Select(r => $"{r.Target} ({r.Detail.TrimEnd('.')})"));
        return settings.AllowPrivateNetworks
            ? $"The SSRF guard refuses every start URL: {each}."
            : $"The SSRF guard refuses every start URL: {each}. The platform scans only public addresses unless Scanning:AllowPrivateNetworks is true.";
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
