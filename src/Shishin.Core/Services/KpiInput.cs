namespace Shishin.Core.Services;

/// <summary>A fiscal year's procedure figures as entered; null means not measured.</summary>
public sealed record KpiInput(
    int FiscalYear,
    int? AnnualApplications,
    int? DigitalApplications,
    decimal? MedianCompletionMinutes,
    int? InputItems,
    int? AttachmentsRequired,
    decimal? DaysToResultNotice);
