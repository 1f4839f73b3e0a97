namespace Shishin.Core.Scans;

/// <summary>What one on-demand run changes of its profile (<c>POST /api/v1/services/{key}/scans</c>).</summary>
public sealed record ScanRunOverrides(IReadOnlyList<Uri>? StartUrls = null, int? MaxPages = null);
