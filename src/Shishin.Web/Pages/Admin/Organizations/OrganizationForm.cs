using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Shishin.Core.Organizations;

namespace Shishin.Web.Pages.Admin.Organizations;

public sealed class OrganizationForm
{
    [Required(ErrorMessage = "Enter a key.")]
    [StringLength(64, ErrorMessage = "Use at most {1} characters.")]
    [RegularExpression("^[a-z0-9][a-z0-9-]{1,63}$", ErrorMessage = "Use 2 to 64 lower-case letters, digits and hyphens, starting with a letter or digit.")]
    [Display(Name = "Key")]
    public string Key { get; set; } = "";

    [Required(ErrorMessage = "Choose a kind.")]
    [EnumDataType(typeof(OrganizationKind), ErrorMessage = "Choose a kind from the list.")]
    [Display(Name = "Kind")]
    public OrganizationKind? Kind { get; set; }

    [Required(ErrorMessage = "Enter the name in Japanese.")]
    [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Name (Japanese)")]
    public string NameJa { get; set; } = "";

    [Required(ErrorMessage = "Enter the name in English.")]
    [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Name (English)")]
    public string NameEn { get; set; } = "";

    [StringLength(6, ErrorMessage = "Use at most {1} characters.")]
    [RegularExpression("^[0-9]{6}$", ErrorMessage = "Enter the 6-digit local government code, including its check digit.")]
    [Display(Name = "Local government code")]
    public string? LocalGovernmentCode { get; set; }

    [Display(Name = "Part of")]
    public Guid? ParentId { get; set; }

    public OrganizationInput ToInput() => new(Key, Kind!.Value, NameJa, NameEn, LocalGovernmentCode, ParentId);

    public static OrganizationForm From(Organization o) => new()
    {
        Key = o.Key, Kind = o.Kind, NameJa = o.NameJa, NameEn = o.NameEn, LocalGovernmentCode = o.LocalGovernmentCode, ParentId = o.ParentId,
    };

    /// <summary>Checks that need the database or the code's check digit; adds field errors.</summary>
    public async Task ValidateAsync(OrganizationService organizations, Guid? id, ModelStateDictionary state, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(l);
        if (!string.IsNullOrEmpty(Key) && await organizations.KeyExistsAsync(Key.Trim(), id))
        {
            state.AddModelError("Input.Key", l["Another organisation already uses this key."]);
        }

        if (LocalGovernmentCode is { Length: 6 } code)
        {
            if (!LocalGovernmentCodes.HasValidCheckDigit(code))
            {
                state.AddModelError("Input.LocalGovernmentCode", l["The check digit of this code is not correct."]);
            }
            else if (await organizations.CodeExistsAsync(code, id))
            {
                state.AddModelError("Input.LocalGovernmentCode", l["Another organisation already uses this code."]);
            }
        }

        if (ParentId is { } parentId)
        {
            if ((await organizations.FindAsync(parentId)) is null)
            {
                state.AddModelError("Input.ParentId", l["Choose an organisation from the list."]);
            }
            else if (id is { } self && await organizations.WouldCreateCycleAsync(self, parentId))
            {
                state.AddModelError("Input.ParentId", l["An organisation cannot be part of itself or of one of its own parts."]);
            }
        }
    }

    public static async Task<List<SelectListItem>> ParentItemsAsync(OrganizationService organizations, Guid? except, bool english)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        return (await organizations.ListAsync())
            .Where(o => o.Id != except && o.Kind is OrganizationKind.Government or OrganizationKind.Bureau or OrganizationKind.Partner)
            .Select(o => new SelectListItem(o.Name(english), o.Id.ToString()))
            .ToList();
    }

    public static List<SelectListItem> KindItems(IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return Enum.GetValues<OrganizationKind>().Select(k => new SelectListItem(l[k.ToString()], k.ToString())).ToList();
    }
}
