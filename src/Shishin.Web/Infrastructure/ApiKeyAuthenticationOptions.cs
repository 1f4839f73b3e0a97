using Microsoft.AspNetCore.Authentication;

namespace Shishin.Web.Infrastructure;

/// <summary>The options of the API key scheme (<see cref="ApiKeyAuthentication.Scheme"/>); it has none of its own yet.</summary>
public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions;
