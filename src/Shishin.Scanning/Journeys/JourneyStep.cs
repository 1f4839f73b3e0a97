using System.Globalization;

namespace Shishin.Scanning.Journeys;

/// <summary>What a step of a steps file does.</summary>
internal enum StepAction
{
    Goto,
    Fill,
    Select,
    Check,
    Uncheck,
    Click,
    WaitFor,
    WaitForUrl,
    Scan,
}

/// <summary>
/// One step of a journey, with where it stands in its file. <paramref name="Value"/> is the text to fill or the option
/// to select, with <c>${env:NAME}</c> already replaced: it may be a secret, so no message quotes it.
/// </summary>
internal sealed record JourneyStep(int Number, StepAction Action, string? Selector, string? Value, Uri? Url, string? Name, string File, int Line, int Column)
{
    /// <summary>The keyword as written in the file.</summary>
    public string Keyword => Action switch
    {
        StepAction.WaitFor => "wait-for",
        StepAction.WaitForUrl => "wait-for-url",
        _ => Action.ToString().ToLowerInvariant(),
    };

    /// <summary>E.g. <c>step 4 (click "#next", apply.yaml:12:5)</c>: what a person needs to find the step; never its value.</summary>
    public string Describe()
    {
        var target = Action switch
        {
            StepAction.Goto => Url?.AbsoluteUri,
            StepAction.WaitForUrl => Name,
            StepAction.Scan => Name,
            _ => Selector,
        };
        var what = target is null ? Keyword : $"{Keyword} \"{target}\"";
        return string.Create(CultureInfo.InvariantCulture, $"step {Number} ({what}, {Path.GetFileName(File)}:{Line}:{Column})");
    }
}

/// <summary>A parsed steps file: its steps and the secrets its values took from the environment.</summary>
internal sealed record Journey(string File, IReadOnlyList<JourneyStep> Steps, IReadOnlyList<string> Secrets);
