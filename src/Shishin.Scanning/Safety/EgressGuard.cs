using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Shishin.Scanning.Safety;

/// <summary>What the SSRF guard allows. The defaults reach only public addresses on ports 80 and 443.</summary>
internal sealed record EgressPolicy
{
    /// <summary>Allow loopback, private, link-local and other internal addresses (intranet scans and tests).</summary>
    public bool AllowPrivate { get; init; }

    /// <summary>Ports that may be reached; null allows any port.</summary>
    public IReadOnlySet<int>? AllowedPorts { get; init; } = new HashSet<int> { 80, 443 };

    /// <summary>
    /// Exact <c>host:port</c> pairs (IPv6 hosts in brackets, e.g. <c>[::1]:8080</c>) that may be reached although
    /// their address or port would otherwise be refused: one intranet site, or a test server on loopback, without
    /// opening every internal address as <see cref="AllowPrivate"/> does. Hosts are compared case-insensitively.
    /// </summary>
    public IReadOnlySet<string> AllowedEndpoints { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The policy of a scan with <paramref name="options"/>: what its browser and its own requests may reach.</summary>
    internal static EgressPolicy For(ScanOptions options) => new()
    {
        AllowPrivate = options.AllowPrivate,
        AllowedPorts = options.AllowedPorts,
        AllowedEndpoints = options.AllowedEndpoints,
    };

    internal bool IsExplicitlyAllowed(string host, int port)
    {
        if (AllowedEndpoints.Count == 0)
        {
            return false;
        }

        var name = host.Trim('[', ']').TrimEnd('.');
        var key = name.Contains(':', StringComparison.Ordinal) ? $"[{name}]" : name;
        return AllowedEndpoints.Contains(string.Create(CultureInfo.InvariantCulture, $"{key}:{port}"));
    }
}

/// <summary>Why a request was refused.</summary>
public enum EgressBlockReason
{
    /// <summary>Not allowed.</summary>
    None,

    /// <summary>A scheme other than http or https.</summary>
    Scheme,

    /// <summary>A user name or password in the address (<c>http://example.jp@127.0.0.1/</c>).</summary>
    UserInfo,

    /// <summary>An IPv4 address written as one number, in octal or in hexadecimal.</summary>
    NumericHostForm,

    /// <summary>A name reserved for internal use: localhost, cloud metadata, .internal, .local.</summary>
    InternalName,

    /// <summary>A port outside <see cref="EgressPolicy.AllowedPorts"/>.</summary>
    Port,

    /// <summary>The name or address leads to a non-public address.</summary>
    Address,

    /// <summary>The name does not resolve.</summary>
    Unresolvable,

    /// <summary>The address is not a valid absolute URL.</summary>
    Malformed,
}

/// <summary>The guard's answer for one URL or connection.</summary>
internal sealed record EgressDecision(bool Allowed, EgressBlockReason Reason, string Detail, IPAddress? Address = null)
{
    internal static EgressDecision Allow(IPAddress? address = null) => new(true, EgressBlockReason.None, "", address);

