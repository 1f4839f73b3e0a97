using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Shishin.Web.Infrastructure;

/// <summary>
/// Decides, before anything else runs, whether a request may be served given <c>Security:RequireHttps</c>. Secure
/// cookies and antiforgery throw on a request that is not HTTPS, so without this check a server run over plain HTTP
/// (no TLS, or a proxy that is not trusted to forward the scheme) answered every page with an empty 500. Now such a
/// request gets a 400 page saying what is wrong, a GET is sent to the HTTPS public address when this server itself
/// serves HTTPS, and the log says what to configure. Health probes stay reachable over plain HTTP.
/// </summary>
public sealed partial class HttpsRequirementMiddleware(
    RequestDelegate next, IOptions<SecurityOptions> security, IOptions<PublicUrlOptions> publicUrl, IServer server,
    ILogger<HttpsRequirementMiddleware> logger)
{
    private int warned;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var knownScheme = string.Equals(request.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase) || request.IsHttps;
        if (request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) ||
            (knownScheme && (request.IsHttps || !security.Value.RequireHttps)))
        {
            return next(context);
        }

        if (knownScheme && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) &&
            publicUrl.Value.BaseUri.Scheme == Uri.UriSchemeHttps && ListensOnHttps())
        {
            // Built from the configured address, never from the Host header; 308 keeps the method.
            var target = publicUrl.Value.Link(request.Path.ToUriComponent() + request.QueryString.ToUriComponent());
            context.Response.Redirect(target.AbsoluteUri, permanent: true, preserveMethod: true);
            return Task.CompletedTask;
        }

        if (Interlocked.Exchange(ref warned, 1) == 0)
        {
            if (knownScheme)
            {
                LogRefused(logger, request.Scheme);
            }
            else
            {
                LogUnknownScheme(logger, request.Scheme);
            }
        }

        return WritePageAsync(context, knownScheme);
    }

    private bool ListensOnHttps() =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses.Any(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) == true;

    // Written here rather than by the error page: that page's layout carries an antiforgery token, which is exactly
    // what cannot be issued on this request. Both languages at once, since nothing about the visitor can be trusted yet.
    private static Task WritePageAsync(HttpContext context, bool knownScheme)
    {
        var (ja, en) = knownScheme
            ? ("このサービスは HTTPS でのみ利用できます。https:// で始まるアドレスで開いてください。https:// で開いてもこの表示になる場合は、サーバーまたはその前段のプロキシの設定に誤りがあります。管理者はサーバーのログを確認してください。",
               "This service works over HTTPS only. Open it with an address that starts with https://. If you see this page with https://, the server or the proxy in front of it is misconfigured; administrators, see the server log.")
            : ("転送されたリクエストのスキームが http でも https でもないため、処理できません。プロキシの X-Forwarded-Proto の設定を確認してください。",
               "The request could not be handled: its forwarded scheme is neither http nor https. Check the X-Forwarded-Proto setting of the proxy.");
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"ja\">\n<head><meta charset=\"utf-8\"><title>HTTPS が必要です / HTTPS required</title></head>\n<body>\n")
            .Append("<h1>HTTPS が必要です</h1>\n<p>").Append(ja).Append("</p>\n")
            .Append("<div lang=\"en\">\n<h2>HTTPS required</h2>\n<p>").Append(en).Append("</p>\n</div>\n</body>\n</html>\n")
            .ToString();
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(html);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Refused a request with scheme '{Scheme}': Security:RequireHttps is true and the request did not arrive over HTTPS. " +
        "Serve HTTPS (Kestrel:Endpoints with a certificate) or put a TLS-terminating reverse proxy in front that sends X-Forwarded-Proto: https " +
        "and is configured as a known proxy. Such requests get a 400 page; this is logged once.")]
    private static partial void LogRefused(ILogger logger, string scheme);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Refused a request whose scheme, set by a forwarding proxy, is '{Scheme}' rather than http or https. " +
        "Check the X-Forwarded-Proto header the proxy sends. Such requests get a 400 page; this is logged once.")]
    private static partial void LogUnknownScheme(ILogger logger, string scheme);
}
