using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Shishin.Core.ApiKeys;

namespace Shishin.Web.Infrastructure;

/// <summary>
/// API keys for machine clients on /api/v1 (issue 12). A request to /api/v1 with <c>Authorization: Bearer</c> is
/// authenticated by the key alone (the sign-in cookie's scheme forwards it to <see cref="ApiKeyAuthenticationHandler"/>,
/// and a cookie sent along is ignored); every other request is the cookie's, as before, and a Bearer header elsewhere
/// means nothing.
/// </summary>
public static class ApiKeyAuthentication
{
    public const string Scheme = "ApiKey";

    /// <summary>One claim per scope of the key: <c>read</c>, and <c>write</c> for a key that may write.</summary>
    public const string ScopeClaim = "scope";

    public const string KeyIdClaim = "shishin:api-key";
    public const string KeyPrefixClaim = "shishin:api-key-prefix";

    private const string BearerPrefix = "Bearer ";

    /// <summary>Call after <see cref="HttpCachingExtensions.AddShishinHttpCaching"/> (the antiforgery service is wrapped again).</summary>
    public static IServiceCollection AddShishinApiKeys(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(Scheme, null);
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
            o.ForwardDefaultSelector = context => IsKeyRequest(context.Request) ? Scheme : null);
        services.AddSingleton<ApiKeyThrottle>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.ApiRead, p => p.RequireAuthenticatedUser().RequireAssertion(c => Allows(c.User, ApiKeyScopes.Read)))
            .AddPolicy(Policies.ApiWrite, p => p.RequireAuthenticatedUser().RequireAssertion(c => Allows(c.User, ApiKeyScopes.Write)));
        ApiKeyAntiforgery.Decorate(services);
        services.Configure<OpenApiOptions>("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
            document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A personal API key (shk_…) created at /account/api-keys or with `shishin apikey create`. " +
                    "It acts as its user with the user's own rights; a key with the read scope only cannot use POST, PUT, PATCH or DELETE.",
            };
            // Optional everywhere: the public endpoints answer anonymous callers too, and signed-in browsers use the cookie.
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] });
            document.Security.Add(new OpenApiSecurityRequirement());
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>A request the API key scheme answers for: /api/v1 with an Authorization header of the Bearer kind.</summary>
    public static bool IsKeyRequest(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase) &&
            request.Headers.Authorization.Any(v => v is not null &&
                (v.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || v.Trim().Equals(BearerPrefix.Trim(), StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The key of the request's one Bearer header; false for several Authorization headers or an empty key.</summary>
    public static bool TryGetKey(HttpRequest request, out string key)
    {
        ArgumentNullException.ThrowIfNull(request);
        key = "";
        var values = request.Headers.Authorization;
        if (values.Count != 1 || values[0] is not { } value || !value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        key = value[BearerPrefix.Length..].Trim();
        return key.Length > 0;
    }

    /// <summary>Whether the principal was authenticated by an API key (not the sign-in cookie).</summary>
    public static bool IsKeyPrincipal(ClaimsPrincipal? user) =>
        user?.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == Scheme) == true;

    /// <summary>People signed in with the cookie may do what their roles allow; a key also needs the scope.</summary>
    public static bool Allows(ClaimsPrincipal user, string scope) =>
        !IsKeyPrincipal(user) || user.HasClaim(ScopeClaim, scope);
}
