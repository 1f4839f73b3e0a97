using Microsoft.AspNetCore.Mvc.RazorPages;
using Shishin.Core.Notifications;

namespace Shishin.Web.Pages.Admin;

/// <summary>The administrators' areas in one place (the folder's convention admits administrators only).</summary>
public sealed class IndexModel(NotificationMail notificationMail) : PageModel
{
    /// <summary>Whether notification e-mail is configured (<c>Notifications:Smtp:Host</c>); off, nothing is sent.</summary>
    public bool NotificationEmail => notificationMail.Configured;

    public void OnGet()
    {
    }
}
