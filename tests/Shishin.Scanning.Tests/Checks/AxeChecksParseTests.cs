using Shishin.Scanning.Checks;

namespace Shishin.Scanning.Tests.Checks;

/// <summary>Issue 13, point 7: what axe-core reports is kept even when the rule list does not know it yet.</summary>
public sealed class AxeChecksParseTests
{
    private static readonly Uri Page = new("https://www.example.jp/a");

    private static string Result(string id, string impact, params string[] nodeImpacts) => $$"""
        {
          "version": "4.14.0",
          "violations": [
            {
              "id": "{{id}}", "impact": {{impact}}, "help": "Help text", "helpUrl": "https://dequeuniversity.com/rules/axe/4.14/{{id}}",
              "tags": ["wcag2a", "wcag111"],
              "nodes": [{{string.Join(",", nodeImpacts.Select((n, i) => $$"""{ "target": ["#n{{i}}"], "html": "<p id=\"n{{i}}\">", "impact": {{n}}, "failureSummary": "Fix" }"""))}}]
            }
          ],
          "incomplete": []
        }
        """;

    [Fact]
    public void Parse_UnknownRuleId_IsKept_AndMarkedUncatalogued()
    {
        var (_, findings) = AxeChecks.Parse(Result("rule-from-a-newer-axe", "\"serious\"", "\"serious\""), Page);

        var finding = Assert.Single(findings);
        Assert.Equal("rule-from-a-newer-axe", finding.RuleId);
        Assert.True(finding.Uncatalogued);
        Assert.Equal(FindingImpact.Serious, finding.Impact);
        Assert.Equal(["1.1.1"], finding.Wcag);
    }

    [Fact]
    public void Parse_KnownRuleId_IsNotMarkedUncatalogued()
    {
        var (_, findings) = AxeChecks.Parse(Result("image-alt", "\"critical\"", "\"critical\""), Page);

        Assert.False(Assert.Single(findings).Uncatalogued);
    }

    [Fact]
    public void Parse_NullRuleImpact_TakesTheMostSevereNodeImpact()
    {
        var (_, findings) = AxeChecks.Parse(Result("color-contrast", "null", "\"moderate\"", "\"serious\"", "null"), Page);

        Assert.Equal(FindingImpact.Serious, Assert.Single(findings).Impact);
    }
}
