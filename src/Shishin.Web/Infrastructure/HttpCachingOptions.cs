using System.ComponentModel.DataAnnotations;

namespace Shishin.Web.Infrastructure;

/// <summary>The <c>HttpCaching</c> section: the server's cache of public responses (ADR 0013).</summary>
public sealed class HttpCachingOptions
{
    public const string SectionName = "HttpCaching";

    /// <summary>False turns the server-side output cache off; ETags, 304 and compression stay.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a cached response is kept at most.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How often a node re-reads which catalogue versions are published. Publishing on this node takes effect at once;
    /// on other nodes after at most this long. Zero reads it on every request.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan CatalogCheckInterval { get; set; } = TimeSpan.FromSeconds(5);
}
