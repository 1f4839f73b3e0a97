using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Shishin.BrowserTests.Infrastructure;

/// <summary>
/// A service's own web site on other loopback origins than Shishin's, for the feedback widget: the page embeds
/// <c>widget.js</c> from Shishin's origin with the one tag of docs/feedback-widget.md, under a strict CSP of its own
/// (no inline style or script, Trusted Types), with a style sheet that tries to restyle every form control. Two
/// ports, so one origin can be registered for a service and the other not.
/// </summary>
public sealed class ThirdPartySite : IAsyncLifetime
{
    /// <summary>A theme colour the site sets through the widget's documented custom property.</summary>
    public const string Accent = "#1d5b31";

    public const string PagePath = "/shop/page.html";

    private readonly int registeredPort = BrowserAppFactory.FreePort();
    private readonly int unregisteredPort = BrowserAppFactory.FreePort();
    private WebApplication? app;

    static ThirdPartySite() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The origin a test registers for its service, e.g. http://127.0.0.1:21001.</summary>
    public Uri Registered => new($"http://127.0.0.1:{registeredPort}/");

    /// <summary>An origin no service lists.</summary>
    public Uri Unregistered => new($"http://127.0.0.1:{unregisteredPort}/");

    /// <summary>The page with the widget of <paramref name="service"/> from <paramref name="shishin"/>, in ja (Shift_JIS, as many municipal sites still are) or en.</summary>
    public static string PageUrl(Uri site, Uri shishin, string service, string language) =>
        new Uri(site, $"{PagePath}?lang={language}&service={Uri.EscapeDataString(service)}&host={Uri.EscapeDataString(shishin.ToString())}").ToString();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, registeredPort);
            o.Listen(IPAddress.Loopback, unregisteredPort);
        });
        app = builder.Build();
        app.MapGet(PagePath, (HttpContext context) => Page(context));
        app.MapGet("/shop/site.css", () => Results.Text(Css, "text/css; charset=utf-8"));
        await app.StartAsync();
    }

    private static IResult Page(HttpContext context)
    {
        var query = context.Request.Query;
        var english = query["lang"] == "en";
        var host = new Uri(query["host"].ToString());
        var origin = host.GetLeftPart(UriPartial.Authority);
        var service = WebUtility.HtmlEncode(query["service"].ToString());
        var (title, heading, text, link) = english
            ? ("Bulky waste collection - Example City", "Bulky waste collection", "Book a collection of furniture and large appliances.", "Read this page again")
            : ("粗大ごみの収集 - 例市", "粗大ごみの収集", "家具や大型の家電の収集を申し込めます。", "このページを読み直す");
        var html = $"""
            <!DOCTYPE html>
            <html lang="{(english ? "en" : "ja")}">
            <head>
            <meta charset="{(english ? "utf-8" : "shift_jis")}">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title}</title>
            <link rel="stylesheet" href="/shop/site.css">
            </head>
            <body>
            <header><p>{(english ? "Example City" : "例市")}</p></header>
            <main>
            <h1>{heading}</h1>
            <p>{text} <a href="{PagePath}">{link}</a></p>
            <script src="{WebUtility.HtmlEncode(new Uri(host, "widget.js").ToString())}" data-service="{service}" async></script>
            </main>
            </body>
            </html>
            """;
        context.Response.Headers.ContentSecurityPolicy =
            $"default-src 'none'; script-src {origin}; connect-src {origin}; style-src 'self'; img-src 'none'; " +
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types 'none'";
        var encoding = english ? Encoding.UTF8 : Encoding.GetEncoding("shift_jis");
        return Results.Bytes(encoding.GetBytes(html), $"text/html; charset={(english ? "utf-8" : "shift_jis")}");
    }

    // Rules that would wreck the widget if they reached inside it; the page itself has none of these elements.
    private const string Css = $$"""
        :root { --shishin-feedback-accent: {{Accent}}; }
        body { margin: 1rem; font: 15px/1.5 serif; color: #222; background: #fff; letter-spacing: .02em; }
        a { color: #0b4da2; }
        button, input, label, fieldset, legend, textarea, h2 { all: unset !important; font-size: 6px !important; color: #eee !important; }
        """;

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
