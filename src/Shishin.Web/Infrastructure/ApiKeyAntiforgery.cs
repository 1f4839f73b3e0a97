using Microsoft.AspNetCore.Antiforgery;

namespace Shishin.Web.Infrastructure;

/// <summary>
/// Antiforgery that does not ask a request authenticated by an API key for a token. Cross-site request forgery works
/// by making a browser send its ambient credentials (the sign-in cookie); a key is sent only by a client that holds
/// it, in a header a cross-site page cannot set without CORS (which Shishin does not allow), so there is nothing to
/// forge. Requests signed in with the cookie are checked exactly as before.
/// </summary>
internal sealed class ApiKeyAntiforgery(IAntiforgery inner) : IAntiforgery
{
    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) => inner.GetAndStoreTokens(httpContext);

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) =>
        ApiKeyAuthentication.IsKeyPrincipal(httpContext.User) ? Task.FromResult(true) : inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) =>
        ApiKeyAuthentication.IsKeyPrincipal(httpContext.User) ? Task.CompletedTask : inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    /// <summary>Wraps the registered <see cref="IAntiforgery"/> (after <see cref="HttpCachingExtensions.AddShishinHttpCaching"/> has wrapped it).</summary>
    internal static void Decorate(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IAntiforgery))
            ?? throw new InvalidOperationException("Register antiforgery before the API keys.");
        services.Remove(registered);
        services.AddSingleton<IAntiforgery>(sp => new ApiKeyAntiforgery(
            registered.ImplementationInstance as IAntiforgery
            ?? (IAntiforgery?)registered.ImplementationFactory?.Invoke(sp)
            ?? (IAntiforgery)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)));
    }
}
