namespace Shishin.Web.Pages.Services;

/// <summary>
/// The body of <c>PUT /api/v1/services/{key}/kpis/{fiscalYear}</c>: null or missing figures are not measured.
/// <c>revision</c> is the year's revision the client read, or null for a year not recorded yet.
/// </summary>
public sealed record KpiWriteRequest(
    int? AnnualApplications,
    int? DigitalApplications,
    decimal? MedianCompletionMinutes,
    int? InputItems,
    int? AttachmentsRequired,
    decimal? DaysToResultNotice,
    int? Revision);
