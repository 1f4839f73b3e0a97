using System.Globalization;
using Microsoft.Extensions.Localization;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Tests.Infrastructure;

public sealed class PageTitleTests
{
    [Fact]
    public void Compose_TitleAndSection_JoinsThemWithTheSiteLast() =>
        Assert.Equal("チェックポイント — カタログ — 指針 Shishin", PageTitle.Compose("チェックポイント", "カタログ", "指針 Shishin"));

    [Fact]
    public void Compose_SectionSameAsTitle_NamesItOnce() =>
        Assert.Equal("組織 — 指針 Shishin", PageTitle.Compose("組織", "組織", "指針 Shishin"));

    [Fact]
    public void Compose_NoTitleAndNoSection_IsTheSiteName() =>
        Assert.Equal("指針 Shishin", PageTitle.Compose(null, " ", "指針 Shishin"));

    [Fact]
    public void Compose_LocalizedTitle_UsesItsText() =>
        Assert.Equal("Home — Shishin", PageTitle.Compose(new Microsoft.Extensions.Localization.LocalizedString("Home", "Home"), null, "Shishin"));

    [Theory]
    [InlineData("/Services/Index", "Services")]
    [InlineData("/Services/Canvas/Edit", "Services")]
    [InlineData("/Services/Feedback/Figures", "Services")]
    [InlineData("/Assessments/Report", "Services")]
    [InlineData("/Admin/Services/Import", "Services")]
    [InlineData("/Actions/Edit", "Action items")]
    [InlineData("/Portfolio/Overrides", "Portfolio")]
    [InlineData("/Catalog/Checkpoints", "Catalogue")]
    [InlineData("/Admin/Catalog/Drafts/Edit", "Catalogue admin")]
    public void SectionOf_PageInAFolder_IsThatFoldersSection(string page, string section) =>
        Assert.Equal(section, PageTitle.SectionOf(page, new KeyLocalizer()));

    [Theory]
    [InlineData("/Index")]
    [InlineData("/Notifications/Subscribe")]
    [InlineData(null)]
    public void SectionOf_PageOutsideTheSections_IsNone(string? page) =>
        Assert.Null(PageTitle.SectionOf(page, new KeyLocalizer()));

    /// <summary>The English text, which is the resource key: enough to see which section was chosen.</summary>
    private sealed class KeyLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(CultureInfo.InvariantCulture, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
