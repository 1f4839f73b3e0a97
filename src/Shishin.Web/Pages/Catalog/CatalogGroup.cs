using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;

namespace Shishin.Web.Pages.Catalog;

/// <summary>
/// A principle or a theme, the two places a checkpoint can belong to. Forms name it by one code: <c>P3</c> for
/// principle 3, the theme key (<c>UX</c>) for a theme — the same prefix the checkpoint ids use.
/// </summary>
public sealed record CatalogGroup(string Code, int? Principle, string? Theme, string Name)
{
    public static IReadOnlyList<CatalogGroup> All(CatalogDocument document, IStringLocalizer l, bool english)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(l);
        var language = english ? "en" : "ja";
        return
        [
            .. document.Principles.OrderBy(p => p.Number).Select(p => new CatalogGroup(
                CodeOf(p.Number, null), p.Number, null, l["Principle {0}: {1}", p.Number, p.Label.For(language)])),
            .. document.Themes.Select(t => new CatalogGroup(t.Key, null, t.Key, l["Theme {0}: {1}", t.Key, t.Name.For(language)])),
        ];
    }

    public static string CodeOf(int? principle, string? theme) =>
        principle is { } number ? "P" + number.ToString(CultureInfo.InvariantCulture) : theme ?? "";

    public static string CodeOf(Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return CodeOf(checkpoint.Principle, checkpoint.Theme);
    }

    /// <summary>The group a code names in this catalogue, or null.</summary>
    public static CatalogGroup? Find(IReadOnlyList<CatalogGroup> groups, string? code) =>
        groups.FirstOrDefault(g => string.Equals(g.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The select items, principles and themes in two option groups.</summary>
    public static List<SelectListItem> Items(IReadOnlyList<CatalogGroup> groups, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(l);
        var principles = new SelectListGroup { Name = l["Principles"] };
        var themes = new SelectListGroup { Name = l["Technical themes"] };
        return groups.Select(g => new SelectListItem(g.Name, g.Code) { Group = g.Principle is null ? themes : principles }).ToList();
    }

    /// <summary>The next free id in a group: P3-05 after P3-04, UX-10 after UX-09 (retired ids stay taken).</summary>
    public static string NextId(CatalogDocument document, string code)
    {
        ArgumentNullException.ThrowIfNull(document);
        var highest = document.Checkpoints
            .Where(c => c.Id.StartsWith(code + "-", StringComparison.OrdinalIgnoreCase))
            .Select(c => int.TryParse(c.Id[(code.Length + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();
        return string.Create(CultureInfo.InvariantCulture, $"{code.ToUpperInvariant()}-{highest + 1:00}");
    }
}
