using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services;

/// <summary>
/// A service's procedure KPIs: a table of the fiscal years recorded (take-up derived), and one form that edits the
/// year chosen in the table (<c>?year=2025</c>) or adds a year. Each year carries its own revision, so two people
/// editing the same year cannot overwrite each other; a stale save shows what is stored now and keeps the input.
/// </summary>
public sealed class KpisModel(ServiceRegistry registry, ServiceAccess access, IStringLocalizer<SharedResource> l)
    : ServiceWritePage(registry, access)
{
    [BindProperty]
    public KpiForm Input { get; set; } = new();

    /// <summary>The revision of the year being edited; 0 for a year not recorded yet.</summary>
    [BindProperty]
    public int Revision { get; set; }

    /// <summary>True when the form edits a recorded year (its year is fixed).</summary>
    public bool Editing { get; private set; }

    public IReadOnlyList<ServiceKpi> Years { get; private set; } = [];

    /// <summary>After a conflict: the year as stored now (null when it is not there).</summary>
    public ServiceKpi? Current { get; private set; }

    public bool Conflicted { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, int? year)
    {
        if (await LoadAsync(key) is { } refused)
        {
            return refused;
        }

        Years = [.. Service.Kpis.OrderByDescending(k => k.FiscalYear)];
        if (year is { } chosen && Years.FirstOrDefault(k => k.FiscalYear == chosen) is { } kpi)
        {
            Input = KpiForm.From(kpi);
            Revision = kpi.Revision;
            Editing = true;
        }
        else
        {
            Input.FiscalYear = year is >= ServiceRegistry.FirstFiscalYear and <= ServiceRegistry.LastFiscalYear ? year : null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key)
    {
        if (await LoadAsync(key) is { } refused)
        {
            return refused;
        }

        Years = [.. Service.Kpis.OrderByDescending(k => k.FiscalYear)];
        Editing = Revision > 0;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await Registry.SaveKpiAsync(key, Input.ToInput(), Revision == 0 ? null : Revision, Scope, HttpContext.RequestAborted);
        switch (result.Outcome)
        {
            case RegistryOutcome.Saved:
                TempData["Notice"] = l["The figures for {0} have been saved.", new ServiceLabels(l).FiscalYear(result.Value!.FiscalYear)].Value;
                return ToDetails(this, key);
            case RegistryOutcome.Conflict:
                ModelState.AddModelError(string.Empty, l["Someone else changed the figures of this year in the meantime."]);
                ModelState.AddModelError(string.Empty, l["Your input is kept below. Check the differences, then save again to apply it."]);
                Conflicted = true;
                Current = result.Value;
                // Saving again applies the input over what is stored now.
                Revision = result.Value?.Revision ?? 0;
                Editing = Revision > 0;
                return Page();
            case RegistryOutcome.NotFound:
                return NotFound();
            case RegistryOutcome.Forbidden:
                return Forbid();
            default:
                ServiceMessages.AddTo(ModelState, l, result.Errors);
                return Page();
        }
    }

    public string Figure(decimal? value) => value is { } v ? v.ToString("#,0.#", CultureInfo.CurrentCulture) : l["Not measured"];

    public string Figure(int? value) => value is { } v ? v.ToString("#,0", CultureInfo.CurrentCulture) : l["Not measured"];

    public string Percent(decimal? value) => value is { } v ? v.ToString("0.0", CultureInfo.CurrentCulture) + "%" : l["Not measured"];
}
