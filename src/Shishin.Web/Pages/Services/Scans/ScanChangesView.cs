using Shishin.Core.Scans;

namespace Shishin.Web.Pages.Services.Scans;

/// <summary>What the _ScanChanges partial shows: a diff's counts and its new, fixed and unchanged findings.</summary>
public sealed record ScanChangesView(ScanDiffResult Diff, ScanLabels Labels, string IdPrefix, int HeadingLevel = 3)
{
    /// <summary>Only http(s) help links become links: an uploaded report could carry any text there.</summary>
    public static bool IsWebLink(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
