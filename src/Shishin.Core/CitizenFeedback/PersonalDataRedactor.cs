namespace Shishin.Core.CitizenFeedback;

/// <summary>What was redacted from a text, and how many times.</summary>
public sealed record RedactionResult(string Text, int Redactions);

/// <summary>
/// Replaces personal data in free text (e-mail addresses, Japanese phone numbers, My Number, payment card numbers) with
/// typed placeholders such as [メールアドレス] before the text is stored or logged anywhere.
/// </summary>
public static class PersonalDataRedactor
{
    // Placeholder until the redaction engine lands: callers are written against this signature.
    public static RedactionResult Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new RedactionResult(text, 0);
    }
}
