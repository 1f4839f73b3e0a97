using System.ComponentModel.DataAnnotations;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services;

/// <summary>A fiscal year's figures as typed; an empty box is "not measured".</summary>
public sealed class KpiForm
{
    [Required(ErrorMessage = "Enter a fiscal year.")]
    [Display(Name = "Fiscal year")]
    public int? FiscalYear { get; set; }

    [Display(Name = "Annual applications")]
    public int? AnnualApplications { get; set; }

    [Display(Name = "Digital applications")]
    public int? DigitalApplications { get; set; }

    [Display(Name = "Median completion time (minutes)")]
    public decimal? MedianCompletionMinutes { get; set; }

    [Display(Name = "Input items")]
    public int? InputItems { get; set; }

    [Display(Name = "Attachments required")]
    public int? AttachmentsRequired { get; set; }

    [Display(Name = "Days to result notice")]
    public decimal? DaysToResultNotice { get; set; }

    public KpiInput ToInput() => new(FiscalYear ?? 0, AnnualApplications, DigitalApplications, MedianCompletionMinutes, InputItems, AttachmentsRequired, DaysToResultNotice);

    public static KpiForm From(ServiceKpi kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return new()
        {
            FiscalYear = kpi.FiscalYear,
            AnnualApplications = kpi.AnnualApplications,
            DigitalApplications = kpi.DigitalApplications,
            MedianCompletionMinutes = kpi.MedianCompletionMinutes,
            InputItems = kpi.InputItems,
            AttachmentsRequired = kpi.AttachmentsRequired,
            DaysToResultNotice = kpi.DaysToResultNotice,
        };
    }
}
