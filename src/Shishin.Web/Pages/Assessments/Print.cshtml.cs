using Microsoft.Extensions.Localization;
using Shishin.Core.Assessments;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Assessments;

/// <summary>The report as one printable document, with a print style sheet for A4 paper.</summary>
public sealed class PrintModel(AssessmentReports reports, ServiceAccess access, IStringLocalizer<SharedResource> l)
    : AssessmentReportPage(reports, access, l);
