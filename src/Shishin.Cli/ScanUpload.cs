using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Shishin.Cli;

/// <summary>
/// <c>shishin scan --upload https://HOST --service KEY</c>: sends the JSON report to a Shishin server, which stores it as
/// a run of the service (<c>POST /api/v1/services/{key}/scans/upload</c>). The API key comes from <c>--api-key</c> or,
/// better, from <see cref="KeyVariable"/>, so that it stays out of shell history; it goes only into the Authorization
/// header, never into output, logs or reports. The server is the user's own (often on an intranet), so it is not held to
/// the scanner's guard against internal addresses; instead the key is never sent in clear text over the network: plain
/// http only to a loopback address unless <c>--allow-insecure-upload</c>.
/// </summary>
internal sealed class ScanUpload
{
    public const string KeyVariable = "SHISHIN_API_KEY";

    /// <summary>The exit code of a scan whose report could not be stored on the server.</summary>
    public const int FailedExitCode = 3;

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private ScanUpload(Uri endpoint, string key)
    {
        Endpoint = endpoint;
        this.key = key;
    }

    private readonly string key;

    /// <summary>Where the report goes.</summary>
    public Uri Endpoint { get; }

    /// <summary>Checks the options before anything is scanned; a problem is a usage error.</summary>
    public static (ScanUpload? Upload, string? Problem) Create(string? server, string? service, string? keyOption, bool allowInsecure)
    {
        if (server is null)
        {
            return (null, service is not null || keyOption is not null ? "--service and --api-key go with --upload." : null);
        }

        if (!Uri.TryCreate(server, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps)
            || baseUrl.UserInfo.Length > 0 || baseUrl.Query.Length > 0 || baseUrl.Fragment.Length > 0)
        {
            return (null, "--upload takes the http or https address of a Shishin server, e.g. https://shishin.example.jp/.");
        }

        if (baseUrl.Scheme == Uri.UriSchemeHttp && !IsLoopback(baseUrl) && !allowInsecure)
        {
            return (null, "--upload would send the API key unencrypted over plain http; use https, or --allow-insecure-upload on a network you trust.");
        }

        if (string.IsNullOrWhiteSpace(service))
        {
            return (null, "--upload needs --service with the key of the service the scan belongs to.");
        }

        var key = string.IsNullOrWhiteSpace(keyOption) ? Environment.GetEnvironmentVariable(KeyVariable) : keyOption;
        if (string.IsNullOrWhiteSpace(key) || key.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return (null, $"--upload needs an API key with the write scope: set {KeyVariable} (kept out of shell history), or give --api-key.");
        }

        var root = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        return (new ScanUpload(new Uri(root, $"api/v1/services/{Uri.EscapeDataString(service.Trim())}/scans/upload"), key.Trim()), null);
    }

    /// <summary>Posts the report; returns the stored run's address, or why it was not stored (never with the key).</summary>
    /// <param name="language">ja or en: the language the server's problem details are asked in (that of <c>--lang</c>).</param>
    public async Task<(Uri? Run, string? Status, string? Problem)> SendAsync(byte[] report, string language, CancellationToken cancellationToken)
    {
        // No redirects: a redirect elsewhere must not take the key (or the report) with it.
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false };
        using var client = new HttpClient(handler) { Timeout = Timeout };
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(report) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("application/problem+json");
        request.Headers.AcceptLanguage.ParseAdd(language);
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode && response.Headers.Location is { } location)
            {
                return (new Uri(Endpoint, location), null, null);
            }

            var status = $"HTTP {(int)response.StatusCode}";
            return (null, status, await ProblemAsync(response, cancellationToken));
        }
        catch (HttpRequestException e)
        {
            return (null, Endpoint.GetLeftPart(UriPartial.Authority), e.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, Endpoint.GetLeftPart(UriPartial.Authority), $"no answer within {Timeout.TotalMinutes:0} minutes");
        }
    }

    /// <summary>The problem details' title and detail (and field errors), or the status's reason when the body is not one.</summary>
    private static async Task<string> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var fallback = response.ReasonPhrase ?? response.StatusCode.ToString();
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return fallback;
            }

            var parts = new List<string>();
            foreach (var name in new[] { "title", "detail" })
            {
                if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } part
                    && !parts.Contains(part, StringComparer.Ordinal))
                {
                    parts.Add(part);
                }
            }

            if (!root.TryGetProperty("detail", out _) && root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                parts.AddRange(errors.EnumerateObject().Take(5).Select(e => $"{e.Name}: {string.Join(" ", e.Value.EnumerateArray().Select(v => v.ToString()))}"));
            }

            return parts.Count > 0 ? string.Join(" — ", parts) : fallback;
        }
        catch (JsonException)
        {
            return fallback;
        }
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
