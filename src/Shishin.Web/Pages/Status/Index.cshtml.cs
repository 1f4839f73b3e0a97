using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Data;
using Shishin.Core.Services;
using Shishin.Core.Uptime;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Status;

/// <summary>
/// The status of all services (#5 BCP): each service with probed entry URLs, where it stands now and its availability
/// over the last 30 days. Anonymous visitors see the public services; the signed-in also those they may see.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(ShishinDbContext db, ServiceAccess access, UptimeStatusReader reader, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<ServiceUptimeRow> Rows { get; private set; } = [];

    public UptimeLabels Labels { get; } = new(l);

    public bool English { get; } = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = await access.ScopeAsync(User.ToViewer(), cancellationToken);
        var rows = await reader.OverviewAsync(scope.Visible(db.Services), cancellationToken);
        // Services in trouble first, then by name in the reader's language.
        Rows = [.. rows.OrderByDescending(r => r.State).ThenBy(r => r.Service.Name(English), StringComparer.CurrentCulture)];
    }
}
