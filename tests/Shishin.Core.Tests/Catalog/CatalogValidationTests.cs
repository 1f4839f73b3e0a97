using System.Globalization;
using System.Text;
using Shishin.Core.Catalog;

namespace Shishin.Core.Tests.Catalog;

/// <summary>Each validation error, reported at the exact file, line and column where the fix belongs.</summary>
public sealed class CatalogValidationTests
{
    private const string Header = """
        version: 1.0.0
        title: { ja: テスト, en: Test }
        sources:
          - id: seed
            title: { ja: 行動指針, en: The principles }
        themes:
          - key: UX
            name: { ja: UI/UX, en: UI/UX }
            purpose: { ja: 目的, en: Purpose }
        parameters:
          - key: performance.lcp-good
            type: number
            unit: seconds
            value: 2.5
            name: { ja: LCP, en: LCP }
            description: { ja: 説明, en: Description }

        """;

    // Line 1 of the checkpoint file is "checkpoints:"; the first checkpoint's fields start on line 2, column 5.
    private const string ValidCheckpoint = """
        checkpoints:
          - id: UX-01
            theme: UX
            title: { ja: コントラスト, en: Contrast }
            guidance: { ja: 指針, en: Guidance }
            evidence: { ja: 根拠, en: Evidence }
            phases: [development, operation]
            checkType: A
            scannerRules: [color-contrast]
            parameters: [performance.lcp-good]
            mappings:
              wcag: [{ criterion: "1.4.3", version: "2.0" }]
              jis: ["7.1.4.3"]
              ukServiceStandard: [5]
              usPlaybook: [3]
              asvs: [V3]
            sources: [{ id: seed, locator: "#3" }]

        """;

    private static string Principles()
    {
        var text = new StringBuilder("principles:\n");
        for (var n = 1; n <= 10; n++)
        {
            text.Append(CultureInfo.InvariantCulture, $$"""
                  - number: {{n}}
                    label: { ja: 原則{{n}}, en: Principle {{n}} }
                    title: { ja: 題{{n}}, en: Title {{n}} }
                    summary: { ja: 要約, en: Summary }
                    background: [{ ja: 背景, en: Background }]
                    governanceCode: [{ ja: 行動, en: Conduct }]
                    example: { ja: 例, en: Example }
                    management: [{ ja: 仕組み, en: Mechanism }]
                    doNot: { ja: 禁止, en: Do not }

                """);
        }

        return text.ToString();
    }

    private static CatalogReadResult Read(string checkpoints, string? header = null) =>
        CatalogYamlReader.Read([("catalog.yaml", header ?? Header), ("principles.yaml", Principles()), ("checkpoints/ux.yaml", checkpoints)]);

    private static string Single(CatalogReadResult result)
    {
        Assert.Null(result.Document);
        var error = Assert.Single(result.Errors);
        return error.ToString();
    }

    [Fact]
    public void Valid_MinimalCatalogue_HasNoErrors()
    {
        var result = Read(ValidCheckpoint);

        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        Assert.Equal("UX-01", Assert.Single(result.Document!.Checkpoints).Id);
    }

    [Fact]
    public void DuplicateId_PointsAtTheSecondId()
    {
        var second = ValidCheckpoint.Replace("checkpoints:\n", "", StringComparison.Ordinal);

        Assert.Equal("checkpoints/ux.yaml:18:9: The checkpoint id 'UX-01' is used twice.", Single(Read(ValidCheckpoint + second)));
    }

    [Fact]
    public void UnknownPhase_PointsAtThePhase()
    {
        Assert.Equal(
            "checkpoints/ux.yaml:7:27: 'later' is not a known lifecycle phase; use one of hypothesis, service-design, requirements, development, operation.",
            Single(Read(ValidCheckpoint.Replace("[development, operation]", "[development, later]", StringComparison.Ordinal))));
    }

