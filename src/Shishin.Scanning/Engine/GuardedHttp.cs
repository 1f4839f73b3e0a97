using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Shishin.Scanning.Safety;

namespace Shishin.Scanning.Engine;

/// <summary>What one request of the scanner's own client came to.</summary>
/// <param name="Status">The HTTP status of the last response, or <see langword="null"/> when there was none.</param>
/// <param name="FinalUrl">Where the redirects ended.</param>
/// <param name="Failure">Why there was no response (unreachable, timeout, too many redirects), if there was none.</param>
/// <param name="Blocked">True when the SSRF guard refused the request; <paramref name="Failure"/> then says why.</param>
/// <param name="Headers">The last response's headers.</param>
/// <param name="ContentHeaders">The last response's content headers (media type).</param>
/// <param name="Body">The body as far as it was read; <see langword="null"/> when only the headers were asked for.</param>
/// <param name="Unresolved">True when the host name did not resolve: nothing is known about the address, not even that it is broken.</param>
internal sealed record FetchResult(int? Status, Uri FinalUrl, string? Failure, bool Blocked, HttpResponseHeaders? Headers = null, HttpContentHeaders? ContentHeaders = null, byte[]? Body = null, bool Unresolved = false);

/// <summary>
/// The scanner's own HTTP client, for robots.txt, sitemaps, security.txt and link checks: every connection goes
/// through the <see cref="EgressGuard"/> (<see cref="EgressGuard.CreateHandler"/>), redirects are followed by hand so
/// that each hop is checked as well, and bodies are read only up to a limit.
/// </summary>
internal sealed class GuardedHttp : IDisposable
{
    public const int MaxRedirects = 5;

    private readonly EgressGuard guard;
    private readonly BlockedLog blocked;
    private readonly HttpClient client;
    private readonly TimeSpan timeout;
    private readonly ScanOptions? session;
    private readonly TimeProvider time;

    // session: the scan whose cookies (ScanOptions.Cookies) go with every request to a start URL's host, as the browser
    // sends them, so a link check from a signed-in scan sees what the signed-in person sees. Never to other hosts.
    public GuardedHttp(EgressGuard guard, BlockedLog blocked, string userAgent, TimeSpan timeout, bool ignoreCertificateErrors, ScanOptions? session = null, TimeProvider? time = null)
    {
        this.time = time ?? TimeProvider.System;
        this.guard = guard;
        this.blocked = blocked;
        this.timeout = timeout;
        this.session = session;
        var handler = guard.CreateHandler();
        handler.AutomaticDecompression = DecompressionMethods.All;
        handler.ConnectTimeout = timeout;
        handler.PooledConnectionLifetime = TimeSpan.FromMinutes(1);
        if (ignoreCertificateErrors)
        {
            // Only on the caller's explicit request (ScanOptions.IgnoreCertificateErrors: tests, private CAs).
#pragma warning disable CA5359
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
    }

    /// <summary>The scan's cookies for <paramref name="url"/> when it is on a start URL's host (host-only, like the browser's), else null.</summary>
    private string? CookieHeader(Uri url)
    {
        if (session is not { Cookies.Count: > 0 } scan)
        {
            return null;
        }

        var forHost = scan.StartUrls.Any(start => string.Equals(start.IdnHost, url.IdnHost, StringComparison.OrdinalIgnoreCase)
            // A cookie set for an https start URL is Secure: never sent over plain http.
            && (start.Scheme != Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttps));
        return forHost ? string.Join("; ", scan.Cookies.Select(c => c.Name + "=" + c.Value)) : null;
    }

    /// <summary>
    /// Requests <paramref name="url"/>, following redirects. With <paramref name="maxBody"/> 0 only the headers are
    /// read; otherwise the body up to that many bytes (gzip files are unpacked).
    /// </summary>
    public async Task<FetchResult> FetchAsync(Uri url, HttpMethod method, long maxBody, CancellationToken cancellationToken)
    {
        var current = url;
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            var form = guard.CheckForm(current.AbsoluteUri);
            if (!form.Allowed)
            {
                return Refused(current, form);
            }

            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(timeout);
            try
            {
                using var request = new HttpRequestMessage(method, current);
                if (CookieHeader(current) is { } cookie)
                {
                    request.Headers.TryAddWithoutValidation("Cookie", cookie);
                }

                // ScanOptions.Headers go to the start URLs' origins only, checked again at every redirect hop.
                if (session is { Headers.Count: > 0 } && session.StartUrls.Any(start => SiteDirectory.Origin(start) == SiteDirectory.Origin(current)))
                {
                    foreach (var header in session.Headers)
                    {
                        request.Headers.TryAddWithoutValidation(header.Name, header.Value);
                    }
                }

                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    current = new Uri(current, location);
                    continue;
                }

                var body = maxBody > 0 && method != HttpMethod.Head
                    ? await ReadAsync(response.Content, maxBody, attempt.Token).ConfigureAwait(false)
                    : null;
                return new FetchResult(status, current, null, false, response.Headers, response.Content.Headers, body);
            }
            catch (HttpRequestException e) when (FindBlock(e) is { } decision)
            {
                if (decision.Reason == EgressBlockReason.Unresolvable)
                {
                    return new FetchResult(null, current, decision.Detail, false, Unresolved: true);
                }

                return Refused(current, decision);
            }
            catch (HttpRequestException e)
            {
                return new FetchResult(null, current, e.Message, false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new FetchResult(null, current, $"No answer within {timeout.TotalSeconds:0} s.", false);
            }
        }

        return new FetchResult(null, current, $"More than {MaxRedirects} redirects.", false);
    }

    private FetchResult Refused(Uri url, EgressDecision decision)
    {
        blocked.Add(new BlockedRequest(url.AbsoluteUri, decision.Reason, decision.Detail, time.GetUtcNow()));
        return new FetchResult(null, url, decision.Detail, true);
    }

    private static EgressDecision? FindBlock(Exception e)
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is EgressBlockedException blockedException)
            {
                return blockedException.Decision;
            }
        }

        return null;
    }

    private static async Task<byte[]> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length >= maxBytes)
            {
                break;
            }
        }

        var bytes = buffer.ToArray();
        // A sitemap may be a .gz file served without Content-Encoding.
        if (bytes.Length > 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
        {
            try
            {
                using var unpacked = new MemoryStream();
                await using (var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress))
                {
                    var part = new byte[81920];
                    while ((read = await gzip.ReadAsync(part, cancellationToken).ConfigureAwait(false)) > 0 && unpacked.Length < maxBytes)
                    {
                        unpacked.Write(part, 0, read);
                    }
                }

                return unpacked.ToArray();
            }
            catch (InvalidDataException)
            {
                return bytes;
            }
        }

        return bytes;
    }

    public void Dispose() => client.Dispose();
}
