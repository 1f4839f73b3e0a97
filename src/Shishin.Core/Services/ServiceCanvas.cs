namespace Shishin.Core.Services;

/// <summary>
/// The fields of the service canvas (東京都サービスキャンバス), stored as JSON in <see cref="ServiceCanvasRevision.Content"/>.
/// Free text in the team's own language; hypotheses are a list because each is tested and answered on its own (#9).
/// </summary>
public sealed class ServiceCanvas
{
    public string Purpose { get; set; } = "";
    public string TargetUsers { get; set; } = "";
    public string Experience { get; set; } = "";
    public string Value { get; set; } = "";
    public string AsIsJourney { get; set; } = "";
    public string ToBeJourney { get; set; } = "";
    public string ProcedureFlow { get; set; } = "";
    public string Stakeholders { get; set; } = "";
    public string OperatingSetup { get; set; } = "";
    public List<CanvasHypothesis> Hypotheses { get; set; } = [];
    public string KpiTargets { get; set; } = "";
    public string Risks { get; set; } = "";
}

/// <summary>A hypothesis, how it will be tested, and what the test showed (empty until tested).</summary>
public sealed class CanvasHypothesis
{
    public string Statement { get; set; } = "";
    public string Test { get; set; } = "";
    public string Result { get; set; } = "";
}
