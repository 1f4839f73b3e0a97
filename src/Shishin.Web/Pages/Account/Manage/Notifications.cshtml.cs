using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Identity;
using Shishin.Core.Notifications;
using Shishin.Web.Pages.Notifications;

namespace Shishin.Web.Pages.Account.Manage;

/// <summary>The signed-in user's notifications, one row per service; each is changed on the service's notifications page.</summary>
public sealed class NotificationsModel(NotificationSettings settings, UserManager<ShishinUser> users, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<MySubscription> Subscriptions { get; private set; } = [];
    public NotificationLabels Labels { get; } = new(l);
    public bool EmailConfigured => settings.EmailConfigured;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Guid.TryParse(users.GetUserId(User), out var userId))
        {
            return Challenge();
        }

        Subscriptions = await settings.MineAsync(userId, HttpContext.RequestAborted);
        return Page();
    }
}
