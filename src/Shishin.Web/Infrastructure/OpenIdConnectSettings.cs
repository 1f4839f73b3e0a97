namespace Shishin.Web.Infrastructure;

/// <summary>The optional <c>Authentication:OpenIdConnect</c> section; sign-in with it appears when Authority is set.</summary>
public sealed class OpenIdConnectSettings
{
    public const string SectionName = "Authentication:OpenIdConnect";

    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string DisplayName { get; set; } = "OpenID Connect";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
