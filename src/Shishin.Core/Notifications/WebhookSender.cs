using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Shishin.Core.Scans;
using Shishin.Scanning.Safety;

namespace Shishin.Core.Notifications;

/// <summary>The outcome of one webhook request: the HTTP status, or why there was none (never the secret).</summary>
public sealed record WebhookAttempt(bool Succeeded, int? Status, string? Error);

/// <summary>
/// Posts signed webhook requests through the scanner's SSRF-guarded client (<c>Scanning:AllowPrivateNetworks</c>
/// opens internal addresses as it does for scans). Redirects are not followed: a 3xx answer is a failed attempt.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient client;

    public WebhookSender(IOptions<NotificationOptions> options, IOptions<ScanningOptions> scanning)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scanning);
        client = new HttpClient(new GuardedHandler(scanning.Value.AllowPrivateNetworks).CreateHandler(), disposeHandler: true) { Timeout = options.Value.Webhooks.Timeout };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Shishin-Webhook", "1"));
    }

    public async Task<WebhookAttempt> PostAsync(string url, string secret, string payload, string kind, Guid deliveryId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(payload);
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, body));
        request.Headers.Add(WebhookSignature.DeliveryHeader, deliveryId.ToString());
        request.Headers.Add(WebhookSignature.EventHeader, kind);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new WebhookAttempt(true, status, null)
                : new WebhookAttempt(false, status, string.Create(CultureInfo.InvariantCulture, $"The receiver answered {status}."));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or UriFormatException)
        {
            // The message names the host and the reason (refused address, timeout); the secret is only in a header.
            var reason = e is TaskCanceledException && !cancellationToken.IsCancellationRequested ? "The receiver did not answer in time." : e.Message;
            return new WebhookAttempt(false, null, reason.Length > 480 ? reason[..480] : reason);
        }
    }

    public void Dispose() => client.Dispose();
}
