using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Shishin.Core.ApiKeys;
using Shishin.Core.Auditing;
using Shishin.Core.Identity;

namespace Shishin.Web.Infrastructure;

/// <summary>
/// <c>Authorization: Bearer shk_…</c> on /api/v1 (the sign-in cookie's scheme forwards such requests here, see
/// <see cref="ApiKeyAuthentication"/>). The principal is the key's user as the database has them now (roles,
/// two-step verification) plus the key's id, prefix and scopes. A key that does not work ends the request with 401
/// before anything else runs, public endpoints included: a client with a broken key must hear so, not get anonymous
/// answers. A read-only key is refused every unsafe method, whatever the endpoint's own policy says.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys,
    IUserClaimsPrincipalFactory<ShishinUser> principals,
    ApiKeyThrottle throttle,
    AuditBursts bursts,
    AuditActor actor,
    IStringLocalizer<SharedResource> l)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, logger, encoder), IAuthenticationRequestHandler
{
    public const string FailedAction = "security.api-key-refused";
    public const string UsedAction = "apikey.used";

    private const string InvalidToken = "Bearer error=\"invalid_token\", error_description=\"The API key is unknown, has expired or was revoked.\"";
    private const string InsufficientScope = "Bearer error=\"insufficient_scope\", scope=\"write\", error_description=\"This API key may only read.\"";

    private TimeSpan? throttledFor;

    public async Task<bool> HandleRequestAsync()
    {
        if (!ApiKeyAuthentication.IsKeyRequest(Request))
        {
            return false;
        }

        var result = await AuthenticateAsync();
        if (result.Succeeded)
        {
            if (!HttpMethods.IsGet(Request.Method) && !HttpMethods.IsHead(Request.Method) && !HttpMethods.IsOptions(Request.Method) &&
                !result.Principal.HasClaim(ApiKeyAuthentication.ScopeClaim, ApiKeyScopes.Write))
            {
                Response.Headers.WWWAuthenticate = InsufficientScope;
                await ProblemAsync(StatusCodes.Status403Forbidden, l["This API key may only read"], l["Create a key that may also write to change data."]);
                return true;
            }

            return false;
        }

        if (throttledFor is { } wait)
        {
            ShishinRateLimiting.SetRetryAfter(Response, wait);
            await ProblemAsync(StatusCodes.Status429TooManyRequests, l["Too many requests"], l["Wait a moment and try again."]);
            return true;
        }

        await ChallengeAsync(new AuthenticationProperties());
        return true;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!ApiKeyAuthentication.TryGetKey(Request, out var presented))
        {
            return AuthenticateResult.Fail("The Authorization header holds no Bearer key.");
        }

        if (throttle.Refuses(Context, out var wait))
        {
            throttledFor = wait;
            AuditActorMiddleware.Describe(Context, Context.User, actor);
            await bursts.RecordAsync(Context, FailedAction, "ApiKey", null, "throttled", new { reason = "throttled" });
            return AuthenticateResult.Fail("Too many failed API key attempts from this client.");
        }

        var check = await keys.AuthenticateAsync(presented, Context.RequestAborted);
        if (!check.Succeeded)
        {
            throttle.Failed(Context);
            AuditActorMiddleware.Describe(Context, Context.User, actor);
            await bursts.RecordAsync(Context, FailedAction, "ApiKey", check.Key?.Id.ToString(), check.Failure!,
                new { reason = check.Failure, prefix = check.Key?.Prefix });
            return AuthenticateResult.Fail("The API key is unknown, has expired or was revoked.");
        }

        var user = await principals.CreateAsync(check.User!);
        var identity = new ClaimsIdentity(user.Claims, Scheme.Name, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ApiKeyAuthentication.KeyIdClaim, check.Key!.Id.ToString()));
        identity.AddClaim(new Claim(ApiKeyAuthentication.KeyPrefixClaim, check.Key.Prefix));
        foreach (var scope in ApiKeyScopes.Split(check.Key.Scopes))
        {
            identity.AddClaim(new Claim(ApiKeyAuthentication.ScopeClaim, scope));
        }

        var principal = new ClaimsPrincipal(identity);
        if (check.Touched)
        {
            // A trace of reads too, as the key's user, at most once a minute per key (as often as its last-used time).
            AuditActorMiddleware.Describe(Context, principal, actor);
            var path = Request.Path.Value ?? "";
            await Context.RequestServices.GetRequiredService<AuditLog>().RecordAsync(UsedAction, "ApiKey", check.Key.Id.ToString(),
                new { method = Request.Method, path = path.Length > 200 ? path[..200] : path }, Context.RequestAborted);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = result.Failure is null ? "Bearer" : InvalidToken;
        await ProblemAsync(StatusCodes.Status401Unauthorized, l["The API key is not valid"],
            l["The key is unknown, has expired or was revoked, or its user can no longer sign in."]);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemAsync(StatusCodes.Status403Forbidden, l["You do not have access to this page"], l["The key's user may not do this."]);

    /// <summary>
    /// Problem details written here rather than by the status code page, which re-executes the request with its own
    /// method and has no page for PUT, PATCH or DELETE.
    /// </summary>
    private Task ProblemAsync(int status, string title, string detail)
    {
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail, Instance = Request.Path.Value };
        problem.Extensions["correlationId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? Context.TraceIdentifier;
        return Results.Problem(problem).ExecuteAsync(Context);
    }
}
