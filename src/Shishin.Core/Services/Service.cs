using Shishin.Core.Organizations;

namespace Shishin.Core.Services;

/// <summary>
/// One digital service of a bureau or municipality (a procedure, a website, an app): what the register, assessments,
/// scans and feedback hang on. <see cref="Key"/> is stable and appears in URLs and the API.
/// </summary>
public class Service
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Stable slug, lower-case letters, digits and hyphens, e.g. <c>chiyoda-nursery-application</c>.</summary>
    public required string Key { get; set; }

    public required string NameJa { get; set; }
    public required string NameEn { get; set; }
    public string DescriptionJa { get; set; } = "";
    public string DescriptionEn { get; set; } = "";

    public Guid OwnerOrganizationId { get; set; }
    public Organization? OwnerOrganization { get; set; }

    /// <summary>Partner companies (vendors) that build or run the service; their Partner users may see and self-assess it.</summary>
    public List<ServicePartner> Partners { get; set; } = [];

    /// <summary>Absolute http(s) URLs where users start the service, separated by single spaces.</summary>
    public string EntryUrls { get; set; } = "";

    /// <summary>Who the service is for, in the owner's words (都民, 事業者, 職員 …).</summary>
    public string Audience { get; set; } = "";

    public ServiceChannel Channel { get; set; }

    /// <summary>An internal service is seen only by those allowed to: never in public lists, search, API or counts.</summary>
    public bool IsPublic { get; set; }

    /// <summary>The current phase; every change is recorded in <see cref="PhaseChanges"/>.</summary>
    public ServicePhase Phase { get; set; }

    public List<ServicePhaseChange> PhaseChanges { get; set; } = [];
    public List<ServiceKpi> Kpis { get; set; } = [];

    /// <summary>Part of the demo data set (<c>shishin demo seed</c>); <c>shishin demo remove</c> deletes exactly these.</summary>
    public bool IsDemo { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Raised on every edit: two people editing at once cannot overwrite each other (optimistic concurrency).</summary>
    public int Revision { get; set; }

    public string Name(bool english) => english ? NameEn : NameJa;

    public string Description(bool english) => english ? DescriptionEn : DescriptionJa;

    public IReadOnlyList<string> EntryUrlList() => EntryUrls.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
