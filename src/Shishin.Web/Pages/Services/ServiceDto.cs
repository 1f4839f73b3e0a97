using Shishin.Core.Services;
using Shishin.Web.Pages.Organizations;

namespace Shishin.Web.Pages.Services;

/// <summary>A service as the API shows it (GET, and the answer to a create or update). Phases and channels by their keys.</summary>
public sealed record ServiceDto(
    string Key,
    LocalizedText Name,
    LocalizedText Description,
    string Organization,
    IReadOnlyList<string> Partners,
    IReadOnlyList<string> EntryUrls,
    string Audience,
    string Channel,
    bool Public,
    string Phase,
    IReadOnlyList<PhaseChangeDto> PhaseHistory,
    IReadOnlyList<KpiDto> Kpis,
    int Revision,
    DateTime UpdatedAt)
{
    /// <summary>Needs the owner organisation, partners (with their organisations), phase changes and KPIs loaded.</summary>
    public static ServiceDto From(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return new(
            service.Key,
            new LocalizedText(service.NameJa, service.NameEn),
            new LocalizedText(service.DescriptionJa, service.DescriptionEn),
            service.OwnerOrganization?.Key ?? "",
            [.. service.Partners.Select(p => p.Organization?.Key ?? "").Order(StringComparer.Ordinal)],
            service.EntryUrlList(),
            service.Audience,
            service.Channel.ToString().ToLowerInvariant(),
            service.IsPublic,
            service.Phase.Key(),
            [.. service.PhaseChanges.OrderBy(c => c.EnteredOn).ThenBy(c => c.RecordedAt).Select(c => new PhaseChangeDto(c.Phase.Key(), c.EnteredOn))],
            [.. service.Kpis.OrderBy(k => k.FiscalYear).Select(KpiDto.From)],
            service.Revision,
            service.UpdatedAt);
    }
}

public sealed record PhaseChangeDto(string Phase, DateOnly EnteredOn);

/// <summary>A fiscal year's procedure figures; null means not measured. <c>DigitalTakeUpPercent</c> is derived.</summary>
public sealed record KpiDto(
    int FiscalYear,
    int? AnnualApplications,
    int? DigitalApplications,
    decimal? DigitalTakeUpPercent,
    decimal? MedianCompletionMinutes,
    int? InputItems,
    int? AttachmentsRequired,
    decimal? DaysToResultNotice)
{
    /// <summary>The year's revision: send it back with <c>PUT …/kpis/{fiscalYear}</c> so a concurrent change is not overwritten.</summary>
    public int Revision { get; init; }

    public static KpiDto From(ServiceKpi kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return new(kpi.FiscalYear, kpi.AnnualApplications, kpi.DigitalApplications, kpi.DigitalTakeUpPercent,
            kpi.MedianCompletionMinutes, kpi.InputItems, kpi.AttachmentsRequired, kpi.DaysToResultNotice) { Revision = kpi.Revision };
    }
}
