using System.Security.Claims;
using Shishin.Core.Catalog;
using Shishin.Core.Identity;

namespace Shishin.Web.Pages.Catalog;

/// <summary>
/// Which catalogue versions a visitor may read: everyone the published and retired ones (#7 オープン), only admins
/// the draft, which is work in progress. The public pages and the API both ask here.
/// </summary>
public static class CatalogAccess
{
    /// <summary>Longer than any semantic version we accept; longer input is not looked up at all.</summary>
    public const int MaxVersionLength = 32;

    public static bool MaySee(ClaimsPrincipal user, CatalogVersionStatus status)
    {
        ArgumentNullException.ThrowIfNull(user);
        return status != CatalogVersionStatus.Draft || user.IsInRole(Roles.Admin);
    }

    /// <summary>The version asked for (a number or "draft"), or the current published one when none is given; null if unknown or not visible.</summary>
    public static async Task<CatalogSnapshot?> FindAsync(CatalogService catalog, ClaimsPrincipal user, string? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (string.IsNullOrWhiteSpace(version))
        {
            return await catalog.GetCurrentAsync(cancellationToken);
        }

        version = version.Trim();
        // No version name holds a control character, and PostgreSQL refuses a NUL in a query parameter: not found.
        if (version.Length > MaxVersionLength || version.Any(char.IsControl))
        {
            return null;
        }

        var snapshot = await catalog.GetVersionAsync(version, cancellationToken);
        return snapshot is not null && MaySee(user, snapshot.Info.Status) ? snapshot : null;
    }

    /// <summary>The versions the visitor may see: the draft first (admins only), then newest to oldest.</summary>
    public static async Task<IReadOnlyList<CatalogVersionInfo>> ListAsync(CatalogService catalog, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. (await catalog.ListVersionsAsync(cancellationToken)).Where(v => MaySee(user, v.Status))];
    }

    /// <summary>The version that came before <paramref name="version"/> in <paramref name="versions"/> (newest first), if any.</summary>
    public static CatalogVersionInfo? Previous(IReadOnlyList<CatalogVersionInfo> versions, Guid version)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var at = versions.ToList().FindIndex(v => v.Id == version);
        return at < 0 ? null : versions.Skip(at + 1).FirstOrDefault(v => v.Status != CatalogVersionStatus.Draft);
    }

    public static string Label(CatalogVersionInfo version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.Version ?? CatalogService.DraftLabel;
    }
}
