using System.ComponentModel.DataAnnotations;
using System.Net.Mail;

namespace Shishin.Web.Infrastructure;

/// <summary>
/// Who runs this instance and how to reach them (<c>Shishin:*</c>): shown on the contact, privacy and accessibility
/// pages and in <c>/.well-known/security.txt</c>. Every value is optional; the pages say so when one is missing.
/// </summary>
public sealed class SiteOptions : IValidatableObject
{
    public const string SectionName = "Shishin";

    /// <summary>The organisation that runs this instance, e.g. 東京都デジタルサービス局.</summary>
    public string? OperatorName { get; set; }

    /// <summary>Where people write about the service (and about personal data and accessibility).</summary>
    public string? ContactEmail { get; set; }

    /// <summary>security.txt's Contact: an e-mail address, a mailto: or an https: URI. Without it, security.txt is 404.</summary>
    public string? SecurityContact { get; set; }

    /// <summary>security.txt's Expires (RFC 9116 asks for less than a year ahead). Required with <see cref="SecurityContact"/>.</summary>
    public DateTimeOffset? SecurityTxtExpires { get; set; }

    /// <summary>The date of the last accessibility test of this instance, shown in the accessibility statement.</summary>
    public DateOnly? AccessibilityTestedOn { get; set; }

    /// <summary>security.txt's Contact as a URI, or null when none is configured.</summary>
    public Uri? SecurityContactUri => string.IsNullOrWhiteSpace(SecurityContact) ? null : ContactUri(SecurityContact.Trim());

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(ContactEmail) && !MailAddress.TryCreate(ContactEmail.Trim(), out _))
        {
            yield return new ValidationResult("Shishin:ContactEmail must be an e-mail address.", [nameof(ContactEmail)]);
        }

        if (string.IsNullOrWhiteSpace(SecurityContact))
        {
            yield break;
        }

        if (ContactUri(SecurityContact.Trim()) is null)
        {
            yield return new ValidationResult(
                "Shishin:SecurityContact must be an e-mail address, a mailto: URI or an https: URI.", [nameof(SecurityContact)]);
        }

        if (SecurityTxtExpires is null)
        {
            yield return new ValidationResult(
                "Shishin:SecurityTxtExpires is required with Shishin:SecurityContact: the date after which security.txt " +
                "is stale, e.g. 2026-12-31T00:00:00+09:00 (RFC 9116 asks for less than a year ahead).", [nameof(SecurityTxtExpires)]);
        }
    }

    private static Uri? ContactUri(string contact)
    {
        if (Uri.TryCreate(contact, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto))
        {
            return uri;
        }

        return !contact.Contains(':', StringComparison.Ordinal) && MailAddress.TryCreate(contact, out var address)
            ? new Uri("mailto:" + address.Address)
            : null;
    }
}
