using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Shishin.Core.Scans;
using Shishin.Scanning.Safety;

namespace Shishin.Core.Uptime;

/// <summary>What one probe came to.</summary>
/// <param name="Status">The last response's status, null when there was none.</param>
/// <param name="CertificateExpiresAt">The end of validity of the host's TLS certificate (UTC), for https URLs.</param>
/// <param name="Detail">Why it failed, in English, for logs; never shown with secrets (URLs carry none).</param>
public sealed record ProbeOutcome(bool Succeeded, int? Status, int LatencyMs, DateTime? CertificateExpiresAt, UptimeErrorKind Error, string Detail = "");

/// <summary>
/// Probes entry URLs through the scanner's SSRF guard with one shared client: a GET whose body is not read, a short
/// timeout, at most <see cref="MaxRedirects"/> redirects (each hop checked by the guard), the certificate's expiry read
/// during the TLS handshake. At most <see cref="UptimeOptions.PerHostConcurrency"/> probes run against one host and
/// port at once, and never two of the same URL. One instance per process (a singleton).
/// </summary>
public sealed class UptimeProber : IDisposable
{
    public const int MaxRedirects = 3;

    private readonly GuardedHandler guard;
    private readonly HttpClient client;
    private readonly UptimeOptions options;
    private readonly SemaphoreSlim all;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> urls = new(StringComparer.Ordinal);

    // The certificate each host name presented at its last handshake. SocketsHttpHandler calls the validation callback
    // with the SslStream (not the request), so the expiry is kept by the name the stream was opened for.
    private readonly ConcurrentDictionary<string, DateTime> certificates = new(StringComparer.OrdinalIgnoreCase);

    public UptimeProber(IOptions<UptimeOptions> options, IOptions<ScanningOptions> scanning)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scanning);
        this.options = options.Value;
        all = new SemaphoreSlim(Math.Max(1, this.options.MaxConcurrency));
        guard = new GuardedHandler(scanning.Value.AllowPrivateNetworks);
        var handler = guard.CreateHandler();
        handler.ConnectTimeout = this.options.Timeout;
        // Probes of one URL are minutes apart: an idle connection is not worth keeping, and a fresh handshake reads
        // the certificate that is served now.
        handler.PooledConnectionIdleTimeout = TimeSpan.FromSeconds(15);
        handler.PooledConnectionLifetime = TimeSpan.FromMinutes(1);
        handler.SslOptions.RemoteCertificateValidationCallback = Remember;
        client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "Shishin-Uptime/1.0");
    }

    /// <summary>Probes <paramref name="url"/> once, waiting first for the per-host and per-URL limits.</summary>
    public async Task<ProbeOutcome> ProbeAsync(string url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (guard.CheckForm(url) is not null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return new ProbeOutcome(false, null, 0, null, UptimeErrorKind.Blocked, "The address is not allowed.");
        }

        var sameUrl = urls.GetOrAdd(url, _ => new SemaphoreSlim(1, 1));
        await sameUrl.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var host = hosts.GetOrAdd(uri.IdnHost + ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => new SemaphoreSlim(Math.Max(1, options.PerHostConcurrency)));
            await host.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await all.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    return await FetchAsync(uri, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    all.Release();
                }
            }
            finally
            {
                host.Release();
            }
        }
        finally
        {
            sameUrl.Release();
        }
    }

    private async Task<ProbeOutcome> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var current = url;
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            if (hop > 0 && guard.CheckForm(current.AbsoluteUri) is { } refused)
            {
                return Failure(UptimeErrorKind.Blocked, null, refused.Detail);
            }

            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(options.Timeout);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                // Only the headers are read: the probe asks whether the service answers, not what it says.
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    current = new Uri(current, location);
                    continue;
                }

                var certificate = current.Scheme == Uri.UriSchemeHttps && certificates.TryGetValue(current.IdnHost, out var notAfter) ? notAfter : (DateTime?)null;
                var ok = status < 400;
                return new ProbeOutcome(ok, status, Elapsed(), certificate, ok ? UptimeErrorKind.None : UptimeErrorKind.HttpStatus);
            }
            catch (HttpRequestException e) when (GuardedHandler.FindRefusal(e) is { } verdict)
            {
                return Failure(verdict.Unresolvable ? UptimeErrorKind.Dns : UptimeErrorKind.Blocked, null, verdict.Detail);
            }
            catch (HttpRequestException e)
            {
                var kind = e.HttpRequestError switch
                {
                    HttpRequestError.NameResolutionError => UptimeErrorKind.Dns,
                    HttpRequestError.SecureConnectionError => UptimeErrorKind.Tls,
                    _ => UptimeErrorKind.Connection,
                };
                var certificate = kind == UptimeErrorKind.Tls && certificates.TryGetValue(current.IdnHost, out var notAfter) ? notAfter : (DateTime?)null;
                return Failure(kind, certificate, e.Message);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Failure(UptimeErrorKind.Timeout, null, $"No answer within {options.Timeout.TotalSeconds:0} s.");
            }
        }

        return Failure(UptimeErrorKind.TooManyRedirects, null, $"More than {MaxRedirects} redirects.");

        int Elapsed() => (int)Math.Min(int.MaxValue, watch.ElapsedMilliseconds);

        ProbeOutcome Failure(UptimeErrorKind kind, DateTime? certificate, string detail) => new(false, null, Elapsed(), certificate, kind, detail);
    }

    private bool Remember(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (sender is SslStream stream && certificate is X509Certificate2 presented && !string.IsNullOrEmpty(stream.TargetHostName))
        {
            certificates[stream.TargetHostName] = presented.NotAfter.ToUniversalTime();
        }

        // The usual validation stands: an untrusted or expired certificate fails the probe (UptimeErrorKind.Tls).
        return errors == SslPolicyErrors.None;
    }

    public void Dispose()
    {
        client.Dispose();
        all.Dispose();
    }
}
