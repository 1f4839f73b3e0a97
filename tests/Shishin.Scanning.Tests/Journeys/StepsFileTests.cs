using Shishin.Scanning.Checks;
using Shishin.Scanning.Journeys;

namespace Shishin.Scanning.Tests.Journeys;

/// <summary>The steps language, its errors, the storage state reader and the sign-out filter, without a browser.</summary>
public sealed class StepsFileTests
{
    private static readonly Uri[] Start = [new("https://apply.example.jp/start")];

    private static readonly Dictionary<string, string> Environment = new(StringComparer.Ordinal) { ["SHISHIN_PASSWORD"] = "pw-Secret-4410" };

    private static Journey Parse(string yaml) => StepsFile.Parse(yaml, "steps.yaml", Start, name => Environment.GetValueOrDefault(name));

    [Fact]
    public void Parse_EveryKeyword_GivesItsStepWithTheEnvironmentValueAsASecret()
    {
        var journey = Parse("""
            steps:
              - goto: /apply/
              - fill: { selector: "#password", value: "${env:SHISHIN_PASSWORD}" }
              - select: { selector: "#ward", value: minato }
              - check: "#agree"
              - uncheck: "#news"
              - click: "text=Next"
              - wait-for: "#step-2"
              - wait-for-url: "**/apply/2"
              - scan: Step 2
              - scan
            """);

        Assert.Equal(
            [StepAction.Goto, StepAction.Fill, StepAction.Select, StepAction.Check, StepAction.Uncheck, StepAction.Click, StepAction.WaitFor, StepAction.WaitForUrl, StepAction.Scan, StepAction.Scan],
            journey.Steps.Select(s => s.Action));
        Assert.Equal(new Uri("https://apply.example.jp/apply/"), journey.Steps[0].Url);
        Assert.Equal("pw-Secret-4410", journey.Steps[1].Value);
        Assert.Equal(["pw-Secret-4410"], journey.Secrets);
        Assert.Equal("Step 2", journey.Steps[8].Name);
        Assert.Equal("scan 10", journey.Steps[9].Name);
        Assert.Equal("step 2 (fill \"#password\", steps.yaml:3:5)", journey.Steps[1].Describe());
    }

    [Fact]
    public void Parse_Errors_AreAllReportedWithFileLineAndColumn_AndNoSecret()
    {
        var e = Assert.Throws<ScanException>(() => Parse("""
            steps:
              - goto: https://elsewhere.example.com/
              - fil: "#name"
              - fill: { selector: "#password" }
              - fill: { selector: "#x", value: "${env:SHISHIN_MISSING}" }
              - click: "#next"
            """));

        Assert.Equal(ScanFailure.InvalidSteps, e.Failure);
        Assert.Contains("steps.yaml:2:11: goto leaves the start URLs' origins (https://apply.example.jp).", e.Message, StringComparison.Ordinal);
        Assert.Contains("steps.yaml:3:5: unknown step \"fil\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("steps.yaml:4:11: fill needs both \"selector\" and \"value\".", e.Message, StringComparison.Ordinal);
        Assert.Contains("steps.yaml:5:36: the environment variable SHISHIN_MISSING is not set.", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw-Secret-4410", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("The steps file has 4 error(s):", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SyntaxError_GivesItsPlace()
    {
        var e = Assert.Throws<ScanException>(() => Parse("steps:\n  - fill: { selector: \"#a\", value: x\n  - scan\n"));

        Assert.Matches(@"steps\.yaml:\d+:\d+: YAML syntax error", e.Message);
    }

    [Fact]
    public void Parse_NoScanStep_IsAnError()
    {
        var e = Assert.Throws<ScanException>(() => Parse("steps:\n  - goto: /\n"));

        Assert.Contains("steps.yaml:2:3: there is no scan step", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AuthState_NotAStorageState_FailsWithTheFileNameAndNoValue()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{\"cookies\": [{\"name\": \"sid\", \"value\": \"sv-8812-secret\"}]}");

            var e = Assert.Throws<ScanException>(() => AuthState.Load(path, Start));

            Assert.Equal(ScanFailure.InvalidAuthState, e.Failure);
            Assert.Equal($"The storage state {path} cannot be used: cookies[0] needs the strings \"name\", \"value\" and \"domain\".", e.Message);

            File.WriteAllText(path, "{\"cookies\": [sv-8812-secret]}");
            e = Assert.Throws<ScanException>(() => AuthState.Load(path, Start));
            Assert.DoesNotContain("sv-8812", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AuthState_OtherSitesCookiesAndStorage_AreLeftOut()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """
                {"cookies": [
                  {"name": "sid", "value": "a", "domain": "apply.example.jp", "path": "/"},
                  {"name": "wide", "value": "b", "domain": ".example.jp", "path": "/"},
                  {"name": "idp", "value": "c", "domain": "login.example.com", "path": "/"}],
                 "origins": [
                  {"origin": "https://apply.example.jp", "localStorage": [{"name": "k", "value": "v"}]},
                  {"origin": "https://login.example.com", "localStorage": [{"name": "k", "value": "w"}]}]}
                """);

            var state = AuthState.Load(path, Start);

            Assert.Contains("\"sid\"", state, StringComparison.Ordinal);
            Assert.Contains("\"wide\"", state, StringComparison.Ordinal);
            Assert.DoesNotContain("idp", state, StringComparison.Ordinal);
            Assert.DoesNotContain("login.example.com", state, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("/account/logout", "Leave", true)]
    [InlineData("/account/end", "ログアウト", true)]
    [InlineData("/account/end", "<span>Sign out</span>", true)]
    [InlineData("/account/end", "<svg aria-label=\"Log out\"></svg>", true)]
    [InlineData("/blog/outline", "Blog outline", false)]
    [InlineData("/account/catalogue", "Catalogue", false)]
    public void SignOutLinks_DefaultPatterns_MatchPathOrText(string path, string content, bool signOut)
    {
        var filter = SignOutLinks.For(new ScanOptions { StartUrls = Start, Cookies = [new ScanCookie("sid", "1")] })!;
        var link = new PageLink("https://apply.example.jp" + path, "a", $"<a href=\"{path}\">{content}</a>");

        Assert.Equal(signOut, filter.IsSignOut(link));
    }

    [Fact]
    public void SignOutLinks_WithoutASession_FollowsEverything() =>
        Assert.Null(SignOutLinks.For(new ScanOptions { StartUrls = Start }));

    [Theory]
    [InlineData("X-Api-Key: abc def", true)]
    [InlineData("Authorization: Bearer x.y.z", true)]
    [InlineData("Cookie: a=b", false)]
    [InlineData("Host: evil.example", false)]
    [InlineData("No colon", false)]
    public void ScanHeader_Parse_AcceptsOnlyHeadersAClientMaySet(string text, bool valid)
    {
        Assert.Equal(valid, ScanHeader.Parse(text) is not null);
        if (ScanHeader.Parse(text) is { } header)
        {
            Assert.DoesNotContain(header.Value, header.ToString(), StringComparison.Ordinal);
        }
    }
}
