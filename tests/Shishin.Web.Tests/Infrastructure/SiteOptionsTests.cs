using System.ComponentModel.DataAnnotations;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Tests.Infrastructure;

public sealed class SiteOptionsTests
{
    private static List<string> Errors(SiteOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.SelectMany(r => r.MemberNames).ToList();
    }

    [Fact]
    public void Validate_NothingConfigured_IsValid() => Assert.Empty(Errors(new SiteOptions()));

    [Fact]
    public void Validate_ContactWithoutExpiry_IsRefused() =>
        Assert.Equal([nameof(SiteOptions.SecurityTxtExpires)], Errors(new SiteOptions { SecurityContact = "security@example.jp" }));

    [Theory]
    [InlineData("http://example.jp/report")]
    [InlineData("not an address")]
    [InlineData("javascript:alert(1)")]
    public void Validate_ContactThatIsNoMailOrHttpsAddress_IsRefused(string contact) =>
        Assert.Equal([nameof(SiteOptions.SecurityContact)], Errors(new SiteOptions { SecurityContact = contact, SecurityTxtExpires = DateTimeOffset.UnixEpoch }));

    [Theory]
    [InlineData("security@example.jp", "mailto:security@example.jp")]
    [InlineData("mailto:security@example.jp", "mailto:security@example.jp")]
    [InlineData("https://example.jp/security", "https://example.jp/security")]
    public void SecurityContactUri_AddressOrUri_IsAUri(string contact, string expected) =>
        Assert.Equal(expected, new SiteOptions { SecurityContact = contact }.SecurityContactUri?.AbsoluteUri);

    [Fact]
    public void Validate_ContactEmailThatIsNoAddress_IsRefused() =>
        Assert.Equal([nameof(SiteOptions.ContactEmail)], Errors(new SiteOptions { ContactEmail = "shishin at example" }));
}
