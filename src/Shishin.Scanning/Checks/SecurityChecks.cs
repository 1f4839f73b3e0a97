using System.Globalization;
using System.Text.RegularExpressions;
using Shishin.Scanning.Rules;

namespace Shishin.Scanning.Checks;

/// <summary>An HTTP header as received; names may repeat (Set-Cookie).</summary>
internal sealed record ResponseHeader(string Name, string Value);

/// <summary>The <c>security.*</c> checks of a page's main document response: transport, headers and cookies.</summary>
internal static partial class SecurityChecks
{
    private static readonly string[] SessionCookieHints = ["sess", "sid", "auth", "token", "login", "jwt", "identity", "antiforgery", "csrf", "xsrf"];

    /// <summary>Checks the headers of the document at <paramref name="url"/>; <paramref name="page"/> is the URL fingerprints use.</summary>
    public static List<Finding> Check(Uri page, Uri url, IReadOnlyList<ResponseHeader> headers, TlsDetails? tls, ScanThresholds thresholds, DateTimeOffset now)
    {
        var findings = new List<Finding>();
        var https = url.Scheme == Uri.UriSchemeHttps;
        if (!https)
        {
            findings.Add(Findings.Create(ScannerRules.SecurityHttps, page, $"The page is served over plain HTTP ({url.GetLeftPart(UriPartial.Authority)})."));
        }

        if (https)
        {
            CheckHsts(page, Single(headers, "strict-transport-security"), thresholds, findings);
        }

        var csp = string.Join(", ", headers.Where(h => Is(h, "content-security-policy")).Select(h => h.Value));
        var directives = ParseCsp(csp);
        if (csp.Length == 0)
        {
            findings.Add(Findings.Create(ScannerRules.SecurityCsp, page, "No Content-Security-Policy header is sent."));
        }
        else if (AllowsUnsafeInlineScripts(directives))
        {
            findings.Add(Findings.Create(
                ScannerRules.SecurityCspUnsafeInline,
                page,
                "The Content-Security-Policy allows 'unsafe-inline' scripts without a nonce or hash that would cancel it.",
                [new NodeSpec("header:content-security-policy", csp)]));
        }

        if (!string.Equals(Single(headers, "x-content-type-options")?.Trim(), "nosniff", StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(Findings.Create(ScannerRules.SecurityXContentTypeOptions, page, "No X-Content-Type-Options: nosniff header is sent."));
        }

        var frameOptions = Single(headers, "x-frame-options")?.Trim();
        var frameOptionsValid = frameOptions is not null
            && (frameOptions.Equals("DENY", StringComparison.OrdinalIgnoreCase) || frameOptions.Equals("SAMEORIGIN", StringComparison.OrdinalIgnoreCase));
        if (!directives.ContainsKey("frame-ancestors") && !frameOptionsValid)
        {
            findings.Add(Findings.Create(ScannerRules.SecurityFrameAncestors, page, "Neither a CSP frame-ancestors directive nor X-Frame-Options (DENY or SAMEORIGIN) limits which sites may embed the page."));
        }

        var referrer = Single(headers, "referrer-policy");
        var lastReferrer = referrer?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (string.IsNullOrWhiteSpace(lastReferrer))
        {
            findings.Add(Findings.Create(ScannerRules.SecurityReferrerPolicy, page, "No Referrer-Policy header is sent."));
        }
        else if (lastReferrer.Equals("unsafe-url", StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(Findings.Create(ScannerRules.SecurityReferrerPolicy, page, "Referrer-Policy: unsafe-url sends the full address of the page, query included, to every site it links to.", [new NodeSpec("header:referrer-policy", referrer!)]));
        }

        if (!headers.Any(h => Is(h, "permissions-policy")))
        {
            findings.Add(Findings.Create(ScannerRules.SecurityPermissionsPolicy, page, "No Permissions-Policy header is sent."));
        }

        CheckCookies(page, https, headers, findings);
        CheckTls(page, tls, thresholds, now, findings);
        return findings;
    }

    private static void CheckHsts(Uri page, string? hsts, ScanThresholds thresholds, List<Finding> findings)
    {
        if (string.IsNullOrWhiteSpace(hsts))
        {
            findings.Add(Findings.Create(ScannerRules.SecurityHsts, page, "No Strict-Transport-Security header is sent."));
            return;
        }

        var parts = hsts.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var maxAgePart = parts.FirstOrDefault(p => p.StartsWith("max-age", StringComparison.OrdinalIgnoreCase));
        var maxAge = maxAgePart?.Split('=', 2) is [_, var value] && long.TryParse(value.Trim().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : (long?)null;
        var node = new NodeSpec("header:strict-transport-security", hsts);
        if (maxAge is null || maxAge < thresholds.HstsMinMaxAgeSeconds)
        {
            findings.Add(Findings.Create(
                ScannerRules.SecurityHstsMaxAge,
                page,
                string.Create(CultureInfo.InvariantCulture, $"The HSTS max-age is {(maxAge is null ? "missing" : $"{maxAge} s")}, less than {thresholds.HstsMinMaxAgeSeconds} s."),
                [node]));
        }

        if (!parts.Any(p => p.Equals("includeSubDomains", StringComparison.OrdinalIgnoreCase)))
        {
            findings.Add(Findings.Create(ScannerRules.SecurityHstsSubdomains, page, "The HSTS header lacks includeSubDomains.", [node]));
        }
    }

    private static void CheckCookies(Uri page, bool https, IReadOnlyList<ResponseHeader> headers, List<Finding> findings)
    {
        var notSecure = new List<NodeSpec>();
        var notHttpOnly = new List<NodeSpec>();
        var noSameSite = new List<NodeSpec>();
        foreach (var header in headers.Where(h => Is(h, "set-cookie")))
        {
            // Playwright joins repeated Set-Cookie headers with newlines.
            foreach (var cookie in header.Value.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = cookie.Split(';', StringSplitOptions.TrimEntries);
                var name = parts[0].Split('=', 2)[0].Trim();
                var attributes = parts.Skip(1).Select(p => p.Split('=', 2)[0].Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var node = new NodeSpec($"cookie:{name}", RedactValue(cookie));
                if (https && !attributes.Contains("Secure"))
                {
                    notSecure.Add(node);
                }

                if (!attributes.Contains("HttpOnly") && LooksLikeSession(name))
                {
                    notHttpOnly.Add(node);
                }

                if (!attributes.Contains("SameSite"))
                {
                    noSameSite.Add(node);
                }
            }
        }

        if (notSecure.Count > 0)
        {
            findings.Add(Findings.Create(ScannerRules.SecurityCookieSecure, page, $"Cookies without Secure on an HTTPS site: {Names(notSecure)}.", notSecure));
        }

        if (notHttpOnly.Count > 0)
        {
            findings.Add(Findings.Create(ScannerRules.SecurityCookieHttpOnly, page, $"Session-like cookies without HttpOnly: {Names(notHttpOnly)}.", notHttpOnly));
        }

        if (noSameSite.Count > 0)
        {
            findings.Add(Findings.Create(ScannerRules.SecurityCookieSameSite, page, $"Cookies without SameSite: {Names(noSameSite)}.", noSameSite));
        }

        static string Names(List<NodeSpec> nodes) => string.Join(", ", nodes.Select(n => n.Selector["cookie:".Length..]));
    }

    private static void CheckTls(Uri page, TlsDetails? tls, ScanThresholds thresholds, DateTimeOffset now, List<Finding> findings)
    {
        if (tls is null)
        {
            return;
        }

        if (tls.Protocol is { } protocol && TlsVersion().Match(protocol) is { Success: true } version
            && double.TryParse(version.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number < 1.2)
        {
            findings.Add(Findings.Create(ScannerRules.SecurityTlsVersion, page, $"The connection uses {protocol}; TLS 1.2 or later is needed."));
        }
        else if (tls.Protocol is { } other && (other.StartsWith("SSL", StringComparison.OrdinalIgnoreCase)))
        {
            findings.Add(Findings.Create(ScannerRules.SecurityTlsVersion, page, $"The connection uses {other}; TLS 1.2 or later is needed."));
        }

        if (tls.ValidTo is { } validTo)
        {
            var days = (validTo - now).TotalDays;
            if (days < thresholds.CertificateWarningDays)
            {
                var message = days < 0
                    ? string.Create(CultureInfo.InvariantCulture, $"The TLS certificate expired on {validTo:yyyy-MM-dd}.")
                    : string.Create(CultureInfo.InvariantCulture, $"The TLS certificate expires on {validTo:yyyy-MM-dd}, in {Math.Floor(days)} days (warning from {thresholds.CertificateWarningDays} days).");
                findings.Add(Findings.Create(ScannerRules.SecurityCertificateExpiry, page, message, impact: days < 0 ? FindingImpact.Critical : null));
            }
        }
    }

    /// <summary>CSP directives by name (lower-case) with their source lists; of repeated policies the first of each directive counts.</summary>
    public static Dictionary<string, string[]> ParseCsp(string csp)
    {
        var directives = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var directive in csp.Split([';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var tokens = directive.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            directives.TryAdd(tokens[0].ToLowerInvariant(), tokens[1..]);
        }

        return directives;
    }

    /// <summary>
    /// True when inline scripts may run: 'unsafe-inline' in script-src (or default-src when there is no script-src)
    /// without a nonce, hash or 'strict-dynamic', any of which makes browsers ignore 'unsafe-inline'.
    /// </summary>
    public static bool AllowsUnsafeInlineScripts(Dictionary<string, string[]> directives)
    {
        if (!directives.TryGetValue("script-src", out var sources) && !directives.TryGetValue("default-src", out sources))
        {
            return false;
        }

        var unsafeInline = sources.Any(s => s.Equals("'unsafe-inline'", StringComparison.OrdinalIgnoreCase));
        var cancelled = sources.Any(s => s.StartsWith("'nonce-", StringComparison.OrdinalIgnoreCase)
            || s.StartsWith("'sha256-", StringComparison.OrdinalIgnoreCase)
            || s.StartsWith("'sha384-", StringComparison.OrdinalIgnoreCase)
            || s.StartsWith("'sha512-", StringComparison.OrdinalIgnoreCase)
            || s.Equals("'strict-dynamic'", StringComparison.OrdinalIgnoreCase));
        return unsafeInline && !cancelled;
    }

    private static bool LooksLikeSession(string name)
    {
        var lower = name.ToLowerInvariant();
        return SessionCookieHints.Any(hint => lower.Contains(hint, StringComparison.Ordinal))
            || lower.StartsWith(".aspnetcore.", StringComparison.Ordinal)
            || lower.StartsWith("__host-", StringComparison.Ordinal)
            || lower.StartsWith("__secure-", StringComparison.Ordinal);
    }

    /// <summary>The cookie with its value replaced, so that reports never carry session secrets.</summary>
    private static string RedactValue(string cookie)
    {
        var semicolon = cookie.IndexOf(';', StringComparison.Ordinal);
        var pair = semicolon < 0 ? cookie : cookie[..semicolon];
        var rest = semicolon < 0 ? "" : cookie[semicolon..];
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        return (equals < 0 ? pair : pair[..(equals + 1)] + "…") + rest;
    }

    private static bool Is(ResponseHeader header, string name) => header.Name.Equals(name, StringComparison.OrdinalIgnoreCase);

    private static string? Single(IReadOnlyList<ResponseHeader> headers, string name) =>
        headers.FirstOrDefault(h => Is(h, name))?.Value;

    [GeneratedRegex(@"TLS\s*([0-9.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex TlsVersion();
}
