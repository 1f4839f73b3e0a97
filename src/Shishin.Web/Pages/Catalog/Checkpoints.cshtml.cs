using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;

namespace Shishin.Web.Pages.Catalog;

/// <summary>
/// Every checkpoint, filtered by a plain GET form (no JavaScript needed): phase, check type, principle, theme,
/// mapping and words in either language. The API answers the same filters through <see cref="CheckpointFilter"/>.
/// </summary>
[AllowAnonymous]
public sealed class CheckpointsModel(CatalogService catalog, IStringLocalizer<SharedResource> l) : CatalogPageModel(catalog, l)
{
    // The filter's field names (shared with the API) and the form fields they belong to.
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["phase"] = nameof(Phase),
        ["checkType"] = nameof(CheckType),
        ["principle"] = nameof(Principle),
        ["theme"] = nameof(Theme),
        ["mapping"] = nameof(Mapping),
        ["q"] = nameof(Q),
    };

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Phase")]
    public string? Phase { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Check type")]
    public string? CheckType { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Principle")]
    public int? Principle { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Theme")]
    public string? Theme { get; set; }

    [BindProperty(SupportsGet = true)]
    [StringLength(CheckpointFilter.MaxTextLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Mapping")]
    public string? Mapping { get; set; }

    [BindProperty(SupportsGet = true)]
    [StringLength(CheckpointFilter.MaxTextLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Words to search for")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Retired { get; set; }

    public CheckpointFilter Filter => new()
    {
        Phase = Phase,
        CheckType = CheckType,
        Principle = Principle,
        Theme = Theme,
        Mapping = Mapping,
        Text = Q,
        IncludeRetired = Retired,
    };

    /// <summary>Null when the filter has errors: then the form shows them and no list.</summary>
    public IReadOnlyList<Checkpoint>? Results { get; private set; }

    public IReadOnlyList<SelectListItem> PhaseItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> CheckTypeItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> PrincipleItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ThemeItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        PhaseItems = [.. CatalogCodes.Phases.OrderBy(p => p.Value).Select(p => new SelectListItem(Labels.Phase(p.Value), p.Key))];
        CheckTypeItems = [.. Enum.GetValues<CheckType>().Select(t => new SelectListItem($"{t}: {Labels.CheckTypeName(t)}", t.ToString()))];
        PrincipleItems = [.. Document.Principles.Select(p => new SelectListItem(Labels.PrincipleName(p), p.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        ThemeItems = [.. Document.Themes.Select(t => new SelectListItem(Text(t.Name), t.Key))];

        var filter = Filter;
        foreach (var issue in filter.Check(Document))
        {
            // A text too long is already reported by the field's own length limit.
            if (ModelState.GetFieldValidationState(Fields[issue.Field]) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                ModelState.AddModelError(Fields[issue.Field], Localizer[issue.Template, issue.Args]);
            }
        }

        if (ModelState.IsValid)
        {
            Results = [.. filter.Apply(Document)];
        }

        return Page();
    }

    /// <summary>The same filters through the API, as CSV.</summary>
    public string CsvLink()
    {
        var query = QueryHelpers.ParseQuery(Request.QueryString.Value)
            .Where(q => !string.IsNullOrEmpty(q.Value.ToString()))
            .ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        query["format"] = "csv";
        return QueryHelpers.AddQueryString("/api/v1/catalog/checkpoints", query);
    }
}
