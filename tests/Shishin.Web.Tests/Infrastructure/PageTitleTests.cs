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
}