    [Fact]
    public void UnknownCheckType_PointsAtTheValue()
    {
        Assert.Equal(
            "checkpoints/ux.yaml:8:16: 'X' is not a known check type; use one of A, S, H.",
            Single(Read(ValidCheckpoint.Replace("checkType: A", "checkType: X", StringComparison.Ordinal))));
    }

    [Fact]
    public void MissingEnglish_PointsAtTheText()
    {
        Assert.Equal(
            "checkpoints/ux.yaml:5:15: The English text of 'guidance' is missing.",
            Single(Read(ValidCheckpoint.Replace("guidance: { ja: 指針, en: Guidance }", "guidance: { ja: 指針 }", StringComparison.Ordinal))));
    }

    [Fact]
    public void GuidanceOf100000Characters_IsRefusedAtTheText()
    {
        var guidance = new string('あ', 100_000);

        Assert.Equal(
            "checkpoints/ux.yaml:5:21: The Japanese text of 'guidance' is longer than 10000 characters.",
            Single(Read(ValidCheckpoint.Replace("ja: 指針", "ja: " + guidance, StringComparison.Ordinal))));
    }

    [Fact]
    public void EnglishTitleOf5000Characters_IsRefusedAtTheText()
    {
        var title = new string('x', 5_000);

        Assert.Equal(
            "checkpoints/ux.yaml:4:30: The English text of 'title' is longer than 200 characters.",
            Single(Read(ValidCheckpoint.Replace("en: Contrast", "en: " + title, StringComparison.Ordinal))));
    }

    [Fact]
    public void TextsAtTheLimits_AreAccepted()
    {
        var checkpoints = ValidCheckpoint
            .Replace("en: Contrast", "en: " + new string('x', CatalogValidator.MaxShortText), StringComparison.Ordinal)
            .Replace("ja: 指針", "ja: " + new string('あ', CatalogValidator.MaxLongText), StringComparison.Ordinal);

        var result = Read(checkpoints);

        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
    }

    [Fact]
    public void EmptyJapanese_PointsAtTheJapaneseText()
    {
        Assert.Equal(
            "checkpoints/ux.yaml:4:18: The Japanese text of 'title' is missing.",
            Single(Read(ValidCheckpoint.Replace("ja: コントラスト", "ja: \"\"", StringComparison.Ordinal))));
    }

    [Theory]
    [InlineData("criterion: \"1.4.3\", version: \"2.0\"", "criterion: \"1.4.99\", version: \"2.0\"", "checkpoints/ux.yaml:12:27: '1.4.99' is not a WCAG success criterion.")]
    [InlineData("criterion: \"1.4.3\", version: \"2.0\"", "criterion: \"1.4.3\", version: \"2.1\"", "checkpoints/ux.yaml:12:45: WCAG 1.4.3 was introduced in WCAG 2.0, not 2.1.")]
    [InlineData("jis: [\"7.1.4.3\"]", "jis: [\"7.1.4.10\"]", "checkpoints/ux.yaml:13:13: '7.1.4.10' is not a JIS X 8341-3:2016 success criterion (for example 7.1.4.3).")]
    [InlineData("ukServiceStandard: [5]", "ukServiceStandard: [15]", "checkpoints/ux.yaml:14:27: The UK Service Standard has points 1 to 14, not 15.")]
    [InlineData("usPlaybook: [3]", "usPlaybook: [0]", "checkpoints/ux.yaml:15:20: The US Digital Services Playbook has plays 1 to 13, not 0.")]
    [InlineData("asvs: [V3]", "asvs: [V18]", "checkpoints/ux.yaml:16:14: 'V18' is not an OWASP ASVS 5.0 chapter (V1 to V17).")]
    public void MalformedMapping_PointsAtTheCode(string valid, string malformed, string expected)
    {
        Assert.Equal(expected, Single(Read(ValidCheckpoint.Replace(valid, malformed, StringComparison.Ordinal))));
    }

