using System.Xml;

namespace Shishin.Scanning.Crawling;

/// <summary>What a sitemap file lists: page URLs, or (for a sitemap index) further sitemaps.</summary>
internal sealed record SitemapContent(IReadOnlyList<Uri> Pages, IReadOnlyList<Uri> Sitemaps);

/// <summary>Reads sitemap.xml and sitemap index files safely: no DTDs, no external entities, bounded size.</summary>
internal static class SitemapReader
{
    /// <summary>The most URLs read from one file (the sitemap protocol's own limit).</summary>
    public const int MaxUrls = 50_000;

    /// <summary>Reads the <c>loc</c> entries; those outside http(s) or not absolute are skipped.</summary>
    public static SitemapContent Read(Stream xml, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var pages = new List<Uri>();
        var sitemaps = new List<Uri>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            MaxCharactersInDocument = 50_000_000,
        };
        try
        {
            using var reader = XmlReader.Create(xml, settings);
            var inSitemap = false;
            while (reader.Read() && pages.Count + sitemaps.Count < MaxUrls)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sitemap")
                {
                    inSitemap = true;
                }
                else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "url")
                {
                    inSitemap = false;
                }
                else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "loc")
                {
                    var text = reader.ReadElementContentAsString().Trim();
                    if (Uri.TryCreate(baseUrl, text, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
                    {
                        (inSitemap ? sitemaps : pages).Add(url);
                    }
                }
            }
        }
        catch (XmlException)
        {
            // A broken sitemap gives what was read before the break; the crawl still follows links.
        }

        return new(pages, sitemaps);
    }
}