    internal static EgressDecision Block(EgressBlockReason reason, string detail) => new(false, reason, detail);
}

/// <summary>
/// The scanner's SSRF guard. It checks a URL's form, then resolves the host once, checks every address, and
/// hands back the checked address to connect to, so a second DNS answer (rebinding) can never be used.
/// </summary>
internal sealed class EgressGuard(EgressPolicy policy, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
{
    private static readonly string[] InternalNames = ["localhost", "metadata", "metadata.google.internal", "instance-data", "instance-data.ec2.internal"];
    private static readonly string[] InternalSuffixes = [".localhost", ".internal", ".local", ".home.arpa"];

    private readonly Func<string, CancellationToken, Task<IPAddress[]>> resolve = resolve ?? Dns.GetHostAddressesAsync;

    /// <summary>The policy this guard enforces.</summary>
    public EgressPolicy Policy => policy;

    /// <summary>Checks a URL's form without network access: scheme, user info, host form, internal names, port.</summary>
    public EgressDecision CheckForm(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return EgressDecision.Block(EgressBlockReason.Malformed, $"'{url}' is not an absolute URL.");
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return EgressDecision.Block(EgressBlockReason.Scheme, $"The scheme '{uri.Scheme}' is not http or https.");
        }

        // System.Uri rewrites http://2130706433/ to 127.0.0.1 and drops nothing visible, so the raw authority is read too.
        var authority = RawAuthority(url.Trim());
        if (authority.Contains('@', StringComparison.Ordinal) || uri.UserInfo.Length > 0)
        {
            return EgressDecision.Block(EgressBlockReason.UserInfo, "The address carries a user name or password.");
        }

        var rawHost = RawHost(authority);
        if (IsNumericHostTrick(rawHost))
        {
            return EgressDecision.Block(EgressBlockReason.NumericHostForm, $"The host '{rawHost}' is an IP address in an unusual numeric form.");
        }

        return CheckHostAndPort(uri.IdnHost, uri.Port);
    }

    /// <summary>Checks the form, then resolves the host and checks every address it has.</summary>
    public async Task<EgressDecision> CheckAsync(string url, CancellationToken cancellationToken = default)
    {
        var form = CheckForm(url);
        if (!form.Allowed)
        {
            return form;
        }

        var uri = new Uri(url.Trim());
        return await ResolveAsync(uri.IdnHost, uri.Port, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Resolves <paramref name="host"/> once and allows it only if every address is allowed; the decision carries
    /// the address to connect to.
    /// </summary>
    public async Task<EgressDecision> ResolveAsync(string host, int port, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        var name = host.Trim('[', ']');
        var basic = CheckHostAndPort(name, port);
        if (!basic.Allowed)
        {
            return basic;
        }

        IPAddress[] addresses;
        if (IPAddress.TryParse(name, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await resolve(name, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                return EgressDecision.Block(EgressBlockReason.Unresolvable, $"The name '{name}' does not resolve.");
            }
        }

        if (addresses.Length == 0)
        {
            return EgressDecision.Block(EgressBlockReason.Unresolvable, $"The name '{name}' does not resolve.");
        }

        if (!policy.AllowPrivate && !policy.IsExplicitlyAllowed(name, port))
        {
            foreach (var address in addresses)
            {
                var kind = AddressClassifier.Classify(address);
                if (kind != AddressKind.Public)
                {
                    return EgressDecision.Block(EgressBlockReason.Address, $"'{name}' leads to {address} ({kind}).");
                }
            }
        }

        var chosen = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses[0];
        return EgressDecision.Allow(chosen.IsIPv4MappedToIPv6 ? chosen.MapToIPv4() : chosen);
    }

    /// <summary>
    /// An <see cref="SocketsHttpHandler"/> whose every connection (first request, redirects, retries) goes through
    /// <see cref="ResolveAsync"/> and connects to the checked address.
    /// </summary>
    public SocketsHttpHandler CreateHandler()
    {
        return new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var decision = await ResolveAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
                if (!decision.Allowed)
                {
                    throw new EgressBlockedException(decision);
                }

                var socket = new Socket(decision.Address!.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(decision.Address, context.DnsEndPoint.Port), cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
    }

    private EgressDecision CheckHostAndPort(string host, int port)
    {
        if (policy.IsExplicitlyAllowed(host, port))
        {
            return EgressDecision.Allow();
        }

        if (policy.AllowedPorts is { } ports && !ports.Contains(port))
        {
            return EgressDecision.Block(EgressBlockReason.Port, string.Create(CultureInfo.InvariantCulture, $"The port {port} is not allowed."));
        }

        if (policy.AllowPrivate)
        {
            return EgressDecision.Allow();
        }

        var name = host.Trim('[', ']').TrimEnd('.').ToLowerInvariant();
        if (InternalNames.Contains(name, StringComparer.Ordinal) || InternalSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal)))
        {
            return EgressDecision.Block(EgressBlockReason.InternalName, $"'{name}' is a name for internal use.");
        }

        if (IPAddress.TryParse(name, out var address) && AddressClassifier.Classify(address) is var kind and not AddressKind.Public)
        {
            return EgressDecision.Block(EgressBlockReason.Address, $"{address} is not a public address ({kind}).");
        }

        return EgressDecision.Allow();
    }

    private static string RawAuthority(string url)
    {
        var start = url.IndexOf("//", StringComparison.Ordinal);
        if (start < 0)
        {
            return "";
        }

        var rest = url[(start + 2)..];
        var end = rest.IndexOfAny(['/', '?', '#', '\\']);
        return end < 0 ? rest : rest[..end];
    }

    private static string RawHost(string authority)
    {
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            return close < 0 ? authority : authority[..(close + 1)];
        }

        var colon = authority.LastIndexOf(':');
        return colon < 0 ? authority : authority[..colon];
    }

    /// <summary>2130706433, 0x7f000001, 0177.0.0.1, 127.1 and the like: forms browsers accept for IPv4 addresses.</summary>
    private static bool IsNumericHostTrick(string host)
    {
        if (host.Length == 0 || host.StartsWith('['))
        {
            return false;
        }

        var parts = host.TrimEnd('.').Split('.');
        if (!parts.All(p => p.Length > 0 && (p.All(char.IsAsciiDigit) || (p.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && p[2..].All(char.IsAsciiHexDigit)))))
        {
            return false;
        }

        // Only the canonical dotted quad with plain decimal parts (no leading zeros) is accepted.
        return parts.Length != 4 || parts.Any(p => p.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || (p.Length > 1 && p[0] == '0'));
    }
}

/// <summary>Thrown into HttpClient when the guard refuses a connection; the decision says why.</summary>
internal sealed class EgressBlockedException(EgressDecision decision) : HttpRequestException(decision.Detail)
{
    /// <summary>The guard's decision.</summary>
    public EgressDecision Decision { get; } = decision;
}
