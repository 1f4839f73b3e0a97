using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core.Auditing;
using Shishin.Core.Scans;
using Shishin.Core.Services;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Services.Scans;

/// <summary>
/// A service's scans: its runs for whoever sees the service; its scan profiles for the team; "Scan now" for those who
/// edit it. Starting a scan queues a Quartz job and is audited; the visitor lands on the run's progress page.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(ServiceDirectory directory, ServiceAccess access, ScanProfiles profiles, ScanHistory history,
    ScanDispatcher dispatcher, AuditLog audit, IStringLocalizer<SharedResource> l) : ServicePageModel(directory, access)
{
    public const int RunsShown = 50;

    public ScanLabels Labels { get; } = new(l);
    public IReadOnlyList<ScanProfile> Profiles { get; private set; } = [];
    public IReadOnlyList<ScanRun> Runs { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> ProfileNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(string key)
    {
        if (await LoadAsync(key, ServiceRight.Summary) is { } refused)
        {
            return refused;
        }

        await ListAsync();
        return Page();
    }

    /// <summary>Queues a run of the chosen profile now (the profile's settings, no overrides).</summary>
    public async Task<IActionResult> OnPostScanNowAsync(string key, Guid profile)
    {
        if (await LoadAsync(key, ServiceRight.Edit) is { } refused)
        {
            return refused;
        }

        var chosen = await profiles.FindAsync(Service.Id, profile, HttpContext.RequestAborted);
        if (chosen is null)
        {
            TempData["Notice"] = l["That scan profile no longer exists."].Value;
            return RedirectToPage("/Services/Scans/Index", new { key });
        }

        var viewer = User.ToViewer();
        var name = User.FindFirst(ShishinClaims.DisplayName)?.Value ?? User.Identity?.Name ?? "";
        var run = await dispatcher.QueueAsync(chosen, ScanTrigger.OnDemand, null, viewer.UserId, name, HttpContext.RequestAborted);
        await audit.RecordAsync("scan.requested", nameof(ScanRun), run.Id.ToString(),
            new { Service = Service.Key, Profile = chosen.Id, ProfileName = chosen.Name }, HttpContext.RequestAborted);
        return RedirectToPage("/Services/Scans/Run", new { key, id = run.Id });
    }

    private async Task ListAsync()
    {
        var all = await profiles.ListAsync(Service.Id, HttpContext.RequestAborted);
        ProfileNames = all.ToDictionary(p => p.Id, p => p.Name);
        Profiles = CanReadTeamDetail ? all : [];
        Runs = await history.RunsAsync(Service.Id, RunsShown, HttpContext.RequestAborted);
    }

    /// <summary>The profile's start URLs as shown: its own, or the service's entry URLs it falls back to.</summary>
    public IReadOnlyList<string> StartUrls(ScanProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.StartUrlList() is { Count: > 0 } own ? own : Service.EntryUrlList();
    }
}
