using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Shishin.Core.Auditing;

namespace Shishin.Web.Pages.Admin.Audit;

public sealed class IndexModel(AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int Size = 50;

    [BindProperty(SupportsGet = true)]
    public AuditFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public int PageSize => Size;
    public int Skip => (PageNumber - 1) * Size;
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + Size - 1) / Size);
    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];
    public IReadOnlyList<SelectListItem> EntityTypeItems { get; private set; } = [];

    public AuditLabels Labels { get; } = new(l);

    /// <summary>False when the filter has errors: the page then shows them, never an unfiltered or empty list.</summary>
    public bool Ran { get; private set; }

    public async Task OnGetAsync()
    {
        EntityTypeItems = [.. (await audit.EntityTypesAsync())
            .Select(t => new SelectListItem(Labels.EntityType(t), t))
            .OrderBy(i => i.Text, StringComparer.CurrentCulture)];
        if (!Filter.Validate(ModelState, l))
        {
            return;
        }

        Ran = true;

        PageNumber = Math.Max(1, PageNumber);
        var query = audit.Query(Filter.ToQuery());
        Total = await query.CountAsync();
        Events = await query.Skip(Skip).Take(Size).ToListAsync();
    }

    public static string Tokyo(DateTime utc) => AuditLog.TokyoTime(utc);

    public IReadOnlyList<AuditFieldChange> Changes(AuditEvent auditEvent) => audit.Describe(auditEvent);

    public string PageLink(int page)
    {
        var query = QueryHelpers.ParseQuery(Request.QueryString.Value).ToDictionary(q => q.Key, q => q.Value.ToString());
        query["pageNumber"] = page.ToString(CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(Url.Page("/Admin/Audit/Index")!, query!);
    }
}

public sealed class AuditFilter
{
    [StringLength(256, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Actor")]
    public string? Actor { get; set; }

    [StringLength(128, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Entity type")]
    public string? EntityType { get; set; }

    [StringLength(128, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Entity ID")]
    public string? EntityId { get; set; }

    [DataType(DataType.Date)]
    [Display(Name = "From")]
    public DateOnly? From { get; set; }

    [DataType(DataType.Date)]
    [Display(Name = "To")]
    public DateOnly? To { get; set; }

    public AuditQuery ToQuery() => new(Actor, EntityType, EntityId, From, To);

    // Wide enough for any real audit log; the far ends of DateOnly overflow when turned into Tokyo day bounds.
    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2999, 12, 31);

    /// <summary>Adds field messages for dates out of range or in the wrong order; true when the filter can be run.</summary>
    public bool Validate(ModelStateDictionary modelState, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(l);
        // A date the binder could not read (typed into a browser without a date picker, or an edited link) gets a
        // message that names the field and the format, in place of model binding's generic one.
        foreach (var (key, field) in new[] { ("Filter.From", "From"), ("Filter.To", "To") })
        {
            if (modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 && !string.IsNullOrEmpty(entry.AttemptedValue))
            {
                entry.Errors.Clear();
                modelState.AddModelError(key, l["Enter {0} as a date in the form YYYY-MM-DD, for example 2026-04-01.", l[field]]);
            }
        }

        foreach (var (key, date) in new[] { ("Filter.From", From), ("Filter.To", To) })
        {
            if (date is { } d && (d < Earliest || d > Latest))
            {
                modelState.AddModelError(key, l["Enter a date from {0} to {1}.",
                    Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
            }
        }

        if (From is { } from && To is { } to && from > to)
        {
            modelState.AddModelError("Filter.To", l["The end date must be on or after the start date."]);
        }

        return modelState.IsValid;
    }
}
