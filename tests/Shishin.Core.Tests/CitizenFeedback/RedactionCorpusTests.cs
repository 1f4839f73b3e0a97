using System.Text;
using System.Text.Json;
using Shishin.Core.CitizenFeedback;

namespace Shishin.Core.Tests.CitizenFeedback;

/// <summary>The redaction corpus (redaction-corpus.json): every case, its expected text, and what the corpus must cover.</summary>
public sealed class RedactionCorpusTests
{
    private sealed record CorpusCase(string Input, string Expected, string Note);

    private static readonly Lazy<IReadOnlyList<CorpusCase>> Corpus = new(() =>
        JsonSerializer.Deserialize<List<CorpusCase>>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "CitizenFeedback", "redaction-corpus.json")),
            JsonSerializerOptions.Web)!);

    private static readonly string[] Placeholders =
    [
        PersonalDataRedactor.EmailPlaceholder, PersonalDataRedactor.PhonePlaceholder,
        PersonalDataRedactor.MyNumberPlaceholder, PersonalDataRedactor.CardPlaceholder,
    ];

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var c in Corpus.Value)
        {
            data.Add(c.Note, c.Input, c.Expected);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Redact_CorpusCase_GivesExpectedText(string note, string input, string expected)
    {
        var result = PersonalDataRedactor.Redact(input);

        Assert.True(expected == result.Text, $"{note}: expected «{expected}», got «{result.Text}»");
        Assert.Equal(CountPlaceholders(expected), result.Redactions);
        Assert.Equal(result.Redactions, result.EmailAddresses + result.PhoneNumbers + result.MyNumbers + result.CardNumbers);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Redact_RedactedCorpusCase_FindsNothingMore(string note, string input, string expected)
    {
        _ = input;

        var again = PersonalDataRedactor.Redact(expected);

        Assert.True(again.Redactions == 0 && again.Text == expected, $"{note}: redacting the redacted text changed it");
    }

    [Fact]
    public void Corpus_Size_HasEnoughCasesNearMissesAndFullWidthForms()
    {
        var cases = Corpus.Value;
        var nearMisses = cases.Count(c => c.Input == c.Expected);
        var fullWidth = cases.Count(c => c.Input.Any(ch => ch is >= '\uFF01' and <= '\uFF5E'));
        var fullWidthNearMisses = cases.Count(c => c.Input == c.Expected && c.Input.Any(ch => ch is >= '\uFF01' and <= '\uFF5E'));

        Assert.True(cases.Count >= 120, $"{cases.Count} cases");
        Assert.True(nearMisses >= 40, $"{nearMisses} near misses");
        Assert.True(fullWidth >= 20, $"{fullWidth} cases with full-width characters");
        Assert.True(fullWidthNearMisses >= 3, $"{fullWidthNearMisses} full-width near misses");
        foreach (var placeholder in Placeholders)
        {
            Assert.True(cases.Count(c => c.Expected.Contains(placeholder, StringComparison.Ordinal)) >= 15, placeholder);
        }
    }

    [Fact]
    public void Corpus_Inputs_AreUnique() =>
        Assert.Equal(Corpus.Value.Count, Corpus.Value.Select(c => c.Input).Distinct(StringComparer.Ordinal).Count());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Redact_CorpusCase_LeavesNoDigitRunOfARedactedItem(string note, string input, string expected)
    {
        _ = expected;
        var result = PersonalDataRedactor.Redact(input);
        var kept = DigitRuns(result.Text).ToHashSet(StringComparer.Ordinal);

        // Every digit run of the input that is not in the output was redacted; none of its runs of four or more digits
        // may survive anywhere in the output (2-8-1 in an address may, "5678" of a phone may not).
        var removed = DigitRuns(input).Where(run => !kept.Contains(run)).ToList();
        foreach (var run in removed.Where(r => r.Length >= 4))
        {
            Assert.DoesNotContain(run, Digits(result.Text), StringComparison.Ordinal);
        }

        if (result.Redactions > 0)
        {
            Assert.True(removed.Count > 0 || !input.Any(IsDigit), $"{note}: a redaction removed no digits");
        }
    }

    private static int CountPlaceholders(string text) =>
        Placeholders.Sum(p => (text.Length - text.Replace(p, "", StringComparison.Ordinal).Length) / p.Length);

    private static bool IsDigit(char c) => c.ToString().Normalize(NormalizationForm.FormKC) is [>= '0' and <= '9'];

    private static string Digits(string text) =>
        new(text.Normalize(NormalizationForm.FormKC).Where(char.IsAsciiDigit).ToArray());

    private static IEnumerable<string> DigitRuns(string text)
    {
        var normalised = text.Normalize(NormalizationForm.FormKC);
        var run = new StringBuilder();
        foreach (var c in normalised)
        {
            if (char.IsAsciiDigit(c))
            {
                run.Append(c);
            }
            else if (run.Length > 0)
            {
                yield return run.ToString();
                run.Clear();
            }
        }

        if (run.Length > 0)
        {
            yield return run.ToString();
        }
    }
}
