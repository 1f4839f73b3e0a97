namespace Shishin.Scanning.Tests.Fixtures;

/// <summary>
/// The steps files of the fixture site's application journey (<see cref="FixtureSite"/>), shared by the scanner's tests
/// and the CLI's (which links this file), with the secrets the steps take from the environment.
/// </summary>
public static class JourneySteps
{
    /// <summary>What the applicant's name is in the form: a secret from the environment that step 2 shows back.</summary>
    public const string Applicant = "Hanako Confidential-93af";

    /// <summary>Signs in with the password from the environment, fills step 1 with the name, and scans steps 1 and 2.</summary>
    public const string ToStep2 = """
        steps:
          - goto: /journeys/sign-in
          - fill: { selector: "#user", value: hanako }
          - fill: { selector: "#password", value: "${env:SHISHIN_TEST_JOURNEY_PASSWORD}" }
          - click: "#sign-in"
          - wait-for-url: "**/journeys/apply/1"
          - scan: Step 1
          - fill: { selector: "#name", value: "${env:SHISHIN_TEST_APPLICANT}" }
          - select: { selector: "#ward", value: chiyoda }
          - check: "#agree"
          - click: "#next"
          - wait-for-url: "**/journeys/apply/2"
          - scan: Step 2
        """;

    /// <summary>The whole application form: <see cref="ToStep2"/>, then step 2 filled and the confirmation scanned as step 3.</summary>
    public const string Application = ToStep2 + "\n" + """
          - fill: { selector: "#phone", value: "03-5321-1111" }
          - click: "#next"
          - wait-for: "text=Your application has been received"
          - scan: Step 3
        """;

    /// <summary>Puts the journey's secrets where a steps file takes them from: the environment.</summary>
    public static void SetSecrets()
    {
        Environment.SetEnvironmentVariable("SHISHIN_TEST_JOURNEY_PASSWORD", FixtureSite.JourneyPassword);
        Environment.SetEnvironmentVariable("SHISHIN_TEST_APPLICANT", Applicant);
    }
}
