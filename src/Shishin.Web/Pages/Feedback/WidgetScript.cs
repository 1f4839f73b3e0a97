using Microsoft.AspNetCore.StaticFiles;

namespace Shishin.Web.Pages.Feedback;

/// <summary>
/// How <c>/widget.js</c> (the feedback widget, docs/feedback-widget.md) is served: it runs in other origins' pages, so
/// its headers are chosen for them rather than for our own pages.
/// </summary>
internal static class WidgetScript
{
    public const string Path = "/widget.js";

    /// <summary>
    /// A day: long enough that a busy service page costs us one request per visitor a day, short enough that a fix
    /// reaches everyone within a day, since the address embedded in other sites never changes. The ETag and
    /// Last-Modified of the static file make the daily revalidation a 304.
    /// </summary>
    public const string CacheControl = "public, max-age=86400";

    /// <summary>
    /// Many Japanese government pages are still Shift_JIS, and a script without a charset is decoded in the embedding
    /// page's encoding, which would garble the widget's Japanese. Script tags need no CORS; a page that isolates itself
    /// with Cross-Origin-Embedder-Policy: require-corp can load the script only with this CORP header.
    /// </summary>
    public static void OnPrepareResponse(StaticFileResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.Context;
        if (!http.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        http.Response.ContentType = "text/javascript; charset=utf-8";
        http.Response.Headers.CacheControl = CacheControl;
        http.Response.Headers["Cross-Origin-Resource-Policy"] = "cross-origin";
    }
}
