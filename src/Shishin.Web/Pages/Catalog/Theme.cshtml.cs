using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;

namespace Shishin.Web.Pages.Catalog;

/// <summary>One technical theme (UI/UX, data utilisation, security): its purpose, sources and checkpoints.</summary>
[AllowAnonymous]
public sealed class ThemeModel(CatalogService catalog, IStringLocalizer<SharedResource> l) : CatalogPageModel(catalog, l)
{
    public Theme Theme { get; private set; } = default!;

    public IReadOnlyList<Checkpoint> Checkpoints { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Document.FindTheme(key) is not { } theme)
        {
            return NotFound();
        }

        Theme = theme;
        Checkpoints = [.. Document.CheckpointsOf(null, theme.Key)];
        return Page();
    }
}
