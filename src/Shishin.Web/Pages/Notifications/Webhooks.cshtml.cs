using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core.Identity;
using Shishin.Core.Notifications;
using Shishin.Core.Services;
using Shishin.Web.Pages.Services;

namespace Shishin.Web.Pages.Notifications;

/// <summary>
/// A service's webhooks, for those who may edit the service: add one (its secret is shown on the answer to that POST
/// only), send a test, switch on or off, delete; and the service's latest deliveries with their status and attempts.
/// </summary>
public sealed class WebhooksModel(
    ServiceRegistry registry, ServiceAccess access, NotificationSettings settings, UserManager<ShishinUser> users, IStringLocalizer<SharedResource> l)
    : ServiceWritePage(registry, access)
{
    [BindProperty]
    [Display(Name = "Address (URL)")]
    [StringLength(2048, ErrorMessage = "Use at most {1} characters.")]
    public string? WebhookUrl { get; set; }

    [BindProperty]
    public List<string> Kinds { get; set; } = [];

    public IReadOnlyList<NotificationWebhook> Hooks { get; private set; } = [];
    public IReadOnlyList<NotificationDelivery> Deliveries { get; private set; } = [];
    public NotificationLabels Labels { get; } = new(l);
    public bool EmailConfigured => settings.EmailConfigured;

    /// <summary>The secret of the webhook just created: only in the answer to the POST that created it.</summary>
    public string? CreatedSecret { get; private set; }

    /// <summary>What the receiver answered to "Send a test".</summary>
    public string? TestResult { get; private set; }

    public bool TestSucceeded { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key)
    {
        if (await LoadAsync(key) is { } refused)
        {
            return refused;
        }

        Kinds = [.. NotificationKinds.All.Select(k => k.ToString())];
        await ListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key)
    {
        if (await LoadAsync(key) is { } refused)
        {
            return refused;
        }

        if (ModelState.IsValid && settings.CheckUrl(WebhookUrl) is { } urlProblem)
        {
            ModelState.AddModelError(nameof(WebhookUrl), l[urlProblem]);
        }

        var kinds = NotificationLabels.Parse(Kinds);
        if (kinds.Count == 0)
        {
            ModelState.AddModelError(nameof(Kinds), l["Choose at least one kind of event."]);
        }

        if (await settings.WebhookCountAsync(Service.Id, HttpContext.RequestAborted) >= NotificationSettings.MaxWebhooksPerService)
        {
            ModelState.AddModelError(string.Empty, l["A service can have at most {0} webhooks. Delete one first.", NotificationSettings.MaxWebhooksPerService]);
        }

        if (!ModelState.IsValid)
        {
            await ListAsync();
            return Page();
        }

        var created = await settings.CreateWebhookAsync(Service.Id, WebhookUrl!, kinds, Guid.TryParse(users.GetUserId(User), out var id) ? id : null, HttpContext.RequestAborted);
        CreatedSecret = created.Secret;
        // The secret is in this page only: neither browsers nor proxies may keep it.
        Response.Headers.CacheControl = "no-store";
        ModelState.Clear();
        WebhookUrl = null;
        Kinds = [.. NotificationKinds.All.Select(k => k.ToString())];
        await ListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostTestAsync(string key, Guid id)
    {
        if (await LoadAsync(key) is { } refused)
        {
            return refused;
        }

        var attempt = await settings.TestAsync(Service, id, HttpContext.RequestAborted);
        if (attempt is null)
        {
            return NotFound();
        }

        TestSucceeded = attempt.Succeeded;
        TestResult = attempt.Succeeded
            ? l["The test was delivered: the receiver answered {0}.", attempt.Status!.Value].Value
            : attempt.Status is { } status ? l["The test was not accepted: the receiver answered {0}.", status].Value : l["The test could not be delivered: {0}", attempt.Error ?? ""].Value;
        Kinds = [.. NotificationKinds.All.Select(k => k.ToString())];
        await ListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(string key, Guid id, bool enabled)
    {
        if (await LoadAsync(key) is { } refused)
        {
            return refused;
        }

        if (!await settings.SetEnabledAsync(Service.Id, id, enabled, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        TempData["Notice"] = (enabled ? l["The webhook is switched on."] : l["The webhook is switched off."]).Value;
        return RedirectToPage(new { key });
    }

    public async Task<IActionResult> OnPostDeleteAsync(string key, Guid id)
    {
        if (await LoadAsync(key) is { } refused)
        {
            return refused;
        }

        if (!await settings.DeleteWebhookAsync(Service.Id, id, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        TempData["Notice"] = l["The webhook is deleted."].Value;
        return RedirectToPage(new { key });
    }

    private async Task ListAsync()
    {
        Hooks = await settings.WebhooksAsync(Service.Id, HttpContext.RequestAborted);
        Deliveries = await settings.RecentDeliveriesAsync(Service.Id, 20, HttpContext.RequestAborted);
    }
}
