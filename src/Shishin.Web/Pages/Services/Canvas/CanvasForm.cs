using System.ComponentModel.DataAnnotations;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services.Canvas;

/// <summary>
/// The canvas as the edit form posts it, with the revision the editor started from. Texts are normalised as they are
/// bound (line breaks as one character), so the length the browser allows is the length checked here.
/// </summary>
public sealed class CanvasForm
{
    private const string TooLong = "Use at most {1} characters.";

    private string purpose = "", targetUsers = "", experience = "", value = "", asIsJourney = "", toBeJourney = "",
        procedureFlow = "", stakeholders = "", operatingSetup = "", kpiTargets = "", risks = "";

    /// <summary>The revision the editor started from; 0 when the service had no canvas.</summary>
    public int BaseRevision { get; set; }

    [Display(Name = "Purpose and problem")]
    [StringLength(CanvasFields.MaxTextLength, ErrorMessage = TooLong)]
    public string? Purpose { get => purpose; set => purpose = CanvasFields.Normalize(value); }

    [Display(Name = "Target users and personas")]
    [StringLength(CanvasFields.MaxTextLength, ErrorMessage = TooLong)]
    public string? TargetUsers { get => targetUsers; set => targetUsers = CanvasFields.Normalize(value); }

    [Display(Name = "The experience they seek")]
    [StringLength(CanvasFields.MaxTextLength, ErrorMessage = TooLong)]
    public string? Experience { get => experience; set => experience = CanvasFields.Normalize(value); }

    [Display(Name = "Value to them")]
    [StringLength(CanvasFields.MaxTextLength, ErrorMessage = TooLong)]
    public string? Value { get => this.value; set => this.value = CanvasFields.Normalize(value); }

    [Display(Name = "As-is journey")]
    [StringLength(CanvasFields.MaxTextLength, ErrorMessage = TooLong)]
    public string? AsIsJourney { get => asIsJourney; set => asIsJourney = CanvasFields.Normalize(value); }

    [Display(Name = "To-be journey")]
    [StringLength(CanvasFields.MaxTextLength, ErrorMessage = TooLong)]
    public string? ToBeJourney { get => toBeJourney; set => toBeJourney = CanvasFields.Normalize(value); }

    [Display(Name = "Procedure flow")]
    [StringLength(CanvasFields.MaxTextLength, ErrorMessage = TooLong)]
    public string? ProcedureFlow { get => procedureFlow; set => procedureFlow = CanvasFields.Normalize(value); }

    [Display(Name = "Stakeholders in other organisations")]
    [StringLength(CanvasFields.MaxTextLength, ErrorMessage = TooLong)]
    public string? Stakeholders { get => stakeholders; set => stakeholders = CanvasFields.Normalize(value); }

    [Display(Name = "Operating set-up")]
    [StringLength(CanvasFields.MaxTextLength, ErrorMessage = TooLong)]
    public string? OperatingSetup { get => operatingSetup; set => operatingSetup = CanvasFields.Normalize(value); }

    public List<HypothesisForm> Hypotheses { get; set; } = [];

    [Display(Name = "KPIs and targets")]
    [StringLength(CanvasFields.MaxTextLength, ErrorMessage = TooLong)]
    public string? KpiTargets { get => kpiTargets; set => kpiTargets = CanvasFields.Normalize(value); }

    [Display(Name = "Risks")]
    [StringLength(CanvasFields.MaxTextLength, ErrorMessage = TooLong)]
    public string? Risks { get => risks; set => risks = CanvasFields.Normalize(value); }

    /// <summary>The form's property for a canvas field key (<c>purpose</c> → <c>Purpose</c>), for the page's fields and messages.</summary>
    public static string PropertyOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return char.ToUpperInvariant(key[0]) + key[1..];
    }

    /// <summary>The hypotheses that hold any text: rows left empty are not hypotheses.</summary>
    public int FilledHypotheses => Hypotheses.Count(h => !h.IsEmpty);

    public ServiceCanvas ToCanvas() => new()
    {
        Purpose = purpose,
        TargetUsers = targetUsers,
        Experience = experience,
        Value = value,
        AsIsJourney = asIsJourney,
        ToBeJourney = toBeJourney,
        ProcedureFlow = procedureFlow,
        Stakeholders = stakeholders,
        OperatingSetup = operatingSetup,
        Hypotheses = [.. Hypotheses.Where(h => !h.IsEmpty).Select(h => new CanvasHypothesis { Statement = h.Statement ?? "", Test = h.Test ?? "", Result = h.Result ?? "" })],
        KpiTargets = kpiTargets,
        Risks = risks,
    };

    public static CanvasForm From(ServiceCanvas canvas, int baseRevision)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        return new()
        {
            BaseRevision = baseRevision,
            Purpose = canvas.Purpose,
            TargetUsers = canvas.TargetUsers,
            Experience = canvas.Experience,
            Value = canvas.Value,
            AsIsJourney = canvas.AsIsJourney,
            ToBeJourney = canvas.ToBeJourney,
            ProcedureFlow = canvas.ProcedureFlow,
            Stakeholders = canvas.Stakeholders,
            OperatingSetup = canvas.OperatingSetup,
            Hypotheses = [.. canvas.Hypotheses.Select(h => new HypothesisForm { Statement = h.Statement, Test = h.Test, Result = h.Result })],
            KpiTargets = canvas.KpiTargets,
            Risks = canvas.Risks,
        };
    }
}

/// <summary>One hypothesis row of the form.</summary>
public sealed class HypothesisForm
{
    private string statement = "", test = "", result = "";

    [Display(Name = "Hypothesis")]
    [StringLength(CanvasFields.MaxTextLength, ErrorMessage = "Use at most {1} characters.")]
    public string? Statement { get => statement; set => statement = CanvasFields.Normalize(value); }

    [Display(Name = "How it will be tested")]
    [StringLength(CanvasFields.MaxTextLength, ErrorMessage = "Use at most {1} characters.")]
    public string? Test { get => test; set => test = CanvasFields.Normalize(value); }

    [Display(Name = "Result of the test")]
    [StringLength(CanvasFields.MaxTextLength, ErrorMessage = "Use at most {1} characters.")]
    public string? Result { get => result; set => result = CanvasFields.Normalize(value); }

    public bool IsEmpty => statement.Length + test.Length + result.Length == 0;
}
