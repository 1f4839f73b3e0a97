using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;

namespace Shishin.Web.Pages.Catalog;

/// <summary>
/// A public page that reads one catalogue version: the current published one, or the one named by
/// <c>?version=</c> (published or retired; the draft for admins only).
/// </summary>
[AllowAnonymous]
public abstract class CatalogPageModel(CatalogService catalog, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "version")]
    public string? Version { get; set; }

    public CatalogSnapshot Snapshot { get; private set; } = default!;

    public CatalogDocument Document => Snapshot.Document;

    /// <summary>The current published version, to point readers of another version to it.</summary>
    public CatalogVersionInfo? Current { get; private set; }

    public bool IsCurrent => Current?.Id == Snapshot.Id;

    public CatalogLabels Labels { get; } = new(l);

    protected CatalogService Catalog => catalog;

    protected IStringLocalizer<SharedResource> Localizer => l;

    /// <summary>Loads the version asked for; false when it is unknown or not visible to this visitor.</summary>
    protected async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var snapshot = await CatalogAccess.FindAsync(catalog, User, Version, cancellationToken);
        if (snapshot is null)
        {
            return false;
        }

        Snapshot = snapshot;
        Current = snapshot.Info.Status == CatalogVersionStatus.Published && string.IsNullOrWhiteSpace(Version)
            ? snapshot.Info
            : (await catalog.GetCurrentAsync(cancellationToken))?.Info;
        return true;
    }

    public string Text(LocalizedText? text) => Labels.Text(text);

    /// <summary>A link inside the catalogue that stays on the version being read (nothing is added for the current one).</summary>
    public string Link(string path) => IsCurrent ? path : QueryHelpers.AddQueryString(path, "version", Snapshot.Label);

    public string CheckpointLink(string id) => Link("/catalog/checkpoints/" + Uri.EscapeDataString(id));

    public string FilterLink(string mapping) => QueryHelpers.AddQueryString(Link("/catalog/checkpoints"), "mapping", mapping);

    /// <summary>A source reference as "title (locator)" and the source's address, if it has one.</summary>
    public (string Title, string? Locator, Uri? Url) Source(SourceReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var source = Document.FindSource(reference.Id);
        return (source is null ? reference.Id : Text(source.Title), reference.Locator, source?.Url);
    }
}

/// <summary>The model of <c>_CheckpointTable</c>: a captioned table of checkpoints.</summary>
public sealed record CheckpointTable(CatalogPageModel Page, IReadOnlyList<Checkpoint> Checkpoints, string CaptionId, string Caption);

/// <summary>The model of <c>_Sources</c>: the sources a text cites.</summary>
public sealed record SourceList(CatalogPageModel Page, IReadOnlyList<SourceReference> Sources);

/// <summary>The model of <c>_PrintCheckpoint</c>.</summary>
public sealed record PrintCheckpoint(CatalogPageModel Page, Checkpoint Checkpoint);
