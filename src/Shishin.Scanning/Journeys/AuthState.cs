using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shishin.Scanning.Engine;

namespace Shishin.Scanning.Journeys;

/// <summary>
/// A Playwright storage state (<see cref="ScanOptions.AuthStatePath"/>) narrowed to the start URLs: the cookies whose
/// domain covers a start URL's host and the local storage of the start URLs' origins. A state saved after signing in
/// through a single sign-on provider also holds the provider's and analytics cookies; the scan needs none of them, and
/// a scan that sends no more than it needs cannot leak more.
/// </summary>
internal static class AuthState
{
    /// <summary>Reads and narrows the file; the JSON to give Playwright (<c>BrowserNewContextOptions.StorageState</c>).</summary>
    /// <exception cref="ScanException">The file cannot be read or is no storage state. The message names the file and the place, never a value.</exception>
    public static string Load(string path, IReadOnlyList<Uri> startUrls)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Invalid(path, $"the file cannot be read ({e.GetType().Name})");
        }
        catch (JsonException e)
        {
            // JsonException's message quotes the offending characters, which may belong to a cookie's value.
            throw Invalid(path, string.Create(CultureInfo.InvariantCulture, $"it is not valid JSON (line {(e.LineNumber ?? 0) + 1})"));
        }

        if (root is not JsonObject state || state["cookies"] is not JsonArray cookies)
        {
            throw Invalid(path, "it is no Playwright storage state: a JSON object with a \"cookies\" array is expected");
        }

        var hosts = startUrls.Select(u => u.IdnHost.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        var origins = startUrls.Select(SiteDirectory.Origin).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var keptCookies = new JsonArray();
        for (var i = 0; i < cookies.Count; i++)
        {
            if (cookies[i] is not JsonObject cookie || !IsString(cookie, "name") || !IsString(cookie, "value") || !IsString(cookie, "domain"))
            {
                throw Invalid(path, string.Create(CultureInfo.InvariantCulture, $"cookies[{i}] needs the strings \"name\", \"value\" and \"domain\""));
            }

            var domain = cookie["domain"]!.GetValue<string>().TrimStart('.').ToUpperInvariant();
            if (domain.Length > 0 && hosts.Any(h => h == domain || h.EndsWith("." + domain, StringComparison.Ordinal)))
            {
                keptCookies.Add(cookie.DeepClone());
            }
        }

        var keptOrigins = new JsonArray();
        if (state["origins"] is JsonArray storage)
        {
            for (var i = 0; i < storage.Count; i++)
            {
                if (storage[i] is not JsonObject origin || !IsString(origin, "origin") || origin["localStorage"] is not JsonArray)
                {
                    throw Invalid(path, string.Create(CultureInfo.InvariantCulture, $"origins[{i}] needs a string \"origin\" and a \"localStorage\" array"));
                }

                if (Uri.TryCreate(origin["origin"]!.GetValue<string>(), UriKind.Absolute, out var url) && origins.Contains(SiteDirectory.Origin(url)))
                {
                    keptOrigins.Add(origin.DeepClone());
                }
            }
        }
        else if (state["origins"] is not null)
        {
            throw Invalid(path, "\"origins\" must be an array");
        }

        return new JsonObject { ["cookies"] = keptCookies, ["origins"] = keptOrigins }.ToJsonString();
    }

    private static bool IsString(JsonObject node, string name) =>
        node[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String;

    private static ScanException Invalid(string path, string reason) =>
        new(ScanFailure.InvalidAuthState, $"The storage state {path} cannot be used: {reason}.");
}
