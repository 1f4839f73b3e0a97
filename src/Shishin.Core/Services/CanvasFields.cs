namespace Shishin.Core.Services;

/// <summary>One text field of the canvas: its stable key (used in diffs, the API and form messages) and how to read and write it.</summary>
public sealed record CanvasTextField(string Key, Func<ServiceCanvas, string> Get, Action<ServiceCanvas, string> Set);

/// <summary>
/// The canvas's fields in the order of the canvas sheet, and the rules every save checks. Hypotheses sit between the
/// operating set-up and the KPIs (<see cref="HypothesesAfter"/>), as on the sheet.
/// </summary>
public static class CanvasFields
{
    public const int MaxTextLength = 4000;
    public const int MaxHypotheses = 20;

    public const string Purpose = "purpose";
    public const string TargetUsers = "targetUsers";
    public const string Experience = "experience";
    public const string Value = "value";
    public const string AsIsJourney = "asIsJourney";
    public const string ToBeJourney = "toBeJourney";
    public const string ProcedureFlow = "procedureFlow";
    public const string Stakeholders = "stakeholders";
    public const string OperatingSetup = "operatingSetup";
    public const string Hypotheses = "hypotheses";
    public const string KpiTargets = "kpiTargets";
    public const string Risks = "risks";

    public const string Statement = "statement";
    public const string Test = "test";
    public const string Result = "result";

    /// <summary>The text field after which the hypotheses come.</summary>
    public const string HypothesesAfter = OperatingSetup;

    public static readonly IReadOnlyList<CanvasTextField> Text =
    [
        new(Purpose, c => c.Purpose, (c, v) => c.Purpose = v),
        new(TargetUsers, c => c.TargetUsers, (c, v) => c.TargetUsers = v),
        new(Experience, c => c.Experience, (c, v) => c.Experience = v),
        new(Value, c => c.Value, (c, v) => c.Value = v),
        new(AsIsJourney, c => c.AsIsJourney, (c, v) => c.AsIsJourney = v),
        new(ToBeJourney, c => c.ToBeJourney, (c, v) => c.ToBeJourney = v),
        new(ProcedureFlow, c => c.ProcedureFlow, (c, v) => c.ProcedureFlow = v),
        new(Stakeholders, c => c.Stakeholders, (c, v) => c.Stakeholders = v),
        new(OperatingSetup, c => c.OperatingSetup, (c, v) => c.OperatingSetup = v),
        new(KpiTargets, c => c.KpiTargets, (c, v) => c.KpiTargets = v),
        new(Risks, c => c.Risks, (c, v) => c.Risks = v),
    ];

    /// <summary>Every field key in the sheet's order, hypotheses included.</summary>
    public static readonly IReadOnlyList<string> Order =
    [
        Purpose, TargetUsers, Experience, Value, AsIsJourney, ToBeJourney, ProcedureFlow, Stakeholders, OperatingSetup,
        Hypotheses, KpiTargets, Risks,
    ];

    /// <summary>The fields of one hypothesis, in order.</summary>
    public static readonly IReadOnlyList<string> HypothesisFields = [Statement, Test, Result];

    public static string Of(CanvasHypothesis hypothesis, string field)
    {
        ArgumentNullException.ThrowIfNull(hypothesis);
        return field switch
        {
            Statement => hypothesis.Statement,
            Test => hypothesis.Test,
            Result => hypothesis.Result,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
        };
    }

    /// <summary>
    /// Line breaks as one character (browsers send CR LF but count it as one against maxlength) and no surrounding
    /// blanks, so a text at the limit in the browser is at the limit here too, and a save without edits changes nothing.
    /// </summary>
    public static string Normalize(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    /// <summary>A normalised copy: texts as <see cref="Normalize"/> makes them, hypotheses with no text at all left out.</summary>
    public static ServiceCanvas Normalized(ServiceCanvas canvas)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        var copy = new ServiceCanvas();
        foreach (var field in Text)
        {
            field.Set(copy, Normalize(field.Get(canvas)));
        }

        copy.Hypotheses =
        [
            .. (canvas.Hypotheses ?? []).Where(h => h is not null)
                .Select(h => new CanvasHypothesis { Statement = Normalize(h.Statement), Test = Normalize(h.Test), Result = Normalize(h.Result) })
                .Where(h => h.Statement.Length + h.Test.Length + h.Result.Length > 0),
        ];
        return copy;
    }

    /// <summary>What breaks the limits, by field key (<c>purpose</c>, <c>hypotheses[2].test</c>); empty when the canvas may be saved.</summary>
    public static IReadOnlyList<CanvasIssue> Check(ServiceCanvas canvas)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        var issues = new List<CanvasIssue>();
        foreach (var field in Text)
        {
            if (field.Get(canvas).Length > MaxTextLength)
            {
                issues.Add(new(field.Key, CanvasIssueKind.TooLong));
            }
        }

        if (canvas.Hypotheses.Count > MaxHypotheses)
        {
            issues.Add(new(Hypotheses, CanvasIssueKind.TooManyHypotheses));
        }

        for (var i = 0; i < canvas.Hypotheses.Count; i++)
        {
            foreach (var field in HypothesisFields)
            {
                if (Of(canvas.Hypotheses[i], field).Length > MaxTextLength)
                {
                    issues.Add(new($"{Hypotheses}[{i}].{field}", CanvasIssueKind.TooLong));
                }
            }
        }

        return issues;
    }

    public static bool SameContent(ServiceCanvas a, ServiceCanvas b) => CanvasDiff.Compare(a, b).IsEmpty;
}

public enum CanvasIssueKind
{
    /// <summary>A text longer than <see cref="CanvasFields.MaxTextLength"/> characters.</summary>
    TooLong,

    /// <summary>More than <see cref="CanvasFields.MaxHypotheses"/> hypotheses.</summary>
    TooManyHypotheses,
}

/// <summary>A rule a canvas breaks, by field key.</summary>
public sealed record CanvasIssue(string Field, CanvasIssueKind Kind);
