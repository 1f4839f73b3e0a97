using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Shishin.Core.Catalog;
using Shishin.Web.Pages.Catalog;

namespace Shishin.Web.Pages.Admin.Catalog.Parameters;

/// <summary>A named threshold as the admin form shows it; types and units travel as their catalogue codes.</summary>
public sealed class ParameterForm
{
    [StringLength(100, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Key")]
    public string? Key { get; set; }

    [StringLength(32, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Type")]
    public string? Type { get; set; }

    [StringLength(32, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Unit")]
    public string? Unit { get; set; }

    [StringLength(32, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Value")]
    public string? Value { get; set; }

    [StringLength(CatalogValidator.MaxShortText, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Name (Japanese)")]
    public string? NameJa { get; set; }

    [StringLength(CatalogValidator.MaxShortText, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Name (English)")]
    public string? NameEn { get; set; }

    [StringLength(CatalogValidator.MaxLongText, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Description (Japanese)")]
    public string? DescriptionJa { get; set; }

    [StringLength(CatalogValidator.MaxLongText, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Description (English)")]
    public string? DescriptionEn { get; set; }

    public static ParameterForm From(CatalogParameter p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new()
        {
            Key = p.Key,
            Type = CatalogCodes.Code(p.Type),
            Unit = CatalogCodes.Code(p.Unit),
            Value = p.Value.ToString(CultureInfo.InvariantCulture),
            NameJa = p.Name.Ja,
            NameEn = p.Name.En,
            DescriptionJa = p.Description.Ja,
            DescriptionEn = p.Description.En,
        };
    }

    /// <summary>The parameter the form describes; unreadable fields get an error and a stand-in value.</summary>
    public CatalogParameter ToParameter(string? originalKey, bool retired, ModelStateDictionary state, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(l);
        var type = Enum.GetValues<ParameterType>().Where(t => CatalogCodes.Code(t) == Type).Select(t => (ParameterType?)t).FirstOrDefault();
        if (type is null)
        {
            state.AddModelError("Input.Type", l["Choose a type from the list."]);
        }

        if (!CatalogCodes.Units.TryGetValue(Unit ?? "", out var unit))
        {
            state.AddModelError("Input.Unit", l["Choose a unit from the list."]);
        }

        // Decimal point only: a comma would be ambiguous between the two languages' habits.
        if (!decimal.TryParse(Value?.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            state.AddModelError("Input.Value", l["Enter a number, e.g. 2.5."]);
        }

        return new CatalogParameter
        {
            Key = originalKey ?? Key?.Trim() ?? "",
            Type = type ?? ParameterType.Number,
            Unit = unit,
            Value = value,
            Name = new(CheckpointForm.Text(NameJa), CheckpointForm.Text(NameEn)),
            Description = new(CheckpointForm.Text(DescriptionJa), CheckpointForm.Text(DescriptionEn)),
            Retired = retired,
        };
    }

    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["key"] = "Input.Key",
        ["type"] = "Input.Type",
        ["unit"] = "Input.Unit",
        ["value"] = "Input.Value",
        ["name.ja"] = "Input.NameJa",
        ["name.en"] = "Input.NameEn",
        ["description.ja"] = "Input.DescriptionJa",
        ["description.en"] = "Input.DescriptionEn",
    };

    public static string? FieldFor(string path) => CatalogMessages.Lookup(Fields, path);

    public static List<SelectListItem> TypeItems(IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return [new(l["Number"], CatalogCodes.Code(ParameterType.Number)), new(l["Whole number"], CatalogCodes.Code(ParameterType.Integer))];
    }

    public static List<SelectListItem> UnitItems(IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return [.. Enum.GetValues<ParameterUnit>().Select(u => new SelectListItem(UnitName(l, u), CatalogCodes.Code(u)))];
    }

    public static string UnitName(IStringLocalizer l, ParameterUnit unit)
    {
        ArgumentNullException.ThrowIfNull(l);
        return unit switch
        {
            ParameterUnit.None => l["No unit"],
            ParameterUnit.Points => l["Points"],
            ParameterUnit.Seconds => l["Seconds"],
            ParameterUnit.Milliseconds => l["Milliseconds"],
            ParameterUnit.Days => l["Days"],
            ParameterUnit.Percent => l["Percent"],
            ParameterUnit.Count => l["Count"],
            ParameterUnit.Ratio => l["Ratio"],
            ParameterUnit.Bytes => l["Bytes"],
            _ => l["Pixels"],
        };
    }
}
