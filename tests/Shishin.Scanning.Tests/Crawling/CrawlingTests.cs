using System.Text;
using Shishin.Scanning.Crawling;

namespace Shishin.Scanning.Tests.Crawling;

public sealed class UrlNormalizerTests
{
    [Theory]
    [InlineData("HTTP://Example.JP:80/a/b/#top", "http://example.jp/a/b")]
    [InlineData("https://example.jp:443", "https://example.jp/")]
    [InlineData("https://example.jp:8443/", "https://example.jp:8443/")]
    [InlineData("https://example.jp/search?b=2&a=1&a=0", "https://example.jp/search?a=0&a=1&b=2")]
    [InlineData("https://example.jp./news/", "https://example.jp/news")]
    [InlineData("https://user:pw@example.jp/", "https://example.jp/")]
    public void Normalize_SamePageSpelledDifferently_GivesOneForm(string input, string expected)
    {
        Assert.Equal(expected, UrlNormalizer.Key(new Uri(input)));
    }

    [Fact]
    public void Key_DifferentPages_StayDifferent()
    {
        Assert.NotEqual(UrlNormalizer.Key(new Uri("https://example.jp/a?x=1")), UrlNormalizer.Key(new Uri("https://example.jp/a?x=2")));
        Assert.NotEqual(UrlNormalizer.Key(new Uri("https://example.jp/A")), UrlNormalizer.Key(new Uri("https://example.jp/a")));
    }
}

public sealed class UrlGlobTests
{
    [Theory]
    [InlineData("/news/**", "https://example.jp/news/2026/01/x.html", true)]
    [InlineData("/news/*", "https://example.jp/news/2026/01/x.html", false)]
    [InlineData("/news/*", "https://example.jp/news/today", true)]
    [InlineData("**.pdf", "https://example.jp/files/report.pdf", true)]
    [InlineData("/search?q=*", "https://example.jp/search?q=tokyo", true)]
    [InlineData("/page-?", "https://example.jp/page-2", true)]
    [InlineData("/page-?", "https://example.jp/page-10", false)]
    public void Matches_PathAndQuery(string glob, string url, bool expected)
    {
        Assert.Equal(expected, new UrlGlob(glob).Matches(new Uri(url)));
    }
}

public sealed class RobotsTxtTests
{
    private static readonly Uri Site = new("https://example.jp/");

    private const string Text = """
        # Example
        User-agent: *
        Disallow: /private/
        Allow: /private/open
        Disallow: /*.pdf$
        Crawl-delay: 2

        User-agent: BadBot
        Disallow: /

        Sitemap: https://example.jp/sitemap.xml
        Sitemap: /sitemap-news.xml
        """;

    [Theory]
    [InlineData("/", true)]
    [InlineData("/private/x", false)]
    [InlineData("/private/open/page", true)]
    [InlineData("/files/a.pdf", false)]
    [InlineData("/files/a.pdf?download=1", true)]
    public void IsAllowed_FollowsTheLongestMatch(string path, bool expected)
    {
        var robots = RobotsTxt.Parse(Text, "Shishin", Site);

        Assert.Equal(expected, robots.IsAllowed(new Uri(Site, path)));
    }

    [Fact]
    public void Parse_ReadsSitemapsAndDelay_AndAGroupForUsWins()
    {
        var robots = RobotsTxt.Parse(Text, "Shishin", Site);
        Assert.Equal(["https://example.jp/sitemap.xml", "https://example.jp/sitemap-news.xml"], robots.Sitemaps.Select(s => s.AbsoluteUri));
        Assert.Equal(TimeSpan.FromSeconds(2), robots.CrawlDelay);

        var ours = RobotsTxt.Parse("User-agent: *\nDisallow: /\n\nUser-agent: shishin\nDisallow: /admin\n", "Shishin", Site);
        Assert.True(ours.IsAllowed(new Uri(Site, "/news")));
        Assert.False(ours.IsAllowed(new Uri(Site, "/admin/x")));
    }

    [Fact]
    public void EmptyDisallow_AllowsEverything()
    {
        Assert.True(RobotsTxt.Parse("User-agent: *\nDisallow:\n", "Shishin", Site).IsAllowed(new Uri(Site, "/anything")));
    }
}

public sealed class SitemapReaderTests
{
    private static readonly Uri Site = new("https://example.jp/");

    [Fact]
    public void Read_UrlSet_ListsPages()
    {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>https://example.jp/</loc></url>
              <url><loc> https://example.jp/news </loc><lastmod>2026-11-01</lastmod></url>
              <url><loc>ftp://example.jp/file</loc></url>
            </urlset>
            """;

        var content = SitemapReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), Site);

        Assert.Equal(["https://example.jp/", "https://example.jp/news"], content.Pages.Select(p => p.AbsoluteUri));
        Assert.Empty(content.Sitemaps);
    }

    [Fact]
    public void Read_SitemapIndex_ListsSitemaps()
    {
        var xml = """
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>https://example.jp/sitemap-1.xml</loc></sitemap>
            </sitemapindex>
            """;

        var content = SitemapReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), Site);

        Assert.Equal("https://example.jp/sitemap-1.xml", Assert.Single(content.Sitemaps).AbsoluteUri);
        Assert.Empty(content.Pages);
    }

    [Fact]
    public void Read_HostileXml_WithAnEntityBomb_IsRefusedQuietly()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
            <urlset><url><loc>&lol2;</loc></url></urlset>
            """;

        var content = SitemapReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), Site);

        Assert.Empty(content.Pages);
    }
}
