using System.ComponentModel.DataAnnotations;

namespace Shishin.Web.Infrastructure;

/// <summary>The <c>Security</c> configuration section.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>HTTPS redirection, HSTS and Secure/__Host- cookies. Only Development turns it off.</summary>
    public bool RequireHttps { get; set; } = true;

    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How often a session is checked against the account (deactivation, role changes). Zero means every request.</summary>
    public TimeSpan SessionRevalidationInterval { get; set; } = TimeSpan.Zero;
}
