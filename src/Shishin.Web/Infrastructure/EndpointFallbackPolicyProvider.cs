using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Shishin.Web.Infrastructure;

/// <summary>
/// Applies the fallback policy (sign-in required) only to the pages and endpoints of the application. The
/// authorisation middleware also asks for it when no endpoint matched, which sent an anonymous visitor of a mistyped
/// address to sign-in instead of the 404 page; routing's own rejection endpoints (the 405 for a known route and a
/// wrong method) are not ours either and answer as they are, signed in or not.
/// </summary>
public sealed class EndpointFallbackPolicyProvider(IOptions<AuthorizationOptions> options, IHttpContextAccessor accessor) : IAuthorizationPolicyProvider
{
    private readonly DefaultAuthorizationPolicyProvider inner = new(options);

    public Task<AuthorizationPolicy?> GetFallbackPolicyAsync() =>
        accessor.HttpContext?.GetEndpoint() is RouteEndpoint ? inner.GetFallbackPolicyAsync() : Task.FromResult<AuthorizationPolicy?>(null);

    public Task<AuthorizationPolicy> GetDefaultPolicyAsync() => inner.GetDefaultPolicyAsync();

    public Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) => inner.GetPolicyAsync(policyName);

    // Policies are cached per endpoint, and the answer above depends only on the endpoint.
    public bool AllowsCachingPolicies => inner.AllowsCachingPolicies;
}
