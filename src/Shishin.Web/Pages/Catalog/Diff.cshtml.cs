using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Catalog;

/// <summary>What changed between two versions: added, removed and changed items, field by field, in both languages.</summary>
[AllowAnonymous]
public sealed class DiffModel(CatalogService catalog, ProposalService proposals, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The kinds of item in the order the page lists them.</summary>
    public static readonly IReadOnlyList<string> Kinds =
    [
        CatalogDiff.CheckpointKind, CatalogDiff.PrincipleKind, CatalogDiff.ThemeKind, CatalogDiff.ParameterKind,
        CatalogDiff.SourceKind, CatalogDiff.HeaderKind,
    ];

    public string Heading(string kind) => kind switch
    {
        CatalogDiff.CheckpointKind => l["Checkpoints"],
        CatalogDiff.PrincipleKind => l["Principles"],
        CatalogDiff.ThemeKind => l["Themes"],
        CatalogDiff.ParameterKind => l["Parameters"],
        CatalogDiff.SourceKind => l["Sources"],
        _ => l["Title, preamble, purpose and structure"],
    };

    [BindProperty(SupportsGet = true)]
    [Display(Name = "From version")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "To version")]
    public string? To { get; set; }

    public IReadOnlyList<SelectListItem> VersionItems { get; private set; } = [];

    public CatalogDiffResult? Result { get; private set; }

    /// <summary>What the changelog of the later version says about the versions after the earlier one.</summary>
    public ChangelogView? Changelog { get; private set; }

    public CatalogLabels Labels { get; } = new(l);

    public CatalogFieldNames FieldNames { get; } = new(l);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var versions = await CatalogAccess.ListAsync(catalog, User, cancellationToken);
        VersionItems = [.. versions.Select(v => new SelectListItem(Labels.VersionName(v), CatalogAccess.Label(v)))];
        if (string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To))
        {
            // With nothing chosen, show what the current version changed.
            var current = versions.FirstOrDefault(v => v.Status == CatalogVersionStatus.Published);
            var previous = current is null ? null : CatalogAccess.Previous(versions, current.Id);
            if (current is null || previous is null)
            {
                return;
            }

            (From, To) = (CatalogAccess.Label(previous), CatalogAccess.Label(current));
        }

        var from = await FindAsync(nameof(From), From, cancellationToken);
        var to = await FindAsync(nameof(To), To, cancellationToken);
        if (from is not null && to is not null)
        {
            Result = CatalogDiff.Compare(from.Document, to.Document, from.Label, to.Label);
            var accepted = (await proposals.ListAsync(appliedVersionId: to.Id, cancellationToken: cancellationToken)).Where(p => p.Status == ProposalStatus.Accepted);
            Changelog = new ChangelogView([.. to.Document.ReleasesSince(from.Info.Version)], accepted, l);
        }
    }

    private async Task<CatalogSnapshot?> FindAsync(string field, string? version, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(version))
        {
            ModelState.AddModelError(field, l["Choose a version."]);
            return null;
        }

        var snapshot = await CatalogAccess.FindAsync(catalog, User, version, cancellationToken);
        if (snapshot is null)
        {
            ModelState.AddModelError(field, l["There is no catalogue version {0}.", version]);
        }

        return snapshot;
    }

    public string ItemLink(ItemChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var version = change.Change == DiffKind.Removed ? Result!.From : Result!.To;
        var key = Uri.EscapeDataString(change.Key);
        var query = "?version=" + Uri.EscapeDataString(version);
        return change.Kind switch
        {
            CatalogDiff.CheckpointKind => $"/catalog/checkpoints/{key}{query}",
            CatalogDiff.PrincipleKind => $"/catalog/principles/{key}{query}",
            CatalogDiff.ThemeKind => $"/catalog/themes/{key}{query}",
            _ => "",
        };
    }

    public string ChangeName(DiffKind change) => change switch
    {
        DiffKind.Added => l["Added"],
        DiffKind.Removed => l["Removed"],
        _ => l["Changed"],
    };

    public static string ChangeTag(DiffKind change) => change switch
    {
        DiffKind.Added => "tag tag--success",
        DiffKind.Removed => "tag tag--danger",
        _ => "tag tag--warning",
    };

    /// <summary>
    /// What changed inside a text that both versions have, for marking deleted and inserted words; null when one side
    /// is missing or the field is not a text (a list or a number reads better whole).
    /// </summary>
    public static IReadOnlyList<TextSegment>? Segments(FieldChange field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field is { Before: { } before, After: { } after } && LangOf(field.Field) is not null ? TextDiff.Compare(before, after) : null;
    }

    /// <summary>One side of a changed text with its changes marked (see <see cref="TextDiffMarkup"/>).</summary>
    public IHtmlContent Marked(IReadOnlyList<TextSegment> segments, bool after) => TextDiffMarkup.MarkSide(segments, after, l);

    /// <summary>The language of a field's value, so screen readers read Japanese and English texts correctly.</summary>
    public static string? LangOf(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.EndsWith(".ja", StringComparison.Ordinal) ? "ja" : field.EndsWith(".en", StringComparison.Ordinal) ? "en" : null;
    }
}
