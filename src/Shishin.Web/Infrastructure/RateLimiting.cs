using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Shishin.Web.Infrastructure;

/// <summary>
/// Per-client limits on the anonymous doors of the site (ADR 0011): sign-in, the second step, setup, invitations
/// and every anonymous POST. A refused request gets 429 with Retry-After and the localised error page, or problem
/// details under /api (both rendered by the status code page).
/// </summary>
public static class ShishinRateLimiting
{
    public const string SignInPolicy = "sign-in";
    public const string TwoFactorPolicy = "two-factor";
    public const string SetupPolicy = "setup";
    public const string InvitationPolicy = "invitation";
    public const string PasswordResetPolicy = "password-reset";

    /// <summary>Starting scans and uploading reports through /api/v1, per user (issue 14).</summary>
    public const string ScanApiPolicy = "scan-api";

    /// <summary>Which page's POST each policy guards (Razor page paths).</summary>
    private static readonly (string Page, string Policy)[] Pages =
    [
        ("/Account/SignIn", SignInPolicy),
        ("/Account/SignInTwoFactor", TwoFactorPolicy),
        ("/Account/SignInRecovery", TwoFactorPolicy),
        ("/Setup/Index", SetupPolicy),
        ("/Account/Invitation", InvitationPolicy),
        ("/Account/ForgotPassword", PasswordResetPolicy),
        ("/Account/ResetPassword", PasswordResetPolicy),
        ("/Account/ConfirmEmail", PasswordResetPolicy),
    ];

    public static IServiceCollection AddShishinRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitingOptions>().Bind(configuration.GetSection(RateLimitingOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitingOptions>, RateLimitingOptionsValidator>();
        services.AddSingleton<AuditBursts>();
        services.AddHostedService<AuditBurstFlushService>();
        services.AddSingleton<SignInThrottle>();

        services.AddOptions<RazorPagesOptions>().Configure<IOptions<RateLimitingOptions>>((pages, limits) =>
        {
            if (!limits.Value.Enabled)
            {
                return;
            }

            foreach (var (page, policy) in Pages)
            {
                pages.Conventions.AddPageApplicationModelConvention(page, m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(policy)));
            }
        });

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((o, options) =>
        {
            var limits = options.Value;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = OnRejectedAsync;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsAnonymousPost(context) ? PerClient(context, limits.AnonymousPost) : RateLimitPartition.GetNoLimiter(""));
            o.AddPolicy(SignInPolicy, context => PostPerClient(context, limits.SignIn));
            o.AddPolicy(TwoFactorPolicy, context => PostPerClient(context, limits.TwoFactor));
            o.AddPolicy(SetupPolicy, context => PostPerClient(context, limits.Setup));
            o.AddPolicy(InvitationPolicy, context => PostPerClient(context, limits.Invitation));
            o.AddPolicy(PasswordResetPolicy, context => PostPerClient(context, limits.PasswordReset));
            o.AddPolicy(ScanApiPolicy, context => PerUser(context, limits.ScanApi));
        });
        return services;
    }

    /// <summary>After authentication, so that "anonymous" is known, and after forwarded headers, so the client address is.</summary>
    public static IApplicationBuilder UseShishinRateLimiting(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.ApplicationServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value.Enabled ? app.UseRateLimiter() : app;
    }

    /// <summary>
    /// The partition of a client: its address after forwarded headers; an IPv6 client by its /64, because one
    /// household or office is handed a whole /64 and could otherwise rotate addresses to escape every limit.
    /// </summary>
    public static string ClientKey(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }

    private static bool IsAnonymousPost(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) &&
        context.User.Identity?.IsAuthenticated != true &&
        // The error page re-executed for a refused request must not be counted (or refused) a second time.
        context.Features.Get<IStatusCodeReExecuteFeature>() is null;

    private static RateLimitPartition<string> PostPerClient(HttpContext context, RateLimit limit) =>
        HttpMethods.IsPost(context.Request.Method) ? PerClient(context, limit) : RateLimitPartition.GetNoLimiter("");

    /// <summary>Per signed-in user or key holder (all their keys together), so a shared office address does not count against everyone.</summary>
    private static RateLimitPartition<string> PerUser(HttpContext context, RateLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(
            context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } user ? "user:" + user : ClientKey(context),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0 });

    private static RateLimitPartition<string> PerClient(HttpContext context, RateLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
        });

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        SetRetryAfter(context.Response, retryAfter);
        var path = context.Request.Path.Value ?? "";
        await context.RequestServices.GetRequiredService<AuditBursts>().RecordAsync(context, "security.rate-limited", "HttpRequest", null, "rate-limited",
            new { method = context.Request.Method, path = path.Length > 200 ? path[..200] : path }, cancellationToken);
        // The body is left empty: the status code page re-executes /errors/429, which answers problem details under /api.
    }

    internal static void SetRetryAfter(HttpResponse response, TimeSpan retryAfter) =>
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
