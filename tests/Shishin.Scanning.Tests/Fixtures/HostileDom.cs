using System.Globalization;
using System.Text;

namespace Shishin.Scanning.Tests.Fixtures;

/// <summary>
/// Generates hostile pages for fuzzing the scanner's probe: each page number gives, from a fixed seed, a mix of DOM
/// oddities that survive an isolated JavaScript world (they live in the DOM or in the element's own interface, not only
/// in the page's prototypes): SVG links, DOM clobbering of a form's properties, elements whose getters throw, custom
/// elements that redefine properties, open and closed shadow roots, odd ids and URLs, large DOMs and pages with more
/// links than the probe reads. Every page carries one link to a missing page inside SVG, which the scan must report.
/// </summary>
public static class HostileDom
{
    public const int Seed = 1313;

    public const int Pages = 50;

    /// <summary>The links of a page of many links: more than the probe reads (2000).</summary>
    public const int ManyLinks = 2100;

    /// <summary>The features a generated page has.</summary>
    public sealed record Spec(int Number, bool ManyLinks, int ExtraElements, IReadOnlyList<string> Features)
    {
        public string Title => string.Create(CultureInfo.InvariantCulture, $"Hostile page {Number}");

        public string MissingLink => string.Create(CultureInfo.InvariantCulture, $"/fuzz-missing/{Number}");
    }

    private static readonly string[] AllFeatures =
    [
        "svg-xlink", "clobbered-form", "throwing-getters", "custom-element", "open-shadow", "closed-shadow", "odd-ids",
        "odd-urls", "deep-nesting", "odd-meta", "odd-src", "removed-body-text",
    ];

    public static Spec For(int number)
    {
        var random = new Random(Seed * 1000 + number);
        var features = AllFeatures.Where(_ => random.Next(3) == 0).ToList();
        // A few pages are large: many links, or tens of thousands of elements.
        var manyLinks = number % 17 == 5;
        var extra = number % 13 == 7 ? 5_000 : random.Next(0, 300);
        return new Spec(number, manyLinks, extra, features);
    }

    public static string Html(int number)
    {
        var spec = For(number);
        var body = new StringBuilder();
        body.Append("<p>").Append(FixtureSite.Text).Append("</p>\n");
        body.Append(CultureInfo.InvariantCulture, $"<svg width=\"20\" height=\"20\" role=\"img\" aria-label=\"Icon\"><a href=\"{spec.MissingLink}\"><text x=\"0\" y=\"15\">x</text></a></svg>\n");
        foreach (var feature in spec.Features)
        {
            body.Append(feature switch
            {
                "svg-xlink" => "<svg width=\"20\" height=\"20\" role=\"img\" aria-label=\"Old icon\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><a xlink:href=\"#top\"><text x=\"0\" y=\"15\">y</text></a></svg>\n",
                // A form's named inputs shadow its own properties in every JavaScript world.
                "clobbered-form" => "<form id=\"clobber\" action=\"/from-sitemap\"><input name=\"parentElement\" aria-label=\"a\"><input name=\"id\" aria-label=\"b\"><input name=\"localName\" aria-label=\"c\"><input name=\"children\" aria-label=\"d\"><input name=\"nodeType\" aria-label=\"e\"><a href=\"#clobbered\">Inside a clobbered form</a></form>\n",
                "odd-ids" => "<div id=\"a&quot;b\"><a id=\"x'y\" href=\"#odd\">Odd id</a></div><div id=\"dup\"><a id=\"dup\" href=\"#dup\">Duplicate id</a></div><div id=\"\n\"><a href=\"#nl\">Newline id</a></div>\n",
                "odd-urls" => "<p><a href=\"javascript:void(0)\">Script link</a> <a href=\"http://[broken\">Broken URL</a> <a href=\"" + new string('a', 5_000) + "\">Long</a> <a href=\"\">Empty</a> <area href=\"#area\"></p>\n",
                "deep-nesting" => string.Concat(Enumerable.Repeat("<div>", 300)) + "<a href=\"#deep\">Deep</a>" + string.Concat(Enumerable.Repeat("</div>", 300)) + "\n",
                "odd-meta" => "<meta name=\"viewport\"><meta name=\" DESCRIPTION \" content=\"x\"><link rel=\"alternate\" hreflang=\"ja\">\n",
                _ => "",
            });
        }

        if (spec.ManyLinks)
        {
            body.Append("<ul>");
            for (var i = 0; i < ManyLinks; i++)
            {
                body.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#item-{i}\">Item {i}</a></li>");
            }

            body.Append("</ul>\n");
        }

        body.Append(CultureInfo.InvariantCulture, $"<div id=\"grow\"></div><script src=\"/fuzz/{number}.js\"></script>\n");
        return FixtureSite.Page(spec.Title, body.ToString());
    }

    /// <summary>The page's script: served from its own origin, since the fixture's CSP refuses inline scripts.</summary>
    public static string Script(int number)
    {
        var spec = For(number);
        var script = new StringBuilder("'use strict';\n");
        foreach (var feature in spec.Features)
        {
            script.Append(feature switch
            {
                "throwing-getters" => """
                    for (const a of document.querySelectorAll('a')) {
                      for (const name of ['href', 'outerHTML', 'id', 'localName', 'parentElement']) {
                        try { Object.defineProperty(a, name, { get() { throw new Error('hostile ' + name); } }); } catch {}
                      }
                    }

                    """,
                "custom-element" => """
                    customElements.define('x-odd', class extends HTMLElement {
                      get id() { throw new Error('id'); }
                      get localName() { return { toString() { throw new Error('name'); } }; }
                      get children() { return null; }
                      connectedCallback() { this.innerHTML = '<a href="#custom">Custom</a>'; }
                    });
                    document.getElementById('grow').append(document.createElement('x-odd'));

                    """,
                "open-shadow" => """
                    {
                      const host = document.createElement('div');
                      host.id = 'open-host';
                      host.attachShadow({ mode: 'open' }).innerHTML = '<p><a href="#in-open-shadow">In an open shadow root</a></p>';
                      document.getElementById('grow').append(host);
                    }

                    """,
                "closed-shadow" => """
                    {
                      const host = document.createElement('div');
                      host.attachShadow({ mode: 'closed' }).innerHTML = '<p><a href="#in-closed-shadow">In a closed shadow root</a></p>';
                      document.getElementById('grow').append(host);
                    }

                    """,
                "odd-src" => """
                    {
                      const img = document.createElement('img');
                      img.alt = '';
                      Object.defineProperty(img, 'src', { get() { return { baseVal: 'http://x/' }; } });
                      const frame = document.createElementNS('http://www.w3.org/2000/svg', 'script');
                      frame.setAttribute('href', '/fuzz.js');
                      document.getElementById('grow').append(img, frame);
                    }

                    """,
                "removed-body-text" => """
                    for (const code of ['code', 'pre']) {
                      const element = document.createElement(code);
                      Object.defineProperty(element, 'innerText', { get() { throw new Error('text'); } });
                      element.textContent = 'x';
                      document.getElementById('grow').append(element);
                    }

                    """,
                _ => "",
            });
        }

        if (spec.ExtraElements > 0)
        {
            script.Append(CultureInfo.InvariantCulture, $$"""
                {
                  const grow = document.getElementById('grow');
                  const fragment = document.createDocumentFragment();
                  for (let i = 0; i < {{spec.ExtraElements}}; i++) {
                    const span = document.createElement('span');
                    span.textContent = i % 10 === 0 ? 'x ' : '';
                    fragment.append(span);
                  }
                  grow.append(fragment);
                }

                """);
        }

        return script.ToString();
    }
}
