using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Shishin.Core.Organizations;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services;

/// <summary>
/// Edits a service's details. The form carries the revision it was loaded from: when someone else saved meanwhile,
/// the page says so, lists each field where the visitor's input and the stored value differ, and keeps the input; the
/// revision moves on, so saving again applies the input knowingly.
/// </summary>
public sealed class EditModel(ServiceRegistry registry, ServiceAccess access, OrganizationService organizations, IStringLocalizer<SharedResource> l)
    : ServiceWritePage(registry, access), IServiceFormPage
{
    [BindProperty]
    public ServiceForm Input { get; set; } = new();

    /// <summary>The service's revision the form is based on.</summary>
    [BindProperty]
    public int Revision { get; set; }

    public IReadOnlyList<SelectListItem> OrganizationItems { get; private set; } = [];
    public IReadOnlyList<Organization> PartnerCompanies { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ChannelItems { get; private set; } = [];

    /// <summary>After a conflict: the fields where the input differs from what is stored now.</summary>
    public IReadOnlyList<ServiceChange>? Changes { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key)
    {
        if (await LoadAsync(key) is { } refused)
        {
            return refused;
        }

        Input = ServiceForm.From(Service);
        Revision = Service.Revision;
        await ListsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key)
    {
        if (await LoadAsync(key) is { } refused)
        {
            return refused;
        }

        // The key and the phase are not part of this form.
        ModelState.Remove("Input.Key");
        ModelState.Remove("Input.Phase");
        Input.Phase = null;
        await ListsAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Input.Organization?.Trim() is { Length: > 0 } owner && owner != Service.OwnerOrganization?.Key && OrganizationItems.All(o => o.Value != owner)
            && await organizations.FindByKeyAsync(owner, HttpContext.RequestAborted) is { Kind: not OrganizationKind.Partner })
        {
            ModelState.AddModelError("Input.Organization", l["You can add services only to your own organisations."]);
            return Page();
        }

        var result = await Registry.UpdateAsync(key, Input.ToInput(), Revision, Scope, HttpContext.RequestAborted);
        switch (result.Outcome)
        {
            case RegistryOutcome.Saved:
                TempData["Notice"] = l["The changes have been saved."].Value;
                return ToDetails(this, key);
            case RegistryOutcome.Conflict when result.Value is { } current:
                ModelState.AddModelError(string.Empty, l["Someone else changed this service in the meantime."]);
                ModelState.AddModelError(string.Empty, l["Your input is kept below. Check the differences, then save again to apply it."]);
                Changes = Compare(current);
                Revision = current.Revision;
                return Page();
            case RegistryOutcome.Conflict or RegistryOutcome.NotFound:
                return NotFound();
            case RegistryOutcome.Forbidden:
                ModelState.AddModelError("Input.Organization", l["You can add services only to your own organisations."]);
                return Page();
            default:
                ServiceMessages.AddTo(ModelState, l, result.Errors);
                return Page();
        }
    }

    private async Task ListsAsync()
    {
        var labels = new ServiceLabels(l);
        var all = await organizations.ListAsync(HttpContext.RequestAborted);
        // The current owner stays in the list even for someone who could not move a service there.
        OrganizationItems = [.. all.Where(o => o.Kind != OrganizationKind.Partner && (Scope.CanCreateIn(o.Id) || o.Id == Service.OwnerOrganizationId))
            .Select(o => new SelectListItem(o.Name(English), o.Key))];
        PartnerCompanies = [.. all.Where(o => o.Kind == OrganizationKind.Partner)];
        ChannelItems = ChannelOptions(labels);
        names = all.ToDictionary(o => o.Key, o => o.Name(English), StringComparer.Ordinal);
    }

    private Dictionary<string, string> names = new(StringComparer.Ordinal);

    private string NameOf(string? organizationKey) =>
        string.IsNullOrWhiteSpace(organizationKey) ? "" : names.GetValueOrDefault(organizationKey.Trim(), organizationKey.Trim());

    private List<ServiceChange> Compare(Service current)
    {
        var labels = new ServiceLabels(l);
        var stored = ServiceForm.From(current);
        var rows = new List<ServiceChange>();
        void Add(string field, string? yours, string? now)
        {
            if (!string.Equals((yours ?? "").Trim(), (now ?? "").Trim(), StringComparison.Ordinal))
            {
                rows.Add(new(field, (yours ?? "").Trim(), (now ?? "").Trim()));
            }
        }

        Add(l["Name (Japanese)"], Input.NameJa, stored.NameJa);
        Add(l["Name (English)"], Input.NameEn, stored.NameEn);
        Add(l["Description (Japanese)"], Input.DescriptionJa, stored.DescriptionJa);
        Add(l["Description (English)"], Input.DescriptionEn, stored.DescriptionEn);
        Add(l["Owner organisation"], NameOf(Input.Organization), NameOf(stored.Organization));
        Add(l["Partner companies"], string.Join("、", Input.Partners.Select(NameOf).Order(StringComparer.Ordinal)),
            string.Join("、", stored.Partners.Select(NameOf).Order(StringComparer.Ordinal)));
        Add(l["Entry URLs"], string.Join(' ', Input.UrlList()), string.Join(' ', stored.UrlList()));
        Add(l["Audience"], Input.Audience, stored.Audience);
        Add(l["Channel"], ChannelName(labels, Input.Channel), ChannelName(labels, stored.Channel));
        Add(l["Visibility"], labels.Visibility(Input.IsPublic), labels.Visibility(stored.IsPublic));
        return rows;
    }

    private static string ChannelName(ServiceLabels labels, string? channel) =>
        Enum.TryParse<ServiceChannel>(channel, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? labels.Channel(parsed) : channel ?? "";
}
