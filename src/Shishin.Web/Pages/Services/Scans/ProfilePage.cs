using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Shishin.Core.Scans;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services.Scans;

/// <summary>The add and edit forms of a scan profile: the service team only.</summary>
public abstract class ProfilePage(ServiceDirectory directory, ServiceAccess access) : ServicePageModel(directory, access)
{
    [BindProperty]
    public ProfileForm Input { get; set; } = new();

    /// <summary>The page's localizer (the subclass's), for the labels and Core's messages.</summary>
    protected abstract IStringLocalizer<SharedResource> Text { get; }

    public ScanLabels Labels => new(Text);

    public IReadOnlyList<SelectListItem> CadenceItems =>
        [.. Enum.GetValues<ScanCadence>().Select(c => new SelectListItem(Labels.Cadence(c), c.ToString()))];

    /// <summary>Puts Core's messages on their fields (translated), beside any binding errors already there.</summary>
    protected void AddErrors(IEnumerable<ScanProfileError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var error in errors)
        {
            var field = "Input." + error.Field;
            if (ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0)
            {
                continue;
            }

            ModelState.AddModelError(field, Text[error.Message]);
        }
    }

    /// <summary>Binding errors (a page limit that is not a number) are kept; Core's checks add the rest.</summary>
    protected bool Check()
    {
        AddErrors(ScanProfiles.Validate(Input.ToInput()));
        return ModelState.IsValid;
    }
}
