using Microsoft.Extensions.Localization;
using Shishin.Core.Services;
using Shishin.Web.Pages.Catalog;

namespace Shishin.Web.Pages.Services.Canvas;

/// <summary>The canvas's field names and hints in the reader's language, by field key (<see cref="CanvasFields"/>).</summary>
public sealed class CanvasLabels(IStringLocalizer<SharedResource> l)
{
    public string Field(string key) => key switch
    {
        CanvasFields.Purpose => l["Purpose and problem"],
        CanvasFields.TargetUsers => l["Target users and personas"],
        CanvasFields.Experience => l["The experience they seek"],
        CanvasFields.Value => l["Value to them"],
        CanvasFields.AsIsJourney => l["As-is journey"],
        CanvasFields.ToBeJourney => l["To-be journey"],
        CanvasFields.ProcedureFlow => l["Procedure flow"],
        CanvasFields.Stakeholders => l["Stakeholders in other organisations"],
        CanvasFields.OperatingSetup => l["Operating set-up"],
        CanvasFields.Hypotheses => l["Hypotheses, how each is tested, result"],
        CanvasFields.KpiTargets => l["KPIs and targets"],
        CanvasFields.Risks => l["Risks"],
        CanvasFields.Statement => l["Hypothesis"],
        CanvasFields.Test => l["How it will be tested"],
        CanvasFields.Result => l["Result of the test"],
        _ => key,
    };

    public string Hint(string key) => key switch
    {
        CanvasFields.Purpose => l["Why the service exists and which problem of its users or of Tokyo it solves."],
        CanvasFields.TargetUsers => l["Who uses it: describe one or more personas with their situation and needs."],
        CanvasFields.Experience => l["What users want to achieve and what they expect it to be like."],
        CanvasFields.Value => l["What users gain compared with today: time, effort, certainty."],
        CanvasFields.AsIsJourney => l["The steps users go through today, and where they get stuck."],
        CanvasFields.ToBeJourney => l["The steps users will go through once the service is improved."],
        CanvasFields.ProcedureFlow => l["The administrative procedure behind the service: application, checks, decision, notice."],
        CanvasFields.Stakeholders => l["Other bureaus, municipalities, national agencies and companies involved, and what each does (Principle 6)."],
        CanvasFields.OperatingSetup => l["Who runs and improves the service: roles, partner companies, budget."],
        CanvasFields.Hypotheses => l["What you believe to be true, how you will test each belief, and what the test showed (Principle 9). Leave the result empty until it is tested; to remove a hypothesis, clear its fields."],
        CanvasFields.KpiTargets => l["The measures of success with their current values and targets."],
        CanvasFields.Risks => l["What could stop the service from succeeding, and how you will respond."],
        _ => "",
    };

    public string Revision(int number) => l["Revision {0}", number];

    public string HypothesisNumber(int number) => l["Hypothesis {0}", number];

    /// <summary>A hypothesis whose place in the list changed between two revisions.</summary>
    public string HypothesisMoved(int number, int before) => l["Hypothesis {0} (previously {1})", number, before];

    /// <summary>"Revision 3, saved by 山田 花子 on 2025-06-01 10:00 (Japan time)".</summary>
    public string Saved(int number, string author, DateTime createdAt) =>
        l["Revision {0}, saved by {1} on {2} (Japan time)", number, author.Length > 0 ? author : l["(name not recorded)"], CatalogLabels.Tokyo(createdAt)];

    public string Change(CanvasItemChange change) => change switch
    {
        CanvasItemChange.Added => l["Added"],
        CanvasItemChange.Removed => l["Removed"],
        CanvasItemChange.Changed => l["Changed"],
        _ => l["Same as before"],
    };

    public static string ChangeTag(CanvasItemChange change) => change switch
    {
        CanvasItemChange.Added => "tag tag--success",
        CanvasItemChange.Removed => "tag tag--danger",
        CanvasItemChange.Changed => "tag tag--warning",
        _ => "tag tag--neutral",
    };
}
