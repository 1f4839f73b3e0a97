namespace Shishin.Core.Services;

/// <summary>
/// A procedure's figures for one fiscal year (年度, April to March, named by the year it starts). Each figure is
/// optional: an unknown figure is shown as not measured, never as 0. Take-up is derived, never stored.
/// </summary>
public class ServiceKpi
{
    public Guid ServiceId { get; set; }
    public int FiscalYear { get; set; }
    public int? AnnualApplications { get; set; }
    public int? DigitalApplications { get; set; }
    public decimal? MedianCompletionMinutes { get; set; }
    public int? InputItems { get; set; }
    public int? AttachmentsRequired { get; set; }
    public decimal? DaysToResultNotice { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Revision { get; set; }

    /// <summary>Digital applications as a percentage of all applications, or null when either is unknown or there were none.</summary>
    public decimal? DigitalTakeUpPercent =>
        AnnualApplications is > 0 && DigitalApplications is { } digital
            ? Math.Round(100m * digital / AnnualApplications.Value, 1, MidpointRounding.AwayFromZero)
            : null;
}
