using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Services;
using Shishin.Core.Uptime;
using Shishin.Web.Infrastructure;
using Shishin.Web.Pages.Status;

namespace Shishin.Web.Pages.Services;

/// <summary>
/// A service's status page: each entry URL's state and certificate, the open incident, availability per day (30 or 90
/// days) and per month, and past incidents with their timelines. Public for public services; an internal service's
/// page answers 404 to anyone who may not see the service.
/// </summary>
[AllowAnonymous]
public sealed class StatusModel(ServiceDirectory directory, ServiceAccess access, UptimeStatusReader reader, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The periods the daily table offers; anything else shows the first.</summary>
    public static readonly int[] Periods = [30, 90];

    public Service Service { get; private set; } = default!;

    public ServiceUptime Uptime { get; private set; } = default!;

    public int Days { get; private set; } = Periods[0];

    public UptimeLabels Labels { get; } = new(l);

    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public async Task<IActionResult> OnGetAsync(string key, [FromQuery] string? days, CancellationToken cancellationToken)
    {
        var scope = await access.ScopeAsync(User.ToViewer(), cancellationToken);
        var service = await directory.FindAsync(key, scope, cancellationToken);
        if (service is null)
        {
            return NotFound();
        }

        // A bad period is not an error worth a message: the default is shown.
        Days = int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var asked) && Periods.Contains(asked) ? asked : Periods[0];
        Service = service;
        Uptime = await reader.ServiceAsync(service.Id, Days, cancellationToken);
        return Page();
    }

    /// <summary>Days from now to a certificate's expiry (negative once expired).</summary>
    public static int DaysLeft(DateTime expiresUtc) => (int)Math.Floor((DateTime.SpecifyKind(expiresUtc, DateTimeKind.Utc) - DateTime.UtcNow).TotalDays);
}