    [Fact]
    public void UnknownScannerRule_PointsAtTheRule()
    {
        Assert.Equal(
            "checkpoints/ux.yaml:9:20: The scanner does not know the rule 'colour-contrast'.",
            Single(Read(ValidCheckpoint.Replace("[color-contrast]", "[colour-contrast]", StringComparison.Ordinal))));
    }

    [Fact]
    public void ScannerRuleOutsideThePlatformProfile_PointsAtTheRule()
    {
        // css-orientation-lock is experimental in axe-core: no rule profile runs it.
        Assert.Equal(
            "checkpoints/ux.yaml:9:36: The scanner rule 'css-orientation-lock' does not run under the platform's rule profile (wcag22aa, best-practice), so it can never give evidence.",
            Single(Read(ValidCheckpoint.Replace("[color-contrast]", "[color-contrast, css-orientation-lock]", StringComparison.Ordinal))));
    }

    [Fact]
    public void ScannerRulesOfThePlatformProfile_AreAccepted()
    {
        var result = Read(ValidCheckpoint.Replace("[color-contrast]", "[color-contrast, target-size, landmark-one-main, page.title]", StringComparison.Ordinal));

        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
    }

    [Theory]
    [InlineData("title: { ja: コントラスト, en: Contrast }", "title: { ja: コントラスト, en: Contrast", "checkpoints/ux.yaml:4:28: YAML syntax error: an unclosed bracket")]
    [InlineData("phases: [development, operation]", "phases: development: operation", "checkpoints/ux.yaml:7:24: YAML syntax error:")]
    [InlineData("checkType: A", "checkType: A\n\tretired: true", "checkpoints/ux.yaml:8:16: YAML syntax error:")]
    public void YamlSyntaxError_PointsAtTheBrokenPlace(string valid, string broken, string expectedStart)
    {
        var error = Single(Read(ValidCheckpoint.Replace(valid, broken, StringComparison.Ordinal)));

        Assert.StartsWith(expectedStart, error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownField_PointsAtTheKey()
    {
        Assert.StartsWith(
            "checkpoints/ux.yaml:9:5: Unknown field 'check'",
            Single(Read(ValidCheckpoint.Replace("checkType: A", "checkType: A\n    check: A", StringComparison.Ordinal))),
            StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownSourceAndParameter_AreEachReported()
    {
        var result = Read(ValidCheckpoint
            .Replace("id: seed, locator", "id: nowhere, locator", StringComparison.Ordinal)
            .Replace("[performance.lcp-good]", "[performance.unknown]", StringComparison.Ordinal));

        Assert.Equal(
            [
                "checkpoints/ux.yaml:10:18: The parameter 'performance.unknown' is not defined.",
                "checkpoints/ux.yaml:17:21: The source 'nowhere' is not listed in the catalogue's sources.",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void AutomatedWithoutRule_AndMissingPrinciple_AreReported()
    {
        var result = CatalogYamlReader.Read([("catalog.yaml", Header), ("checkpoints/ux.yaml", ValidCheckpoint.Replace("scannerRules: [color-contrast]", "scannerRules: []", StringComparison.Ordinal))]);

        Assert.Contains(result.Errors, e => e.ToString() == "checkpoints/ux.yaml:9:19: Checkpoint UX-01 is checked automatically (A) but names no scanner rule.");
        Assert.Equal(10, result.Errors.Count(e => e.Template.StartsWith("Principle {0} is missing", StringComparison.Ordinal)));
    }

    [Fact]
    public void EveryErrorInOneRun_IsReportedNotJustTheFirst()
    {
        var broken = ValidCheckpoint
            .Replace("checkType: A", "checkType: X", StringComparison.Ordinal)
            .Replace("[color-contrast]", "[colour-contrast]", StringComparison.Ordinal)
            .Replace("asvs: [V3]", "asvs: [V18]", StringComparison.Ordinal);

        Assert.Equal(3, Read(broken).Errors.Count);
    }
}
