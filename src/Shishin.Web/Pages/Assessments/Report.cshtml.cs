using Microsoft.Extensions.Localization;
using Shishin.Core.Assessments;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Assessments;

/// <summary>The report of one assessment: published, for everyone who may see the service; otherwise for the team and reviewers.</summary>
public sealed class ReportModel(AssessmentReports reports, ServiceAccess access, IStringLocalizer<SharedResource> l)
    : AssessmentReportPage(reports, access, l);
