using System.ComponentModel.DataAnnotations;
using Shishin.Core.Scans;

namespace Shishin.Web.Pages.Services.Scans;

/// <summary>The fields of the scan profile forms; <see cref="ScanProfiles.Validate"/> checks them and gives the field messages.</summary>
public sealed class ProfileForm
{
    [Display(Name = "Name")]
    public string? Name { get; set; }

    /// <summary>One address per line in the form; stored space-separated.</summary>
    [Display(Name = "Start URLs")]
    public string? StartUrls { get; set; }

    [Display(Name = "Page limit")]
    public int? MaxPages { get; set; }

    [Display(Name = "Depth")]
    public int? MaxDepth { get; set; }

    [Display(Name = "Include")]
    public string? Include { get; set; }

    [Display(Name = "Exclude")]
    public string? Exclude { get; set; }

    public bool Mobile { get; set; }

    public bool Wcag22 { get; set; } = true;

    [Display(Name = "Schedule")]
    public ScanCadence Cadence { get; set; } = ScanCadence.Weekly;

    public static ProfileForm From(ScanProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new()
        {
            Name = profile.Name,
            StartUrls = string.Join('\n', profile.StartUrlList()),
            MaxPages = profile.MaxPages,
            MaxDepth = profile.MaxDepth,
            Include = profile.Include,
            Exclude = profile.Exclude,
            Mobile = profile.Mobile,
            Wcag22 = profile.Wcag22,
            Cadence = profile.Cadence,
        };
    }

    public ScanProfileInput ToInput() => new(Name, StartUrls, MaxPages, MaxDepth, Include, Exclude, Mobile, Wcag22, Cadence);
}
