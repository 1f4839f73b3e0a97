using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Identity;
using Shishin.Core.Notifications;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Notifications;

/// <summary>
/// One's own notifications of one service: which kinds, at once or as a daily summary. Anyone signed in who may see the
/// service; a service they may not see is 404. The e-mails are written in the language this page is shown in.
/// </summary>
public sealed class SubscribeModel(
    ServiceRegistry registry, ServiceAccess access, NotificationSettings settings, UserManager<ShishinUser> users, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public List<string> Kinds { get; set; } = [];

    [BindProperty]
    public string? Mode { get; set; }

    public Service Service { get; private set; } = default!;
    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
    public bool Subscribed { get; private set; }
    public bool CanEdit { get; private set; }
    public bool EmailConfigured => settings.EmailConfigured;
    public NotificationLabels Labels { get; } = new(l);

    public async Task<IActionResult> OnGetAsync(string key)
    {
        if (await LoadAsync(key) is { } refused)
        {
            return refused;
        }

        var subscription = await settings.SubscriptionAsync(UserId, Service.Id, HttpContext.RequestAborted);
        Subscribed = subscription is not null;
        Kinds = subscription is null ? [.. NotificationKinds.All.Select(k => k.ToString())] : [.. NotificationKinds.Split(subscription.Kinds).Select(k => k.ToString())];
        Mode = (subscription?.Mode ?? NotificationMode.Immediate).ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key)
    {
        if (await LoadAsync(key) is { } refused)
        {
            return refused;
        }

        var kinds = NotificationLabels.Parse(Kinds);
        if (kinds.Count == 0)
        {
            ModelState.AddModelError(nameof(Kinds), l["Choose at least one kind of event."]);
        }

        if (!Enum.TryParse<NotificationMode>(Mode, ignoreCase: false, out var mode) || !Enum.IsDefined(mode))
        {
            ModelState.AddModelError(nameof(Mode), l["Choose how often you want e-mails."]);
        }

        if (!ModelState.IsValid)
        {
            Subscribed = await settings.SubscriptionAsync(UserId, Service.Id, HttpContext.RequestAborted) is not null;
            return Page();
        }

        await settings.SubscribeAsync(UserId, Service.Id, kinds, mode, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, HttpContext.RequestAborted);
        TempData["Notice"] = l["Your notifications of this service are saved."].Value;
        return RedirectToPage(new { key });
    }

    public async Task<IActionResult> OnPostUnsubscribeAsync(string key)
    {
        if (await LoadAsync(key) is { } refused)
        {
            return refused;
        }

        await settings.UnsubscribeAsync(UserId, Service.Id, HttpContext.RequestAborted);
        TempData["Notice"] = l["You no longer receive notifications of this service."].Value;
        return RedirectToPage(new { key });
    }

    private Guid UserId => Guid.Parse(users.GetUserId(User)!);

    private async Task<IActionResult?> LoadAsync(string key)
    {
        var scope = await access.ScopeAsync(User.ToViewer(), HttpContext.RequestAborted);
        var service = await registry.FindAsync(key, HttpContext.RequestAborted);
        if (service is null || !scope.CanSee(service) || users.GetUserId(User) is null)
        {
            return NotFound();
        }

        Service = service;
        CanEdit = scope.CanEdit(service);
        return null;
    }
}
