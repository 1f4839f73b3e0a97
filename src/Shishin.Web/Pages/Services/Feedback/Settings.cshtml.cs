using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core.CitizenFeedback;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services.Feedback;

/// <summary>
/// A service's feedback settings for those who edit it: whether it takes feedback, and the origins besides its entry
/// URLs' from which a browser may send it (the intake's CORS allow-list). A stale save changes nothing and shows what is
/// stored now.
/// </summary>
public sealed class SettingsModel(ServiceDirectory directory, ServiceAccess access, FeedbackSettingsService settings, IStringLocalizer<SharedResource> l)
    : ServicePageModel(directory, access)
{
    [BindProperty]
    public bool Enabled { get; set; } = true;

    [BindProperty]
    [StringLength(4000, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Other origins")]
    public string? ExtraOrigins { get; set; }

    [BindProperty]
    public int Revision { get; set; }

    /// <summary>Set after a conflict: the settings as someone else's save left them.</summary>
    public ServiceFeedbackSettings? Current { get; private set; }

    /// <summary>The origins of the service's entry URLs, always allowed.</summary>
    public IReadOnlyList<string> EntryOrigins { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string key)
    {
        if (await LoadSettingsAsync(key) is { } refused)
        {
            return refused;
        }

        var stored = await settings.GetAsync(Service.Id, HttpContext.RequestAborted);
        Enabled = stored.Enabled;
        ExtraOrigins = stored.ExtraOrigins;
        Revision = stored.Revision;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key)
    {
        if (await LoadSettingsAsync(key) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await settings.SaveAsync(Service.Id, Enabled, ExtraOrigins, Revision, HttpContext.RequestAborted);
        switch (result.Outcome)
        {
            case FeedbackChangeOutcome.Saved:
                TempData["Notice"] = l["The feedback settings have been saved."].Value;
                return RedirectToPage("/Services/Feedback/Settings", new { key });
            case FeedbackChangeOutcome.Invalid:
                foreach (var issue in result.Issues)
                {
                    ModelState.AddModelError(issue.Field, l[issue.Message]);
                }

                return Page();
            default:
                ModelState.AddModelError(string.Empty, l["Someone else changed these settings while you were editing them. Nothing was saved; your input is kept below. Check what they changed, then save again to apply your input."]);
                Current = result.Current;
                ModelState.Remove(nameof(Revision));
                Revision = result.Current?.Revision ?? Revision;
                return Page();
        }
    }

    private async Task<IActionResult?> LoadSettingsAsync(string key)
    {
        if (await LoadAsync(key, ServiceRight.Edit) is { } refused)
        {
            return refused;
        }

        EntryOrigins = [.. Service.EntryUrlList()
            .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null)
            .Where(o => o is not null).Select(o => o!).Distinct(StringComparer.Ordinal)];
        return null;
    }
}
