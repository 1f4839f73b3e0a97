using System.ComponentModel.DataAnnotations;

namespace Shishin.Web.Infrastructure;

/// <summary>
/// The <c>ForwardedHeaders</c> section: the reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>
/// are believed. None by default, not even loopback (the framework's default), so a client cannot choose its own
/// address for rate limits, the audit log or the setup gate (ADR 0011).
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c> or <c>::1</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a chain are unwrapped (entries of X-Forwarded-For read from the right).</summary>
    [Range(1, 20)]
    public int ForwardLimit { get; set; } = 1;
}
