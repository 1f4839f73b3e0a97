using Microsoft.Extensions.Localization;

namespace Shishin.Web.Infrastructure;

/// <summary>
/// The window title of every page, composed in the layout as "page — section — Shishin". A page sets
/// <c>ViewData["Title"]</c> (a string or a localised string); the section comes from the page's folder, and a page
/// may set <c>ViewData["Section"]</c> to name another one (or null for none).
/// </summary>
public static class PageTitle
{
    public const string Separator = " — ";

    /// <summary>The parts that are present, each once, joined by <see cref="Separator"/>; the site's name always ends it.</summary>
    public static string Compose(object? title, object? section, string site)
    {
        var parts = new List<string>(3);
        foreach (var part in new[] { title?.ToString(), section?.ToString() })
        {
            if (!string.IsNullOrWhiteSpace(part) && !parts.Contains(part.Trim(), StringComparer.Ordinal) && part.Trim() != site)
            {
                parts.Add(part.Trim());
            }
        }

        parts.Add(site);
        return string.Join(Separator, parts);
    }

    /// <summary>The section a page belongs to, by its folder (<c>/Catalog/Checkpoints</c> → the catalogue), in the current language.</summary>
    public static string? SectionOf(string? page, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        var folder = page is null ? "" : page[..(page.LastIndexOf('/') + 1)];
        return folder switch
        {
            "/Catalog/" => l["Catalogue"].Value,
            // A service's assessments are part of the register, like its canvas, scans and feedback (the sub-folders).
            "/Assessments/" or "/Admin/Services/" => l["Services"].Value,
            _ when folder.StartsWith("/Services/", StringComparison.Ordinal) => l["Services"].Value,
            "/Actions/" => l["Action items"].Value,
            "/Portfolio/" => l["Portfolio"].Value,
            "/Organizations/" or "/Admin/Organizations/" => l["Organisations"].Value,
            "/Proposals/" => l["Proposals"].Value,
            "/Account/Manage/" => l["My account"].Value,
            "/Admin/Users/" => l["Users"].Value,
            "/Admin/Audit/" => l["Audit log"].Value,
            _ when folder.StartsWith("/Admin/Catalog/", StringComparison.Ordinal) => l["Catalogue admin"].Value,
            _ => null,
        };
    }

    /// <summary>The section for the layout: <c>ViewData["Section"]</c> when the page set it, else the page's folder.</summary>
    public static string? SectionFor(Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary viewData, string? page, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        return viewData.TryGetValue("Section", out var section) ? section?.ToString() : SectionOf(page, l);
    }
}
